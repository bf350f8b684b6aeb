/** Each page's entry, by the name its script has under app/js (`app/<name>.html` loads it). */
export const PAGE_ENTRIES: Record<string, string> = { widget: 'widget/main.tsx' };

/**
 * Parts loaded on demand, by the path the source imports them with (`import('./reason-form')`).
 * Each builds into app/js/parts/<name>.js and takes the libraries from the page (widget/shared-modules.ts).
 */
export const PART_ENTRIES: Record<string, string> = {
  'reason-form': 'widget/ui/reason-form.tsx',
  'unlock-confirm': 'widget/ui/unlock-confirm.tsx',
  'error-notice': 'widget/ui/error-notice.tsx',
  'restrictions-list': 'widget/ui/restrictions-list.tsx',
};
