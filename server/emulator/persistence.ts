/**
 * The optional data file: read once at start (refused loudly when unreadable, never
 * overwritten), written after each change as a temp file renamed over the old one.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { StateSchema } from './state-schema';
import type { EmulatorState } from './state';

/** The saved state, or undefined when the file does not exist yet. */
export const loadState = (file: string): EmulatorState | undefined => {
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Emulator data file ${file} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Emulator data file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = StateSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown shape';
    throw new Error(`Emulator data file ${file} does not hold emulator state (${where}); it was left untouched.`);
  }
  return parsed.data;
};

export const saveState = (file: string, state: EmulatorState): void => {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
};
