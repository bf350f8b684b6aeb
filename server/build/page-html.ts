import { escapeHtml } from '../harness/escape-html';

/** Zoho's embedded-app SDK on its CDN (Zoho spells it "Embeded"); the dev server swaps in its stand-in. */
export const ZOHO_SDK_URL = 'https://live.zwidgets.com/js-sdk/1.4/ZohoEmbededAppSDK.min.js';

/**
 * Scripts only from the widget itself and Zoho's SDK host, no inline script or eval, nothing else
 * fetched but the widget's own files: the connection calls go through the SDK's postMessage.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self' https://live.zwidgets.com; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'";

export interface PageHtml {
  title: string;
  /** Stylesheet paths relative to the page, e.g. css/widget.css. */
  stylesheets: string[];
  /** The page's entry module, e.g. js/widget.js. */
  script: string;
  /** Modules the entry needs at once, fetched beside it rather than after it has been parsed. */
  preloads: string[];
}

/**
 * One page of the extension. The SDK is deferred rather than blocking, so the widget's own modules
 * download beside it; deferred classic scripts and module scripts run in document order, so the
 * SDK has defined `window.ZOHO` before the entry runs.
 */
export function renderPageHtml({ title, stylesheets, script, preloads }: PageHtml): string {
  const lines = [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />`,
    `    <title>${escapeHtml(title)}</title>`,
    ...stylesheets.map((href) => `    <link rel="stylesheet" href="${escapeHtml(href)}" />`),
    ...preloads.map((href) => `    <link rel="modulepreload" href="${escapeHtml(href)}" />`),
    `    <script src="${ZOHO_SDK_URL}" defer></script>`,
    `    <script type="module" src="${escapeHtml(script)}"></script>`,
    '  </head>',
    '  <body>',
    '    <main id="record-lock"></main>',
    '  </body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}
