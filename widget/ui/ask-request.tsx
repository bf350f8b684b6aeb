import type { LockModel } from '../model/lock-model';
import type { Person } from '../model/request-route';
import type { UnlockRequests } from '../model/unlock-requests';
import { MessageForm } from './message-form';

/** Asking to unlock: why it is not offered, the viewer's own request, or the form that says who will receive it. */
export function AskPart({ model, requests }: { model: LockModel; requests: UnlockRequests }) {
  const t = model.t.value;
  const block = requests.askBlock.value;
  const mine = requests.mine.value;
  const route = requests.route.value;
  const locker = model.lock.value?.lockedBy;
  if (block === 'ruleHeld') {
    if (!model.permissions.value?.bindsViewer) return null;
    const rule = model.ruleName.value;
    return <p class="rl-why">{rule ? t('requests.ruleHeld', { rule }) : t('requests.ruleHeldUnnamed')}</p>;
  }
  const found = route?.kind === 'nobody' ? null : route;
  const askedName = mine && sentTo(mine.ownerId, [locker, model.recordOwner.value, found?.recipient]);
  return (
    <>
      {mine && !mine.open && mine.answer?.kind === 'keptLocked' && (
        <div class="rl-answer">
          <p>{t('requests.yours.keptLocked', { name: mine.answer.by })}</p>
          {mine.answer.reply && <p class="rl-reason">{t('requests.yours.reply', { reply: mine.answer.reply })}</p>}
        </div>
      )}
      {block === 'alreadyAsked' && mine && (
        <p>
          {askedName
            ? t('requests.yours.open', { name: askedName, relative: model.time.value.relative(mine.askedAt) })
            : t('requests.yours.openUnnamed', { relative: model.time.value.relative(mine.askedAt) })}
        </p>
      )}
      {block === null && requests.form.value !== 'ask' && (
        <div class="rl-buttons">
          <button type="button" class="rl-button" disabled={requests.sending.value} onClick={() => requests.openForm('ask')}>
            {t('requests.ask')}
          </button>
        </div>
      )}
      {block === null && requests.form.value === 'ask' && (
        <>
          <RouteLine model={model} requests={requests} />
          <MessageForm
            model={model}
            requests={requests}
            label={t('requests.message.label')}
            hint={found ? t('requests.message.hint', { name: found.recipient.name }) : t('requests.message.optional')}
            submit={t('requests.send')}
            canSubmit={!requests.routing.value && route !== null && route.kind !== 'nobody'}
            onSubmit={() => void requests.ask()}
          />
        </>
      )}
    </>
  );
}

/** Whom the viewer's request went to, when this view knows them: its locker, the record's owner, or the recipient it found. */
function sentTo(ownerId: string, known: (Person | null | undefined)[]): string | null {
  return known.find((person) => person?.id === ownerId)?.name ?? null;
}

/** Who will receive the request, and why them, before anything is sent. */
function RouteLine({ model, requests }: { model: LockModel; requests: UnlockRequests }) {
  const t = model.t.value;
  const route = requests.route.value;
  let text: string | null = null;
  if (requests.routing.value) text = t('requests.route.finding');
  else if (route?.kind === 'nobody') text = t('requests.route.nobody', { locker: route.locker.name });
  else if (route?.kind === 'locker') text = t('requests.route.locker', { name: route.recipient.name });
  else if (route?.kind === 'owner') text = t('requests.route.owner', { locker: route.locker.name, name: route.recipient.name });
  else if (route?.kind === 'administrator') text = t('requests.route.administrator', { locker: route.locker.name, name: route.recipient.name });
  return (
    <p class="rl-why" aria-live="polite">
      {text}
    </p>
  );
}
