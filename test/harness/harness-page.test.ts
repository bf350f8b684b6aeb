import { describe, expect, it } from 'vitest';
import { pageConfigOf, renderHarnessPage, widgetFrameUrl } from '../../server/harness/harness-page';
import type { HarnessPageData } from '../../server/harness/page-data';

const origins = { harness: 'http://127.0.0.1:5000', widget: 'http://localhost:5000' };
const HOSTILE = '</script><img src=x onerror=alert(1)>';

function pageData(name: string): HarnessPageData {
  const rep = { email: 'rep@example.com', name: 'Rita Rep', profileName: 'Sales Rep' };
  return {
    users: [rep],
    user: rep,
    modules: ['Deals'],
    module: 'Deals',
    records: [{ id: '42', name, locked: false, open: true }],
    record: { id: '42', name, fields: [{ label: 'Deal Name', value: name }] },
    deployment: 'US',
    latencyMs: null,
    variant: null,
    currentUser: { users: [{ id: '7', zuid: '700', locale: 'de_DE' }], info: { count: 1 } },
    org: { org: [{ id: '1', zgid: '900' }] },
    locale: null,
    theme: 'day',
  };
}

describe('harness page', () => {
  it('builds the frame URL as Zoho does, with the encoded CRM origin as serviceOrigin', () => {
    expect(widgetFrameUrl(origins)).toBe(
      'http://localhost:5000/app/widget.html?serviceOrigin=http%3A%2F%2F127.0.0.1%3A5000&frameorigin=http%3A%2F%2F127.0.0.1%3A5000',
    );
  });

  it('renders a record name as text, never as markup', () => {
    const html = renderHarnessPage(pageData(HOSTILE), origins);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The config JSON cannot close its script element either.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('answers CURRENT_USER with {users:[user]} and ORG_LEVEL_INFO with the deployment, ZGID, ZUID and app URL', () => {
    const config = pageConfigOf(pageData('Acme'), origins);
    expect(config.currentUser).toEqual({ users: [{ id: '7', zuid: '700', locale: 'de_DE' }] });
    expect(config.environment).toEqual({ deployment: 'US', ZGID: '900', ZUID: '700', appDetails: { appUrl: origins.harness } });
    expect(config.locale).toBe('de_DE');
  });

  it('reports the locale of &locale= as the signed-in user\'s, so the panel shows that language', () => {
    const config = pageConfigOf({ ...pageData('Acme'), locale: 'ja_JP' }, origins);
    expect(config.currentUser).toEqual({ users: [{ id: '7', zuid: '700', locale: 'ja_JP', country_locale: 'ja_JP' }] });
    expect(config.locale).toBe('ja_JP');
  });

  it('keeps &variant= when the page switches user, module or record, and in its link to the web tab', () => {
    const html = renderHarnessPage({ ...pageData('Acme'), variant: 'task-picklists,notes-unsorted' }, origins);
    expect(html).toContain('<input type="hidden" name="variant" value="task-picklists,notes-unsorted" />');
    expect(html).toContain('href="/tab?user=rep%40example.com&amp;module=Deals&amp;variant=task-picklists%2Cnotes-unsorted"');
    expect(renderHarnessPage(pageData('Acme'), origins)).not.toContain('name="variant"');
  });

  it('keeps &locale= when the page switches user, module or record', () => {
    const html = renderHarnessPage({ ...pageData('Acme'), locale: 'fr_FR' }, origins);
    expect(html).toContain('<input type="hidden" name="locale" value="fr_FR" />');
    expect(renderHarnessPage(pageData('Acme'), origins)).not.toContain('name="locale"');
  });
});
