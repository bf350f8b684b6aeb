import type { ListModel } from '../../model/list-model';

/** Closes Zoho's popup, reloading the list behind it when something changed. */
export function CloseButton({ model, primary = false }: { model: ListModel; primary?: boolean }) {
  return (
    <div class="rl-buttons">
      <button type="button" class={primary ? 'rl-button rl-primary' : 'rl-button'} onClick={() => void model.close()}>
        {model.t.value('list.close')}
      </button>
    </div>
  );
}
