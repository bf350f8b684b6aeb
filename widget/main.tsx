import { render } from 'preact';
import { createCrm } from './crm/crm';
import { createLocalStore } from './host/storage';
import { createZohoHost } from './host/zoho';
import { createMessageFetcher } from './i18n/load-messages';
import { createLockModel } from './model/lock-model';
import { observeHeight } from './ui/auto-resize';
import { SHARED_MODULES, SHARED_MODULES_GLOBAL } from './shared-modules';
import { linkActivity } from './ui/activity-link';
import { LockPanel } from './ui/lock-panel';

// The composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  Object.assign(window, { [SHARED_MODULES_GLOBAL]: SHARED_MODULES });
  const host = createZohoHost({ window });
  const now = () => new Date();
  const store = createLocalStore(window);
  const model = createLockModel({
    host,
    createCrm,
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI }),
    now,
    store,
  });
  render(<LockPanel model={model} activity={linkActivity({ host, model, now, store })} />, root);
  observeHeight(root, (height) => host.resize(height), window);
  void model.start();
}
