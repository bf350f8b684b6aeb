import type { ListHost } from './host';
import { parseListPageLoad } from './list-page-load';
import { createZohoSdkHost, unavailable, type ZohoHostOptions, type ZohoSdkAccess } from './zoho';

/** What a list view's button page adds to the SDK host: its selection, and closing Zoho's popup. */
function listCalls(access: ZohoSdkAccess | null): Pick<ListHost, 'listContext' | 'closePopup'> {
  if (!access) return { listContext: unavailable, closePopup: async () => false };
  return {
    listContext: () => access.firstPageLoad().then(parseListPageLoad),
    closePopup: (reload) =>
      access
        .call(
          reload ? 'Popup.closeReload' : 'Popup.close',
          (sdk) => {
            // Feature-detected: an SDK file without the call cannot close the popup, which the page then says.
            const popup = sdk.CRM.UI.Popup;
            const close = reload ? popup?.closeReload : popup?.close;
            return close ? close.call(popup) : Promise.resolve(false);
          },
          // Zoho answers true or false (its jsdoc); only false says the popup stays.
          (answer) => answer !== false,
        )
        .catch(() => false),
  };
}

/** The list view button's Host over Zoho's embedded-app SDK. */
export function createZohoListHost(options: ZohoHostOptions): ListHost {
  return createZohoSdkHost(options, listCalls);
}
