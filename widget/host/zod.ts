import { config } from 'zod/mini';

// The widget's Content-Security-Policy forbids 'unsafe-eval'. zod's object parser can probe
// `new Function` as its first schema is built (browsers report even a caught refusal as a CSP
// violation) and compile parsers with it; zod/mini 4.6 does neither, and `jitless` keeps it so.
// Schemas are built as their modules load, so every widget module takes zod from here
// (`import * as z from '../host/zod'`): this module has run before any of them builds one.
config({ jitless: true });

export { array, boolean, catchall, enum, looseObject, nullable, nullish, number, object, optional, string, union, unknown } from 'zod/mini';
export type { core, infer } from 'zod/mini';
