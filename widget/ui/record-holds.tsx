import type { MessageKey } from '../i18n/messages';
import type { LockModel } from '../model/lock-model';

const HOLD_MESSAGES: Record<string, MessageKey> = {
  awaiting_approval: 'hold.awaitingApproval',
  approval_rejected: 'hold.approvalRejected',
  zia_vision_processing: 'hold.ziaVisionProcessing',
};

/** A record held by approval or Zia image processing, told apart from a lock. */
function HeldNotice({ model }: { model: LockModel }) {
  const key = HOLD_MESSAGES[model.hold.value];
  return key ? <p class="rl-held">{model.t.value(key)}</p> : null;
}

/** A module without a locking configuration, and where an administrator turns it on. */
function NoConfigurationNotice({ model }: { model: LockModel }) {
  const t = model.t.value;
  const module = model.record.value?.module;
  if (model.configuration.value !== null || !module) return null;
  return (
    <div class="rl-held">
      <p>{t('why.noConfiguration')}</p>
      <p class="rl-muted">{t('why.noConfiguration.howTo', { module })}</p>
    </div>
  );
}

/** Why the record cannot be locked as usual: held by approval or Zia, or its module has no configuration. */
export function RecordHolds({ model }: { model: LockModel }) {
  return (
    <>
      <HeldNotice model={model} />
      <NoConfigurationNotice model={model} />
    </>
  );
}
