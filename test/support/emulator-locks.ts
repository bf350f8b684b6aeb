import { z } from 'zod';
import type { Emulator } from '../../server/emulator/index';

const snapshotSchema = z.object({
  locks: z.array(z.looseObject({ module: z.string(), recordId: z.string(), reason: z.string().nullable() })),
});

/** The locks the emulator holds on one record, read from its state. */
export function locksOn(emulator: Emulator, module: string, recordId: string): { reason: string | null }[] {
  return snapshotSchema.parse(emulator.snapshot()).locks.filter((lock) => lock.module === module && lock.recordId === recordId);
}
