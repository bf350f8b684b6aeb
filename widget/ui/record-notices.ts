import './ui-base';
// One part for what the panel shows only of some records: a failure, a hold, a lock's restrictions.
export { ErrorNotice } from './error-notice';
export { RecordHolds } from './record-holds';
export { RestrictionsList } from './restrictions-list';
