import { newId, type EmulatorState, type RecordState } from './state';
import { zohoTime } from './zoho-time';

/** A record as an insert makes it: a new id, created and last modified now by the caller, approved. */
export function newRecord(
  state: EmulatorState,
  fields: RecordState['fields'],
  { ownerId, callerId, now }: { ownerId: string; callerId: string; now: Date },
): RecordState {
  const time = zohoTime(now);
  return {
    id: newId(state),
    fields,
    ownerId,
    createdById: callerId,
    modifiedById: callerId,
    createdTime: time,
    modifiedTime: time,
    approvalState: 'approved',
    ziaVisionProcessing: false,
  };
}
