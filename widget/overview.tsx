import { render } from 'preact';
// What the page's calls, fetched as it starts, share with every part: in the first load, so that
// code arrives in one request beside the SDK's start rather than two in a row.
import './model/model-base';
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
    code: () => import('./connect-tab').then((loaded) => loaded.tabCode),
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI, page: 'overview' }),
    store: createLocalStore(window),
    now: () => new Date(),
  });
  render(<OverviewPage model={model} />, root);
  void model.start();
  void host.theme().then((theme) => showTheme(document, theme));
}
