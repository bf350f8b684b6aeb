import { render } from 'preact';
import { createLocalStore } from './host/storage';
import { createZohoListHost } from './host/zoho-list';
import { createMessageFetcher } from './i18n/load-messages';
import { createListModel } from './model/list-model';
import { ListPage } from './ui/list/list-page';
import { showTheme } from './ui/theme';

// The list view button's composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  const host = createZohoListHost({ window });
  const model = createListModel({
    host,
    connect: () => import('./connect-list').then((code) => code.connectList),
    loadMessages: createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI, page: 'list' }),
    store: createLocalStore(window),
    now: () => new Date(),
  });
  render(<ListPage model={model} />, root);
  void model.start();
  void host.theme().then((theme) => showTheme(document, theme));
}
