import { render } from 'preact';
import { createLocalStore } from './host/storage';
import { showTheme } from './ui/theme';
import { createZohoTabHost } from './host/zoho-tab';
import { createMessageFetcher } from './i18n/load-messages';
import { createLockedRecordsModel } from './model/locked-records-model';
import { OverviewPage } from './ui/overview/overview-page';

// The Web Tab's composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  const host = createZohoTabHost({ window });
  const model = createLockedRecordsModel({
    host,
    connect: () => import('./connect-tab').then((code) => code.connectTab),
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI, page: 'overview' }),
    store: createLocalStore(window),
    now: () => new Date(),
  });
  render(<OverviewPage model={model} />, root);
  void model.start();
  void host.theme().then((theme) => showTheme(document, theme));
}
