/**
 * Which columns a COQL query may name on a module, and each one's type: the module's fields, `id`,
 * the system fields, and lookups with a dotted part (`Owner.email`, `What_Id.id`).
 */
import { ERRORS, fail } from '../errors';
import type { ModuleMeta } from '../modules';

/** `id`: a record or user id, compared exactly as digits (Zoho's ids outgrow a JS number). */
export type ColumnKind = 'id' | 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'lookup' | 'user-lookup';

const SYSTEM_COLUMNS: Record<string, ColumnKind> = {
  id: 'id',
  Created_Time: 'datetime',
  Modified_Time: 'datetime',
  Created_By: 'user-lookup',
  Modified_By: 'user-lookup',
};

/** What a user lookup offers after its dot. */
export const USER_PARTS = ['id', 'first_name', 'last_name', 'full_name', 'email'] as const;

const kindOf = (dataType: string): ColumnKind => {
  if (dataType === 'ownerlookup' || dataType === 'userlookup') return 'user-lookup';
  if (dataType.includes('lookup')) return 'lookup';
  if (['currency', 'bigint', 'integer', 'double', 'decimal', 'percent'].includes(dataType)) return 'number';
  if (dataType === 'date' || dataType === 'datetime' || dataType === 'boolean') return dataType;
  return 'text';
};

const baseKind = (module: ModuleMeta, name: string): ColumnKind | undefined => {
  const system = SYSTEM_COLUMNS[name];
  if (system) return system;
  const field = module.fields.find((f) => f.api_name === name);
  return field ? kindOf(field.data_type) : undefined;
};

/** The column's kind, or INVALID_QUERY "column given seems to be invalid" naming it and its clause. */
export const columnKind = (module: ModuleMeta, column: string, clause: string): ColumnKind => {
  const [base = '', part, ...more] = column.split('.');
  const kind = baseKind(module, base);
  const invalid = (): never => fail(ERRORS.coqlInvalidColumn, { column_name: column, clause });
  if (kind === undefined || more.length > 0) return invalid();
  if (part === undefined) return kind;
  if (kind === 'user-lookup' && (USER_PARTS as readonly string[]).includes(part)) return part === 'id' ? 'id' : 'text';
  if (kind === 'lookup' && part === 'id') return 'id';
  return invalid();
};
