import type { Host } from './host';
import { parsePageLoad } from './page-load';
import { watchVisibility } from './visibility';
import { createZohoSdkHost, unavailable, type ZohoHostOptions, type ZohoSdkAccess } from './zoho';

/** What the record panel adds to the SDK host: its record, its frame's height, the page coming back into view. */
function recordCalls(window: Window, access: ZohoSdkAccess | null): Pick<Host, 'pageContext' | 'resize' | 'onVisible'> {
  const onVisible = (callback: () => void) => watchVisibility(window.document, callback);
  if (!access) return { pageContext: unavailable, resize: () => undefined, onVisible };
  return {
    pageContext: () => access.firstPageLoad().then(parsePageLoad),
    resize: (height) => {
      const size = { height: Math.ceil(height), width: window.innerWidth };
      // Fire and forget: a frame that keeps its old height is not worth an error on screen.
      access.whenStarted((sdk) => sdk.CRM.UI.Resize(size));
    },
    onVisible,
  };
}

/** The record panel's Host over Zoho's embedded-app SDK. */
export function createZohoHost(options: ZohoHostOptions): Host {
  return createZohoSdkHost(options, (access) => recordCalls(options.window, access));
}
