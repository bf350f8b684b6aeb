import { configurationCalls } from './crm/configuration';
import type { Crm, CrmOptions } from './crm/crm';
import { fieldCalls } from './crm/fields';
import { lockCalls } from './crm/locks';
import { profileCalls } from './crm/profiles';
import { createLockedRecordSearch } from './crm/locked-records';
import { createLocalStore } from './host/storage';
import { createZohoTabHost } from './host/zoho-tab';
import { createMessageFetcher } from './i18n/load-messages';
import { createLockedRecordsModel } from './model/locked-records-model';
import { SHARED_MODULES, SHARED_MODULES_GLOBAL } from './shared-modules';
import { mountOverview } from './ui/overview/mount-overview';

/** The CRM calls the list makes; the record read of the panel is left out, so its code stays out of this page. */
const createCrm = (options: CrmOptions): Crm => ({
  ...lockCalls(options),
  ...configurationCalls(options),
  ...profileCalls(options),
  ...fieldCalls(options),
  getRecord: () => Promise.reject(new Error('The Web Tab does not read records one by one')),
});

// The Web Tab's composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  Object.assign(window, { [SHARED_MODULES_GLOBAL]: SHARED_MODULES });
  const host = createZohoTabHost({ window });
  const model = createLockedRecordsModel({
    host,
    createCrm,
    createSearch: createLockedRecordSearch,
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI }),
    store: createLocalStore(window),
    now: () => new Date(),
  });
  mountOverview(model, root);
  void model.start();
}
