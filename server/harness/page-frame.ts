import { jsonForScript } from './escape-html';
import { PAGE_CONFIG_ELEMENT_ID, type PageConfig } from './page-config';

/**
 * The head every harness page shares: title, stylesheet, the page's config for its script, and the
 * script; the body is in Zoho's night look when the session's theme is night.
 */
export function pageHead(title: string, config: PageConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title} - Zoho CRM (local)</title>
<link rel="stylesheet" href="/harness/harness.css" />
<script type="application/json" id="${PAGE_CONFIG_ELEMENT_ID}">${jsonForScript(config)}</script>
<script src="/harness/harness.js" defer></script>
</head>
<body${config.theme === 'night' ? ' class="is-night"' : ''}>`;
}

/** The log of every API call the widget made, beside any page's content. */
export const CALL_LOG_PANEL = `<aside class="harness-log" aria-labelledby="log-title">
    <h2 id="log-title">API calls by the widget</h2>
    <table><thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th>ms</th></tr></thead><tbody id="call-log"></tbody></table>
  </aside>`;
