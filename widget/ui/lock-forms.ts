import './ui-base';
// One part for the forms a viewer opens: the reason form and the unlock confirmation load together.
export { ReasonForm } from './reason-form';
export { UnlockConfirm } from './unlock-confirm';
