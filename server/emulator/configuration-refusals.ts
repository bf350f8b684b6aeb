/**
 * How a record-locking configuration's input is refused: every refusal is Zoho's item-level error
 * inside `record_locking_configurations[]`, with the `json_path` of the offending key.
 */
import type { z } from 'zod';
import { ERRORS, failItem, type ErrorEntry } from './errors';

export const WRAPPER = 'record_locking_configurations';
/** How many of each a configuration may hold. */
export const LIMITS = { rules: 5, profiles: 15, fields: 15, buttons: 30 } as const;

const path = (key: string): string => `$.${WRAPPER}[0].${key}`;

export const refuse = (entry: ErrorEntry, key: string, extra: Record<string, unknown> = {}): never =>
  failItem(WRAPPER, entry, { ...extra, api_name: key.split(/[.[]/)[0] ?? key, json_path: path(key) });

/** A key that is missing because another key's value asks for it: Zoho names that other key as the dependee. */
export const refuseWithout = (entry: ErrorEntry, key: string, dependee: string): never =>
  failItem(WRAPPER, entry, {
    dependee: { api_name: dependee, json_path: path(dependee) },
    api_name: key,
    json_path: path(key),
  });

export const parseOr = <T>(schema: z.ZodType<T>, value: unknown, key: string): T => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : refuse(ERRORS.invalidData, key);
};

export const limited = <T>(items: T[], limit: number, entry: ErrorEntry, key: string): T[] =>
  items.length > limit ? refuse(entry, key, { limit, available_limit: limit }) : items;
