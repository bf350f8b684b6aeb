import '../ui-base';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../../i18n/messages';
import type { ListModel } from '../../model/list-model';
import type { ListResult } from '../../model/list-results';
import { CloseButton } from './close-button';
import { resultText } from './result-text';
import { ReasonField } from '../reason-field';
import { recordLabel } from '../record-label';

/** The selected ids Zoho shows the viewer no record of this module for: said before anything is sent, and left out. */
export function MissingRecords({ model }: { model: ListModel }) {
  const t = model.t.value;
  const missing = model.missing.value;
  const module = model.module.value ?? '';
  const none = model.records.value.length === 0;
  return (
    <div class="rl-held" role="status">
      <p>{none ? t('list.missing.all', { module }) : t('list.missing', { count: missing.length, module })}</p>
      <p class="rl-muted">{missing.join(', ')}</p>
    </div>
  );
}

/** The viewer's own manual locks among the selection, read first, then one confirmation for all. Focus starts on Cancel. */
export function UnlockStep({ model }: { model: ListModel }) {
  const t = model.t.value;
  const choice = model.unlockChoice.value;
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), [choice?.reading]);
  if (!choice) return null;
  if (choice.reading) return <p aria-live="polite">{t('list.unlock.reading')}</p>;
  const count = choice.mine.length;
  return (
    <div class="rl-confirm" role="group" aria-labelledby="rl-unlock-title" onKeyDown={(event) => event.key === 'Escape' && model.cancelUnlock()}>
      <p id="rl-unlock-title" class="rl-form-title">
        {count > 0 ? t('list.unlock.confirm', { count }) : t('list.unlock.none')}
      </p>
      {count > 0 && (
        <ul class="rl-results">
          {choice.mine.map(({ record }) => (
            <li key={record.id}>{recordLabel(t, record)}</li>
          ))}
        </ul>
      )}
      {choice.others > 0 && <p class="rl-muted">{t('list.unlock.others', { count: choice.others })}</p>}
      {count > 0 && (
        <ReasonField
          id="rl-unlock-reason"
          t={t}
          draft={model.unlockDraft}
          busy={false}
          optional
          autoFocus={false}
          onSave={() => void model.unlockMine()}
          onCancel={() => model.cancelUnlock()}
        />
      )}
      {choice.failure && (
        <p class="rl-problem" role="alert">
          {t('list.unlock.unread', { names: choice.unread.map((record) => recordLabel(t, record)).join(', '), message: t(choice.failure.message, choice.failure.params) })}
        </p>
      )}
      <div class="rl-buttons">
        {count > 0 && (
          <button type="button" class="rl-button rl-danger" onClick={() => void model.unlockMine()}>
            {t('action.confirmUnlock')}
          </button>
        )}
        <button type="button" class="rl-button" ref={cancel} onClick={() => model.cancelUnlock()}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A run's progress, then its summary: how many changed, each record that did not and why, and what can be done next. */
export function RunReport({ model }: { model: ListModel }) {
  const t = model.t.value;
  const run = model.run.value;
  const locking = model.action.value === 'lock';
  if (!run) return null;
  const title = t(locking ? 'list.run.locking' : 'list.run.unlocking');
  const byOrder = new Map(model.records.value.map((record, index) => [record.id, index]));
  const inOrder = (a: ListResult, b: ListResult) => (byOrder.get(a.record.id) ?? 0) - (byOrder.get(b.record.id) ?? 0);
  const done = run.results.filter(({ outcome }) => outcome.kind === (locking ? 'locked' : 'unlocked'));
  const notDone = run.results.filter((result) => !done.includes(result)).sort(inOrder);
  return (
    <section class="rl-confirm" aria-label={title}>
      <p class="rl-form-title">{title}</p>
      <progress max={run.total} value={run.results.length} aria-label={title} />
      <div aria-live="polite">
        {run.finished ? (
          <>
            <p>{t(locking ? 'list.summary.locked' : 'list.summary.unlocked', { count: done.length })}</p>
            {notDone.length > 0 && <p>{t(locking ? 'list.summary.notLocked' : 'list.summary.notUnlocked', { count: notDone.length })}</p>}
          </>
        ) : (
          <p>{t('overview.bulk.progress', { done: run.results.length, total: run.total })}</p>
        )}
      </div>
      {run.finished && <Summary model={model} notDone={notDone} />}
    </section>
  );
}

function Summary({ model, notDone }: { model: ListModel; notDone: ListResult[] }) {
  const t: Translate = model.t.value;
  const run = model.run.value;
  const close = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => close.current?.querySelector('button')?.focus(), []);
  if (!run) return null;
  const locking = model.action.value === 'lock';
  const retryable = run.results.filter((result) => result.retryable).length;
  const notesMissed = run.results.filter((result) => result.noteMissed);
  const until = model.waitUntil.value;
  return (
    <>
      {notDone.length > 0 && (
        <ul class="rl-results">
          {notDone.map((result) => (
            <li key={result.record.id} class="rl-problem">
              {resultText(t, result, locking)}
            </li>
          ))}
        </ul>
      )}
      {notesMissed.length > 0 && (
        <div class="rl-error" role="alert">
          <p>{t('list.notes.missed', { count: notesMissed.length })}</p>
          <p class="rl-muted">{notesMissed.map(({ record }) => recordLabel(t, record)).join(', ')}</p>
          <button type="button" class="rl-button" onClick={() => void model.writeMissedNotes()}>
            {t('list.notes.writeAgain')}
          </button>
        </div>
      )}
      {retryable > 0 &&
        (until !== null ? (
          <p class="rl-muted">{t('error.retryAfter', { time: model.time.value.exact(new Date(until).toISOString()) })}</p>
        ) : (
          <div class="rl-buttons">
            <button type="button" class="rl-button" onClick={() => void model.retry()}>
              {t('list.run.retry', { count: retryable })}
            </button>
          </div>
        ))}
      <div ref={close}>
        <CloseButton model={model} primary />
      </div>
    </>
  );
}
