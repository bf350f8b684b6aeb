/** Each page's entry, by the name its script has under app/js (`app/<name>.html` loads it). */
export const PAGE_ENTRIES: Record<string, string> = { widget: 'widget/main.tsx', overview: 'widget/overview.tsx' };

/** Each stylesheet's source, by its name under app/css. */
export const STYLESHEET_ENTRIES: Record<string, string> = {
  widget: 'widget/ui/widget.css',
  overview: 'widget/ui/overview/overview.css',
};

/** The stylesheets each page links (`app/<page>.html`), counted in its first load. */
export const PAGE_STYLESHEETS: Record<string, string[]> = { widget: ['widget'], overview: ['widget', 'overview'] };

/**
 * Parts loaded on demand, by the path the source imports them with (`import('./reason-form')`).
 * Each builds into app/js/parts/<name>.js and takes the libraries from the page (widget/shared-modules.ts).
 */
export const PART_ENTRIES: Record<string, string> = {
  'reason-form': 'widget/ui/reason-form.tsx',
  'unlock-confirm': 'widget/ui/unlock-confirm.tsx',
  'error-notice': 'widget/ui/error-notice.tsx',
  'restrictions-list': 'widget/ui/restrictions-list.tsx',
  'lock-changes': 'widget/model/lock-changes.ts',
  'record-holds': 'widget/ui/record-holds.tsx',
  'settings-calls': 'widget/crm/settings-calls.ts',
  'record-activity': 'widget/ui/record-activity.tsx',
  'row-form': 'widget/ui/overview/row-form.tsx',
  'bulk-report': 'widget/ui/overview/bulk-report.tsx',
  'filter-bar': 'widget/ui/overview/filter-bar.tsx',
  paging: 'widget/ui/overview/paging.tsx',
  'list-notes': 'widget/ui/overview/list-notes.tsx',
  'row-changes': 'widget/model/row-changes.ts',
  'tab-sources': 'widget/model/tab-sources.ts',
};
