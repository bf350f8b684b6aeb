import * as z from '../host/zod';

/** Zoho's `{ id, name }` reference to a user, profile, rule or custom button. */
export const idName = z.object({ id: z.string(), name: z.string() });

/** Zoho's `{ data: [item] }` envelope of record answers. */
export const dataOf = <T extends z.core.SomeType>(item: T) => z.object({ data: z.array(item) });
