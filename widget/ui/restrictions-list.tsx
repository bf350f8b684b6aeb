import type { MessageKey } from '../i18n/messages';
import type { LockModel } from '../model/lock-model';

const KNOWN: Partial<Record<string, MessageKey>> = {
  update: 'restrictions.update',
  delete: 'restrictions.delete',
  tags: 'restrictions.tags',
  change_owner: 'restrictions.change_owner',
  convert: 'restrictions.convert',
  send_mail: 'restrictions.send_mail',
  send_survey: 'restrictions.send_survey',
  send_portal_invitation: 'restrictions.send_portal_invitation',
};

/** "Deal_Stage_Notes" reads "Deal Stage Notes": the configuration names fields by API name only. */
const fieldLabel = (apiName: string) => apiName.replace(/_+/g, ' ').trim();

/** What the lock blocks on a locked record, and which fields stay editable, from the configuration. */
export function RestrictionsList({ model }: { model: LockModel }) {
  const t = model.t.value;
  const configuration = model.configuration.value;
  if (!model.lock.value || !configuration) return null;
  const blocked = [...configuration.restrictedActions, ...configuration.restrictedCommunications];
  const buttons = configuration.restrictedCustomButtons.map((button) => button.name);
  const fields = configuration.excludedFields.map((field) => fieldLabel(field.apiName));
  return (
    <section class="rl-restrictions" aria-labelledby="rl-restrictions-title">
      <p id="rl-restrictions-title" class="rl-form-title">
        {t('restrictions.title')}
      </p>
      <ul>
        {blocked.map((name) => {
          const key = KNOWN[name];
          return <li key={name}>{key ? t(key) : t('restrictions.other', { name })}</li>;
        })}
        {buttons.length > 0 && <li>{t('restrictions.customButtons', { names: buttons.join(', ') })}</li>}
      </ul>
      {fields.length > 0 && <p class="rl-muted">{t('restrictions.editableFields', { fields: fields.join(', ') })}</p>}
    </section>
  );
}
