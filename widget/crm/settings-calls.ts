import type { Crm, CrmOptions } from './crm';
import { configurationCalls } from './configuration';
import { fieldCalls } from './fields';
import { profileCalls } from './profiles';

/** The reads of a module's settings: loaded on demand, since a view with cached settings makes none of them. */
export type SettingsCalls = Pick<Crm, 'getLockingConfiguration' | 'getLockPermission' | 'getReasonMaxLength'>;

export function settingsCalls(options: CrmOptions): SettingsCalls {
  return { ...configurationCalls(options), ...profileCalls(options), ...fieldCalls(options) };
}
