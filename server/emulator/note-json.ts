/** A note as Zoho's Notes API returns it: only the asked fields, plus `id` and its `$` keys. */
import { findModule } from './modules';
import { recordDisplayName } from './record-name';
import type { EmulatorState, RecordState } from './state';
import { findRecord, userRefOf } from './store';

export interface NoteParent {
  module: string;
  id: string;
}

/** The parent a stored note names (`Parent_Id: {module: {api_name}, id}`). */
export const parentOf = (note: RecordState): NoteParent | undefined => {
  const parent = note.fields['Parent_Id'];
  if (typeof parent !== 'object' || parent === null) return undefined;
  const { module, id } = parent as { module?: { api_name?: unknown }; id?: unknown };
  return typeof module?.api_name === 'string' && typeof id === 'string' ? { module: module.api_name, id } : undefined;
};

const userWithEmail = (state: EmulatorState, userId: string) => ({
  ...userRefOf(state, userId),
  email: state.users.find((u) => u.id === userId)?.email ?? null,
});

export const renderNote = (state: EmulatorState, note: RecordState, fields: readonly string[] | null): Record<string, unknown> => {
  const parent = parentOf(note);
  const parentRecord = parent && findRecord(state, parent.module, parent.id);
  const all: Record<string, unknown> = {
    Note_Title: note.fields['Note_Title'] ?? null,
    Note_Content: note.fields['Note_Content'] ?? null,
    Parent_Id: parent
      ? {
          module: { api_name: parent.module, id: findModule(parent.module)?.id ?? null },
          name: parentRecord ? recordDisplayName(parent.module, parentRecord.fields) : null,
          id: parent.id,
        }
      : null,
    Owner: userWithEmail(state, note.ownerId),
    Created_By: userWithEmail(state, note.createdById),
    Modified_By: userWithEmail(state, note.modifiedById),
    Created_Time: note.createdTime,
    Modified_Time: note.modifiedTime,
  };
  const chosen = Object.fromEntries(Object.entries(all).filter(([key]) => fields === null || fields.includes(key)));
  return {
    ...chosen,
    id: note.id,
    $attachments: null,
    $editable: true,
    $is_shared_to_client: false,
    $voice_note: false,
    $size: null,
    $state: 'save',
    $sharing_permission: 'full_access',
  };
};
