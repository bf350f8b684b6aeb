import { HostError, type TabHost } from './host';
import { isModuleName } from './zoho-ids';
import { createZohoSdkHost, unavailable, type ZohoHostOptions, type ZohoSdkAccess } from './zoho';

/** What a web tab adds to the SDK host: waiting for its PageLoad, which names no record, and opening a record. */
function tabCalls(access: ZohoSdkAccess | null): Pick<TabHost, 'tabContext' | 'openRecord'> {
  if (!access) return { tabContext: unavailable, openRecord: unavailable };
  return {
    tabContext: () => access.firstPageLoad().then(() => undefined),
    openRecord: ({ module, recordId }) => {
      // Only ids from Zoho's own answers get here; anything else is a bug, not a record to open.
      if (!isModuleName(module) || !/^\d+$/.test(recordId)) {
        return Promise.reject(new Error(`Not a record to open: ${module}/${recordId}`));
      }
      return access.call('Record.open', (s) => s.CRM.UI.Record.open({ Entity: module, RecordID: recordId }), (answer) => {
        // Zoho answers true or false; false means the CRM did not open it.
        if (answer === false) throw new HostError('connection', 'Record.open did not open the record', answer);
      });
    },
  };
}

/** The Web Tab's Host over Zoho's embedded-app SDK. */
export function createZohoTabHost(options: ZohoHostOptions): TabHost {
  return createZohoSdkHost(options, tabCalls);
}
