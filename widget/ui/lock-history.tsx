import type { HistoryNote } from '../crm/notes';
import { parseHistoryLine } from '../model/history-line';
import type { LockModel } from '../model/lock-model';
import type { RecordActivity } from '../model/record-activity';

/** The record's lock history: collapsed, read only when opened, newest first, a page at a time. */
export function HistorySection({ model, activity }: { model: LockModel; activity: RecordActivity }) {
  const { history, writer } = activity;
  const t = model.t.value;
  const expanded = history.expanded.value;
  const failure = history.failure.value;
  return (
    <section class="rl-history">
      {writer.missed.value.length > 0 && (
        <div class="rl-error" role="alert">
          <p>{t('history.missed')}</p>
          <button type="button" class="rl-button" disabled={writer.writing.value} onClick={() => void writer.writeMissed()}>
            {t('history.writeAgain')}
          </button>
        </div>
      )}
      <button
        type="button"
        class="rl-button rl-link"
        aria-expanded={expanded}
        aria-controls="rl-history-body"
        onClick={() => void history.toggle()}
      >
        {t(expanded ? 'history.hide' : 'history.show')}
      </button>
      {expanded && (
        <div id="rl-history-body" aria-busy={history.loading.value}>
          <p class="rl-muted">{t('history.scope')}</p>
          {failure && (
            <div class="rl-error" role="alert">
              <p>{t(failure.message, failure.params)}</p>
              <button type="button" class="rl-button" onClick={() => void history.showOlder()}>
                {t('action.retry')}
              </button>
            </div>
          )}
          {history.loading.value && <p class="rl-muted">{t('history.loading')}</p>}
          {!history.loading.value && !failure && history.entries.value.length === 0 && <p>{t('history.empty')}</p>}
          {history.entries.value.length > 0 && (
            <ul class="rl-history-list" aria-label={t('history.title')}>
              {history.entries.value.map((note) => (
                <HistoryItem key={note.id} model={model} note={note} />
              ))}
            </ul>
          )}
          {history.more.value && !history.loading.value && (
            <button type="button" class="rl-button" onClick={() => void history.showOlder()}>
              {t('history.older')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function HistoryItem({ model, note }: { model: LockModel; note: HistoryNote }) {
  const t = model.t.value;
  const time = model.time.value;
  const event = note.createdBy ? parseHistoryLine(note.content, note.createdBy.name) : null;
  let what: string = note.content;
  let detail: string | null = null;
  if (event) {
    const name = event.by;
    switch (event.kind) {
      case 'locked':
        what = t('history.event.locked', { name });
        detail = t('status.reason', { reason: event.reason });
        break;
      case 'reasonChanged':
        what = t('history.event.reasonChanged', { name });
        detail = t('status.reason', { reason: event.reason });
        break;
      case 'unlocked':
        what = t('history.event.unlocked', { name });
        detail = event.reason ? t('status.reason', { reason: event.reason }) : null;
        break;
      case 'asked':
        what = t('history.event.asked', { name, locker: event.locker });
        break;
      case 'keptLocked':
        what = t('history.event.keptLocked', { name, requester: event.requester });
        detail = event.reply ? t('history.reply', { reply: event.reply }) : null;
        break;
    }
  }
  return (
    <li>
      <p>{what}</p>
      {detail && <p class="rl-reason">{detail}</p>}
      <p class="rl-muted">
        <time dateTime={note.createdAt}>{t('history.when', { relative: time.relative(note.createdAt), exact: time.exact(note.createdAt) })}</time>
      </p>
    </li>
  );
}
