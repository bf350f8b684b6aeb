import { configurationCalls, type ConfigurationCalls } from './configuration';
import type { CrmOptions } from './crm-options';
import { fieldCalls, type FieldCalls } from './fields';
import { profileCalls, type PermissionCalls } from './profiles';

/** The reads of a module's settings, over the org connection: a view with cached settings makes none of them. */
export type SettingsCalls = ConfigurationCalls & PermissionCalls & FieldCalls;

export function settingsCalls(options: CrmOptions): SettingsCalls {
  return { ...configurationCalls(options), ...profileCalls(options), ...fieldCalls(options) };
}
