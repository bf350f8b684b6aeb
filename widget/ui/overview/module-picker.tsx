import type { LockedRecordsModel } from '../../model/locked-records-model';

/** The module whose locked records are listed, among those with a locking configuration. */
export function ModulePicker({ model }: { model: LockedRecordsModel }) {
  const t = model.t.value;
  return (
    <p class="rl-field">
      <label for="rl-module">{t('overview.module.label')}</label>{' '}
      <select
        id="rl-module"
        value={model.module.value ?? ''}
        onChange={(event) => void model.chooseModule(event.currentTarget.value)}
      >
        {model.modules.value.map((name) => (
          <option key={name} value={name}>
            {name.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </p>
  );
}
