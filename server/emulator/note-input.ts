/**
 * A Notes body item: `Parent_Id` `{module: {api_name}, id}` (or the older plain id beside
 * `se_module`), `Note_Content` (mandatory, ≤65535) and `Note_Title` (≤120).
 */
import { findModule, MODULES } from './modules';
import { invalidField, missingField, type ItemError } from './item-error';
import type { NoteParent } from './note-json';

export const NOTE_TITLE_MAX_LENGTH = 120;
export const NOTE_CONTENT_MAX_LENGTH = 65535;

export interface NoteInput {
  parent: NoteParent | undefined;
  title: string | null;
  content: string;
}

const moduleNamed = (ref: unknown): string | undefined => {
  if (typeof ref === 'string') return findModule(ref)?.apiName;
  if (typeof ref !== 'object' || ref === null) return undefined;
  const { api_name: apiName, id } = ref as { api_name?: unknown; id?: unknown };
  if (typeof apiName === 'string') return findModule(apiName)?.apiName;
  return typeof id === 'string' ? MODULES.find((m) => m.id === id)?.apiName : undefined;
};

const parentOfItem = (item: Record<string, unknown>, index: number): NoteParent | undefined | ItemError => {
  const raw = item['Parent_Id'];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') {
    const module = moduleNamed(item['se_module'] ?? item['$se_module']);
    return module ? { module, id: raw } : invalidField(index, 'Parent_Id', { expected_data_type: 'lookup' });
  }
  if (typeof raw !== 'object') return invalidField(index, 'Parent_Id', { expected_data_type: 'lookup' });
  const { module: moduleRef, id } = raw as { module?: unknown; id?: unknown };
  const module = moduleNamed(moduleRef);
  if (!module || typeof id !== 'string') return invalidField(index, 'Parent_Id', { expected_data_type: 'lookup' });
  return { module, id };
};

const textOf = (value: unknown, apiName: string, max: number, index: number): string | null | ItemError => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return invalidField(index, apiName, { expected_data_type: 'text' });
  return [...value].length > max ? invalidField(index, apiName, { maximum_length: max }) : value;
};

const isError = (value: unknown): value is ItemError => typeof value === 'object' && value !== null && 'entry' in value;

export const noteInput = (item: Record<string, unknown>, index: number): NoteInput | ItemError => {
  const parent = parentOfItem(item, index);
  if (isError(parent)) return parent;
  const content = textOf(item['Note_Content'], 'Note_Content', NOTE_CONTENT_MAX_LENGTH, index);
  if (isError(content)) return content;
  if (content === null || content.trim() === '') return missingField(index, 'Note_Content');
  const title = textOf(item['Note_Title'], 'Note_Title', NOTE_TITLE_MAX_LENGTH, index);
  if (isError(title)) return title;
  return { parent, title, content };
};
