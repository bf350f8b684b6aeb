/**
 * The emulator itself: one state, a handler from Request to Response, and the controls tests
 * need (tokens, faults, reset, snapshot). Its options and face are in emulator-api.ts, what the
 * handler and the controls share in emulator-core.ts.
 */
import { createCallHandler } from './call-handling';
import type { Emulator, EmulatorOptions } from './emulator-api';
import { createControls } from './emulator-controls';
import { createEmulatorCore } from './emulator-core';

export type { Emulator, EmulatorOptions } from './emulator-api';

/**
 * @example
 * const emulator = createEmulator();
 * const response = await emulator.handle(new Request('http://localhost/crm/v8/users?type=CurrentUser', {
 *   headers: { Authorization: 'Zoho-oauthtoken 1000.demo.rep' },
 * }));
 */
export const createEmulator = (options: EmulatorOptions = {}): Emulator => {
  const core = createEmulatorCore(options);
  // The data file holds the org from the start, before any call writes to it.
  core.save();
  return { handle: createCallHandler(core), ...createControls(core, options) };
};
