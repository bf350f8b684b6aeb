/** One page of the extension: `app/<name>.html`, its script's source and the stylesheets it links. */
export interface PageEntry {
  /** The page's entry module; it builds into app/js/<name>.js. */
  script: string;
  /** Stylesheets under app/css, linked in this order and counted in the page's first load. */
  stylesheets: string[];
  title: string;
}

/** Every page, by the name of its HTML file under app/ (and of its script under app/js). */
export const PAGES: Record<string, PageEntry> = {
  widget: { script: 'widget/main.tsx', stylesheets: ['widget'], title: 'Record Lock' },
  overview: { script: 'widget/overview.tsx', stylesheets: ['overview'], title: 'Record Lock: locked records' },
  list: { script: 'widget/list.tsx', stylesheets: ['list'], title: 'Record Lock: lock records' },
};

/** Each stylesheet's source, by its name under app/css; a page's own stylesheet `@import`s the shared one, bundled into one file. */
export const STYLESHEET_ENTRIES: Record<string, string> = {
  widget: 'widget/ui/widget.css',
  overview: 'widget/ui/overview/overview.css',
  list: 'widget/ui/list/list.css',
  /** Not linked by any page: added to a page whose viewer uses Zoho's Night theme. */
  night: 'widget/ui/night.css',
};
