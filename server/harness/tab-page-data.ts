import { chooseModule, loadSession, type PageInput, type SessionData } from './session';

/** What the "Locked records" web tab shows and hands to its script. */
export interface TabPageData extends SessionData {
  modules: string[];
}

/**
 * Reads the tab's query (`module` and the session's), falling back to Deals. The module only places
 * the tab in the menu (and is where "back" goes): a web tab's PageLoad carries no module, so the
 * page inside picks its own.
 */
export async function loadTabPage(options: PageInput): Promise<TabPageData> {
  const session = await loadSession(options);
  return { ...session, modules: options.modules, module: chooseModule(options.modules, options.query) };
}
