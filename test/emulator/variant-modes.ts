/**
 * A variant switched on either way a caller can: for the whole emulator (`variants` option) or for
 * each call (the `X-Emulator-Variant` header). Variant tests run under both.
 */
import { createEmulator, type Emulator, type EmulatorOptions } from '../../server/emulator';
import type { Variant } from '../../server/emulator/variants';
import { call, type Answer, type CallOptions } from './call';

export interface VariantOrg {
  emulator: Emulator;
  /** A call answered under the variant. */
  ask(method: string, path: string, options?: CallOptions): Promise<Answer>;
}

type Mode = (variants: Variant[], options?: EmulatorOptions) => VariantOrg;

const byOption: Mode = (variants, options = {}) => {
  const emulator = createEmulator({ ...options, variants });
  return { emulator, ask: (method, path, callOptions = {}) => call(emulator, method, path, callOptions) };
};

const byHeader: Mode = (variants, options = {}) => {
  const emulator = createEmulator(options);
  return {
    emulator,
    ask: (method, path, callOptions = {}) =>
      call(emulator, method, path, { ...callOptions, headers: { ...callOptions.headers, 'X-Emulator-Variant': variants.join(',') } }),
  };
};

/** Rows for `describe.each`: each way of switching a variant on. */
export const VARIANT_MODES = [
  ['the emulator’s variants option', byOption],
  ['the X-Emulator-Variant header', byHeader],
] as const;
