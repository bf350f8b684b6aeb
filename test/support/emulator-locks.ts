import { z } from 'zod';
import type { Emulator } from '../../server/emulator/index';

const snapshotSchema = z.object({
  locks: z.array(z.looseObject({ module: z.string(), recordId: z.string(), reason: z.string().nullable() })),
});

/** The locks the emulator holds on one record, read from its state. */
export function locksOn(emulator: Emulator, module: string, recordId: string): { reason: string | null }[] {
  return snapshotSchema.parse(emulator.snapshot()).locks.filter((lock) => lock.module === module && lock.recordId === recordId);
}

const tasksSchema = z.object({
  records: z.object({
    Tasks: z.array(z.object({ fields: z.looseObject({ Status: z.string(), Description: z.string().nullable() }) })),
  }),
});

/** The tasks the emulator holds related to one record (unlock requests among them), Status by its actual value. */
export function tasksOn(emulator: Emulator, recordId: string): { Status: string; Description: string | null }[] {
  return tasksSchema
    .parse(emulator.snapshot())
    .records.Tasks.map((task) => task.fields)
    .filter((fields) => (fields['What_Id'] as { id?: string } | null)?.id === recordId);
}
