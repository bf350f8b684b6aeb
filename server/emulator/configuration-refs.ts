/** References in a configuration's input: a profile, button or field named by its id, api_name or name. */
import { z } from 'zod';
import { parseOr, refuse } from './configuration-refusals';
import { ERRORS } from './errors';
import { findField, type ModuleMeta } from './modules';

export const Id = z.union([z.string(), z.number()]).transform(String);
export const Ref = z.object({ id: Id.optional(), api_name: z.string().optional(), name: z.string().optional() });

/** A field of the module, by api_name or id; both given must name the same field. */
export const fieldRef = (module: ModuleMeta, value: unknown, key: string): { api_name: string; id: string } => {
  const ref = parseOr(Ref, value, key);
  if (ref.api_name === undefined && ref.id === undefined) return refuse(ERRORS.expectedFieldMissing, key);
  const byName = ref.api_name === undefined ? undefined : findField(module, { api_name: ref.api_name });
  const byId = ref.id === undefined ? undefined : findField(module, { id: ref.id });
  if (byName && byId && byName !== byId) return refuse(ERRORS.ambiguity, key);
  const field = byName ?? byId;
  if (!field) return refuse(ERRORS.fieldNotFound, key);
  return { api_name: field.api_name, id: field.id };
};
