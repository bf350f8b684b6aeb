import type { LockModel } from '../model/lock-model';

/** Announces what just happened (locked, saved, someone else was first) without moving focus. */
export function ChangeNotice({ model }: { model: LockModel }) {
  const notice = model.notice.value;
  const race = notice?.key.startsWith('notice.race.');
  return (
    <div class={race ? 'rl-notice rl-notice--race' : 'rl-notice'} aria-live="polite">
      {notice && <p>{model.t.value(notice.key, notice.params)}</p>}
    </div>
  );
}
