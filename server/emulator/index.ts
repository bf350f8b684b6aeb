/** The local Zoho CRM REST emulator: in-process (`handle`) or over HTTP (`listen`). */
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
export type { UserStatus } from './state';
export { listen } from './listen';
export { DEMO_USERS, SEED } from './seed-ids';
export { nameFieldsOf, recordDisplayName } from './record-name';
