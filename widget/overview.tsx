import { render } from 'preact';
import { connectTab } from './connect-tab';
import { createLocalStore } from './host/storage';
import { createZohoTabHost } from './host/zoho-tab';
import { createMessageFetcher } from './i18n/load-messages';
import { createLockedRecordsModel } from './model/locked-records-model';
import { OverviewPage } from './ui/overview/overview-page';

// The Web Tab's composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  const model = createLockedRecordsModel({
    host: createZohoTabHost({ window }),
    connect: connectTab,
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI, page: 'overview' }),
    store: createLocalStore(window),
    now: () => new Date(),
  });
  render(<OverviewPage model={model} />, root);
  void model.start();
}
