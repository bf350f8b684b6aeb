import { readRecord, readRecords, stateOf, type ListedRecord } from './record-list';
import { fieldLabel, nameFieldsOf, recordName } from './record-names';
import { DEFAULT_MODULE, loadSession, queryText, type PageInput, type SessionData } from './session';

export interface RecordChoice {
  id: string;
  name: string;
  locked: boolean;
  open: boolean;
}

/** Everything the record page shows and hands to its script. */
export interface HarnessPageData extends SessionData {
  modules: string[];
  records: RecordChoice[];
  record: { id: string; name: string; fields: { label: string; value: string }[] } | null;
}

const SHOWN_FIELDS = 8;

/** Zoho marks records closed by stage or status names like these. */
function isOpen(record: Record<string, unknown>): boolean {
  return !/^closed|completed|cancel/i.test(stateOf(record) ?? '');
}

function shownValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && !Array.isArray(value) && 'name' in value) return String((value as { name: unknown }).name);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return null;
}

/**
 * Reads the page's query (`module`, `record` and the session's) and what the emulator holds,
 * falling back to Deals and the first open unlocked record when a choice is missing or unknown.
 */
export async function loadHarnessPage(options: PageInput): Promise<HarnessPageData> {
  const { reader, query } = options;
  const wanted = (key: string) => queryText(query, key);
  const session = await loadSession(options);

  const listed = await Promise.all(
    options.modules.map(async (module) => {
      const fields = [...nameFieldsOf(module), 'Locked__s', 'Stage', 'Status'];
      return { module, records: (await readRecords(reader, module, fields, { perPage: 200 })).records };
    }),
  );
  const withRecords = listed.filter((entry) => entry.records.length > 0);
  const chosenModule =
    withRecords.find((entry) => entry.module === wanted('module')) ??
    withRecords.find((entry) => entry.module === DEFAULT_MODULE) ??
    withRecords[0];
  const module = chosenModule?.module ?? wanted('module') ?? DEFAULT_MODULE;
  const toChoice = (record: ListedRecord): RecordChoice => ({
    id: record.id,
    name: recordName(module, record),
    locked: record.Locked__s === true,
    open: isOpen(record),
  });
  const records: RecordChoice[] = (chosenModule?.records ?? []).map(toChoice);
  // The switch lists a module's first 200 records; a record opened past them (a large org, a web
  // tab's Record.open) is read on its own and joins the list.
  const asked = wanted('record');
  if (chosenModule && asked !== undefined && /^\d+$/.test(asked) && !records.some((r) => r.id === asked)) {
    const found = await readRecord(reader, module, asked);
    if (found) records.unshift(toChoice(found));
  }
  const recordId =
    records.find((r) => r.id === wanted('record'))?.id ?? records.find((r) => r.open && !r.locked)?.id ?? records[0]?.id ?? null;

  const detailRecord = recordId === null ? undefined : await readRecord(reader, module, recordId);

  return {
    ...session,
    modules: withRecords.map((entry) => entry.module),
    module,
    records,
    record:
      recordId === null || !detailRecord
        ? null
        : {
            id: recordId,
            name: recordName(module, detailRecord),
            fields: Object.entries(detailRecord)
              .filter(([key]) => key !== 'id' && !key.startsWith('$'))
              .flatMap(([key, value]) => {
                const shown = shownValue(value);
                return shown === null ? [] : [{ label: fieldLabel(key), value: shown }];
              })
              .slice(0, SHOWN_FIELDS),
          },
  };
}
