import { render } from 'preact';
import { createCrm } from './crm/crm';
import { createZohoHost } from './host/zoho';
import { createMessageFetcher } from './i18n/load-messages';
import { createLockModel } from './model/lock-model';
import { observeHeight } from './ui/auto-resize';
import { SHARED_MODULES, SHARED_MODULES_GLOBAL } from './shared-modules';
import { LockPanel } from './ui/lock-panel';

// The composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  Object.assign(window, { [SHARED_MODULES_GLOBAL]: SHARED_MODULES });
  const host = createZohoHost({ window });
  const model = createLockModel({
    host,
    createCrm,
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI }),
    now: () => new Date(),
  });
  render(<LockPanel model={model} />, root);
  observeHeight(root, (height) => host.resize(height), window);
  void model.start();
}
