/**
 * Every call the product makes, with its answers worth checking (successes and refusals), each run
 * against a fresh demo org. A case names the area of Zoho's OpenAPI files that documents the call.
 */
import { createEmulator, SEED, type Emulator } from '../../server/emulator';
import type { Variant } from '../../server/emulator/variants';
import type { OasArea } from './oas-documents';

const AREAS = {
  locks: { yaml: 'locking_informations/locking_informations.yaml', json: 'record_locking.json' },
  configurations: { yaml: 'record_locking_configurations/record_locking_configurations.yaml', json: 'record_locking_configuration.json' },
  profiles: { yaml: 'profiles/profiles.yaml', json: 'profiles.json' },
  fields: { yaml: 'fields/fields.yaml', json: 'fields.json' },
  records: { yaml: 'record/record.yaml', json: 'record.json' },
  search: { yaml: 'module_search/module_search.yaml', json: 'module_search.json' },
  coql: { yaml: 'coql/coql.yaml', json: 'coql.json' },
  notes: { yaml: 'related_notes/related_notes.yaml', json: 'related_records.json' },
  users: { yaml: 'users/users.yaml', json: 'users.json' },
} as const satisfies Record<string, OasArea>;

export interface ConformanceCase {
  /** Stable, for the list of known defects. */
  id: string;
  area: OasArea;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** After `/crm/v8`. */
  path: string;
  body?: unknown;
  /** Default: the rep's demo token. */
  token?: (emulator: Emulator) => string;
  headers?: Record<string, string>;
  variants?: Variant[];
  /** The status this case is about; a different one fails the case before any schema check. */
  status: number;
}

const { deals, locks, profiles, tasks } = SEED;
const ADMIN = () => '1000.demo.admin';
const INTERN = () => '1000.demo.intern';
const lockPath = (deal: string) => `/Deals/${deal}/Locking_Information__s`;
const FIELDS = 'fields=Locked_For__s,Locked_Reason__s,Lock_Source__s,Locked_Time__s,Locked_By__s,Record_Locking_Rule_Id__s';
const REASON = { data: [{ Locked_Reason__s: 'Waiting for the signed contract' }] };
const search = (criteria: string, extra = '') => `/Deals/search?criteria=${encodeURIComponent(criteria)}&fields=Deal_Name,Locked__s${extra}`;
const coql = (select_query: string) => ({ select_query });
const TASK = { Subject: 'Unlock request: Acme renewal', Owner: { id: SEED.users.rep }, What_Id: { id: deals.acmeRenewal }, $se_module: 'Deals' };

export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  { id: 'lock-get-200', area: AREAS.locks, method: 'GET', path: `${lockPath(deals.hooliPricing)}?${FIELDS}`, status: 200 },
  { id: 'lock-get-204', area: AREAS.locks, method: 'GET', path: `${lockPath(deals.acmeRenewal)}?${FIELDS}`, status: 204 },
  { id: 'lock-get-400-no-configuration', area: AREAS.locks, method: 'GET', path: `/Contacts/${SEED.contacts.aliceSmith}/Locking_Information__s?${FIELDS}`, status: 400 },
  { id: 'lock-post-201', area: AREAS.locks, method: 'POST', path: lockPath(deals.acmeRenewal), body: REASON, status: 201 },
  { id: 'lock-post-201-minimal', area: AREAS.locks, method: 'POST', path: lockPath(deals.acmeRenewal), body: REASON, variants: ['minimal-lock-answer'], status: 201 },
  { id: 'lock-post-400-no-reason', area: AREAS.locks, method: 'POST', path: lockPath(deals.acmeRenewal), body: { data: [{}] }, status: 400 },
  { id: 'lock-post-403-already-locked', area: AREAS.locks, method: 'POST', path: lockPath(deals.hooliPricing), body: REASON, status: 403 },
  { id: 'lock-post-403-no-permission', area: AREAS.locks, method: 'POST', path: lockPath(deals.acmeRenewal), body: REASON, token: INTERN, status: 403 },
  { id: 'lock-put-200', area: AREAS.locks, method: 'PUT', path: `${lockPath(deals.hooliPricing)}/${locks.hooliPricing}`, body: REASON, status: 200 },
  { id: 'lock-put-400-relation-not-found', area: AREAS.locks, method: 'PUT', path: `${lockPath(deals.acmeRenewal)}/${locks.hooliPricing}`, body: REASON, status: 400 },
  { id: 'lock-delete-200', area: AREAS.locks, method: 'DELETE', path: `${lockPath(deals.hooliPricing)}/${locks.hooliPricing}`, status: 200 },
  { id: 'lock-delete-403-automatic', area: AREAS.locks, method: 'DELETE', path: `${lockPath(deals.initechClosedWon)}/${locks.initechClosedWon}`, status: 403 },
  { id: 'lock-get-401-scope', area: AREAS.locks, method: 'GET', path: `${lockPath(deals.hooliPricing)}?${FIELDS}`, token: (e) => e.issueToken('rep@example.com', ['ZohoCRM.modules.deals.READ']), status: 401 },
  { id: 'configuration-get-200', area: AREAS.configurations, method: 'GET', path: '/settings/record_locking_configurations?module=Deals', token: ADMIN, status: 200 },
  { id: 'configuration-get-204', area: AREAS.configurations, method: 'GET', path: '/settings/record_locking_configurations?module=Contacts', token: ADMIN, status: 204 },
  { id: 'profile-get-200', area: AREAS.profiles, method: 'GET', path: `/settings/profiles/${profiles.salesRep}`, token: ADMIN, status: 200 },
  { id: 'fields-get-200-tasks', area: AREAS.fields, method: 'GET', path: '/settings/fields?module=Tasks', status: 200 },
  { id: 'fields-get-200-tasks-renamed', area: AREAS.fields, method: 'GET', path: '/settings/fields?module=Tasks', variants: ['task-picklists'], status: 200 },
  { id: 'fields-get-200-locks', area: AREAS.fields, method: 'GET', path: '/settings/fields?module=Locking_Information__s', status: 200 },
  { id: 'record-get-200', area: AREAS.records, method: 'GET', path: `/Deals/${deals.hooliPricing}`, status: 200 },
  { id: 'search-200', area: AREAS.search, method: 'GET', path: search('(Locked__s:equals:true)', '&per_page=20'), status: 200 },
  { id: 'search-204', area: AREAS.search, method: 'GET', path: search('(Deal_Name:equals:Nothing like this)'), status: 204 },
  { id: 'search-400-invalid-query', area: AREAS.search, method: 'GET', path: search('(Locked__s:starts_with:true)'), status: 400 },
  { id: 'search-400-refused-field', area: AREAS.search, method: 'GET', path: search('(Locked__s:equals:true)'), variants: ['locked-search-refused'], status: 400 },
  { id: 'search-400-limit-reached', area: AREAS.search, method: 'GET', path: search('(Locked__s:equals:true)', '&page=11&per_page=200'), status: 400 },
  { id: 'search-429-too-many-requests', area: AREAS.search, method: 'GET', path: search('(Locked__s:equals:true)'), headers: { 'X-Emulator-Fault': 'concurrency' }, status: 429 },
  { id: 'search-429-rate-limit-exceeded', area: AREAS.search, method: 'GET', path: search('(Locked__s:equals:true)'), headers: { 'X-Emulator-Fault': 'concurrency' }, variants: ['rate-limit-exceeded'], status: 429 },
  { id: 'coql-200', area: AREAS.coql, method: 'POST', path: '/coql', body: coql(`select id, Subject, Status, Description, Created_Time from Tasks where What_Id = '${deals.hooliPricing}' limit 50`), status: 200 },
  { id: 'coql-204', area: AREAS.coql, method: 'POST', path: '/coql', body: coql(`select id from Tasks where What_Id = '${deals.acmeRenewal}'`), status: 204 },
  { id: 'coql-400-syntax', area: AREAS.coql, method: 'POST', path: '/coql', body: coql('select id from Tasks'), status: 400 },
  { id: 'coql-400-no-select-query', area: AREAS.coql, method: 'POST', path: '/coql', body: {}, status: 400 },
  { id: 'coql-200-locked-records', area: AREAS.coql, method: 'POST', path: '/coql', body: coql("select Deal_Name from Deals where Locked__s = 'true' order by id desc limit 0, 20"), status: 200 },
  { id: 'coql-400-refused-column', area: AREAS.coql, method: 'POST', path: '/coql', body: coql("select Deal_Name from Deals where Locked__s = 'true' order by id desc limit 0, 20"), variants: ['locked-coql-refused'], status: 400 },
  { id: 'notes-get-200', area: AREAS.notes, method: 'GET', path: `/Deals/${deals.hooliPricing}/Notes?fields=Note_Title,Note_Content,Created_Time,Created_By&sort_by=Created_Time&sort_order=desc&per_page=200&page=1`, status: 200 },
  { id: 'notes-get-200-unsorted', area: AREAS.notes, method: 'GET', path: `/Deals/${deals.hooliPricing}/Notes?fields=Note_Title,Note_Content,Created_Time,Created_By&sort_by=Created_Time&sort_order=desc&per_page=200&page=1`, variants: ['notes-unsorted'], status: 200 },
  { id: 'notes-post-201', area: AREAS.notes, method: 'POST', path: `/Deals/${deals.hooliPricing}/Notes`, body: { data: [{ Parent_Id: { module: { api_name: 'Deals' }, id: deals.hooliPricing }, Note_Title: 'Record Lock', Note_Content: 'Rita Rep changed the lock reason.' }] }, status: 201 },
  { id: 'tasks-post-201', area: AREAS.records, method: 'POST', path: '/Tasks', body: { data: [{ ...TASK, Priority: 'High' }] }, status: 201 },
  { id: 'tasks-post-400-invalid-picklist', area: AREAS.records, method: 'POST', path: '/Tasks', body: { data: [{ ...TASK, Status: 'Completed' }] }, variants: ['task-picklists'], status: 400 },
  { id: 'tasks-put-200', area: AREAS.records, method: 'PUT', path: `/Tasks/${tasks.hooliUnlockRequest}`, body: { data: [{ Status: 'Completed' }] }, status: 200 },
  { id: 'users-current-200', area: AREAS.users, method: 'GET', path: '/users?type=CurrentUser', status: 200 },
  { id: 'user-get-200-inactive', area: AREAS.users, method: 'GET', path: `/users/${SEED.users.former}`, token: ADMIN, status: 200 },
  { id: 'users-active-admins-200', area: AREAS.users, method: 'GET', path: '/users?type=ActiveConfirmedAdmins', token: ADMIN, status: 200 },
  { id: 'tasks-post-201-no-status', area: AREAS.records, method: 'POST', path: '/Tasks', body: { data: [{ ...TASK, Priority: 'Important' }] }, variants: ['task-picklists'], status: 201 },
  { id: 'tasks-post-400-inactive-owner', area: AREAS.records, method: 'POST', path: '/Tasks', body: { data: [{ ...TASK, Owner: { id: SEED.users.former } }] }, status: 400 },
  { id: 'tasks-put-200-renamed-completed', area: AREAS.records, method: 'PUT', path: `/Tasks/${tasks.hooliUnlockRequest}`, body: { data: [{ Status: 'Done', Description: 'x' }] }, variants: ['task-picklists'], status: 200 },
  {
    id: 'coql-200-open-requests',
    area: AREAS.coql,
    method: 'POST',
    path: '/coql',
    body: coql(`select id, What_Id, Description, Created_Time from Tasks where (What_Id in ('${deals.hooliPricing}') and (Subject like 'Unlock request%' and Closed_Time is null)) limit 200`),
    status: 200,
  },
];

export interface CaseAnswer {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** The emulator's answer to the case, from a fresh demo org. */
export const answerOf = async (entry: ConformanceCase): Promise<CaseAnswer> => {
  const emulator = createEmulator({ now: () => new Date('2026-02-01T15:00:00Z'), variants: entry.variants ?? [] });
  const headers = new Headers(entry.headers);
  headers.set('Authorization', `Zoho-oauthtoken ${entry.token?.(emulator) ?? '1000.demo.rep'}`);
  if (entry.body !== undefined) headers.set('Content-Type', 'application/json');
  const request = new Request(`https://www.zohoapis.com/crm/v8${entry.path}`, {
    method: entry.method,
    headers,
    body: entry.body === undefined ? null : JSON.stringify(entry.body),
  });
  const response = await emulator.handle(request);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};
