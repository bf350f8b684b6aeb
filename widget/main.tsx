import { render } from 'preact';
// What the page's calls, fetched as it starts, share with every part: in the first load, so that
// code arrives in one request beside the SDK's start rather than two in a row.
import './model/model-base';
import { createLocalStore } from './host/storage';
import { showTheme } from './ui/theme';
import { createZohoHost } from './host/zoho-record';
import { createMessageFetcher } from './i18n/load-messages';
import { linkActivity } from './model/activity-link';
import { createLockModel } from './model/lock-model';
import { observeHeight } from './ui/auto-resize';
import { LockPanel } from './ui/lock-panel';

// The composition root: the only place that hands `window` to the layers.
const root = document.getElementById('record-lock');
if (root) {
  const host = createZohoHost({ window });
  const now = () => new Date();
  const store = createLocalStore(window);
  const loadMessages = createMessageFetcher({ fetch: window.fetch.bind(window), baseUrl: document.baseURI, page: 'widget' });
  const connect = () => import('./connect-panel').then((code) => code.connectPanel);
  const model = createLockModel({ host, connect, loadMessages, now, store });
  const { activity } = linkActivity({ host, model, now, store });
  render(<LockPanel model={model} activity={activity} />, root);
  observeHeight(root, (height) => host.resize(height), window);
  void model.start();
  void host.theme().then((theme) => showTheme(document, theme));
}
