import { z } from 'zod';
import { harnessHref } from './harness-links';
import { readRecords, stateOf } from './record-list';
import { fieldLabel, nameFieldsOf, recordName } from './record-names';
import { chooseModule, loadSession, type PageInput, type SessionData } from './session';

/**
 * Records a page: the largest per-page choice Zoho's list view offers, as used; no Zoho page found
 * states the figure (its help says only that the edition sets the choices).
 */
export const LIST_PAGE_SIZE = 100;

export interface ListRow {
  id: string;
  name: string;
  owner: string;
  /** Stage or Status, or null for a module that has neither. */
  state: string | null;
  locked: boolean;
  /** The record's detail page in the harness, for the same session. */
  href: string;
}

/** What a module's list view shows and hands to its script. */
export interface ListPageData extends SessionData {
  modules: string[];
  /** The heading of the name column, e.g. "Deal Name". */
  nameLabel: string;
  rows: ListRow[];
  page: number;
  moreRecords: boolean;
}

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
const ownerSchema = z.object({ name: z.string() });

/**
 * Reads the list view's query (`module`, `page` and the session's) and one page of the module's
 * records, as the CRM's own page reads them (no API credit spent), falling back to Deals and page 1.
 */
export async function loadListPage(options: PageInput): Promise<ListPageData> {
  const { reader, query } = options;
  const session = await loadSession(options);
  const module = chooseModule(options.modules, query);
  const page = pageSchema.parse(query.get('page') ?? undefined);
  const nameFields = nameFieldsOf(module);
  const fields = [...nameFields, 'Owner', 'Stage', 'Status', 'Locked__s'];
  const listed = await readRecords(reader, module, fields, { perPage: LIST_PAGE_SIZE, page });
  const link = { ...session, module };
  return {
    ...link,
    modules: options.modules,
    nameLabel: nameFields.length === 1 && nameFields[0] !== undefined ? fieldLabel(nameFields[0]) : 'Name',
    rows: listed.records.map((record) => ({
      id: record.id,
      name: recordName(module, record),
      owner: ownerSchema.safeParse(record.Owner).data?.name ?? '',
      state: stateOf(record),
      locked: record.Locked__s === true,
      href: harnessHref('/', link, { module, record: record.id }),
    })),
    page,
    moreRecords: listed.moreRecords,
  };
}
