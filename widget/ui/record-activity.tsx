// The part behind unlock requests and the lock history: their model and components load together, on demand.
export { createRecordActivity } from '../model/record-activity';
export { RequestsSection } from './unlock-requests';
export { HistorySection } from './lock-history';
