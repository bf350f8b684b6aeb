import type { Translate } from '../../i18n/messages';
import type { ListResult } from '../../model/list-results';
import { recordLabel } from '../record-label';

/** One record of a run that did not change, by name, with why, in the viewer's words. */
export function resultText(t: Translate, { record, outcome }: ListResult, locking: boolean): string {
  const name = recordLabel(t, record);
  switch (outcome.kind) {
    case 'alreadyLocked':
      if (outcome.byViewer) return t('list.result.alreadyLockedByYou', { name });
      return outcome.by ? t('list.result.alreadyLocked', { name, locker: outcome.by }) : t('list.result.alreadyLockedUnnamed', { name });
    case 'heldByRule':
      return t('list.result.heldByRule', { name });
    case 'held':
      return t(outcome.hold === 'awaiting_approval' ? 'list.result.awaitingApproval' : outcome.hold === 'approval_rejected' ? 'list.result.approvalRejected' : 'list.result.ziaProcessing', { name });
    case 'noPermission':
      return t('list.result.noPermission', { name });
    case 'alreadyUnlocked':
      return t('overview.bulk.alreadyUnlocked', { name });
    case 'changed':
      return t('overview.bulk.changed', { name });
    case 'unknown':
      return t('list.result.unknown', { name, message: t(outcome.failure.message, outcome.failure.params) });
    case 'failed': {
      const message = t(outcome.failure.message, outcome.failure.params);
      const code = outcome.failure.code;
      if (locking) return code ? t('list.result.notLockedCode', { name, message, code }) : t('list.result.notLocked', { name, message });
      return code ? t('list.result.notUnlockedCode', { name, message, code }) : t('list.result.notUnlocked', { name, message });
    }
    default:
      return name;
  }
}
