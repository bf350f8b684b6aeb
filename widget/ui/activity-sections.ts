import './ui-base';
// One part for the unlock requests and the lock history, shown once their model has loaded.
export { HistorySection } from './lock-history';
export { RequestsSection } from './unlock-requests';
