import { effect } from '@preact/signals-core';
import { render } from 'preact';
import type { LockedRecordsModel } from '../../model/locked-records-model';
import { OverviewPage } from './overview-page';

/**
 * Renders the Web Tab into `root` inside one effect: every signal a render reads is tracked and a
 * change renders again. This keeps Preact's signal integration, and its bytes, out of the tab's
 * first load. Returns the unmount.
 */
export function mountOverview(model: LockedRecordsModel, root: Element): () => void {
  const stop = effect(() => render(<OverviewPage model={model} />, root));
  return () => {
    stop();
    render(null, root);
  };
}
