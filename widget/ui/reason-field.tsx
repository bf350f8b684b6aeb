import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../i18n/messages';
import type { ReasonDraft } from '../model/reason-draft';
import { saveOnEnter } from './save-on-enter';

export interface ReasonFieldProps {
  /** The text box's id; its hint, counter and problem take it as their prefix. */
  id: string;
  t: Translate;
  draft: ReasonDraft;
  /** A change is in flight: the text stays readable but cannot change. */
  busy: boolean;
  /** An unlock's reason: may be left empty, and is labelled so. */
  optional?: boolean;
  /** Focus goes into the box when it appears (default); an unlock's confirmation keeps it on Cancel. */
  autoFocus?: boolean;
  onSave(): void;
  onCancel(): void;
}

/**
 * A lock or unlock reason's text box, as every page shows it: labelled, with how Enter and Escape work, a
 * counter near Zoho's limit, and what is wrong with the reason said in an alert tied to the box.
 * The text lives in the model's draft, so it survives failures and re-renders. Focus goes into the
 * box when it appears, and back into it when a call gives control back.
 */
export function ReasonField({ id, t, draft, busy, optional = false, autoFocus = true, onSave, onCancel }: ReasonFieldProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (!busy && autoFocus) textarea.current?.focus();
  }, [busy, autoFocus]);
  const problem = draft.problem.value;
  const counter = draft.showCounter.value;
  const describedBy = [`${id}-hint`, counter && `${id}-counter`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <>
      <label for={id}>{optional ? t('form.unlockReason.label') : t('form.reason.label')}</label>
      <textarea
        id={id}
        ref={textarea}
        rows={3}
        value={draft.text.value}
        readOnly={busy}
        aria-invalid={problem !== null}
        aria-describedby={describedBy}
        onInput={(event) => draft.set(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (saveOnEnter(event, onSave)) return;
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <p id={`${id}-hint`} class="rl-muted">
        {optional ? t('form.unlockReason.hint') : t('form.reason.hint')}
      </p>
      {counter && (
        <p id={`${id}-counter`} class={problem?.problem === 'tooLong' ? 'rl-counter rl-counter--over' : 'rl-counter'}>
          {t('form.reason.counter', { count: draft.length.value, max: draft.maxLength.value })}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} class="rl-problem" role="alert">
          {problem.problem === 'empty' ? t('form.reason.empty') : t('form.reason.tooLong', { length: problem.length, max: problem.maxLength })}
        </p>
      )}
    </>
  );
}
