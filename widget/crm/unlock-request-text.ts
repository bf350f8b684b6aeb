/**
 * How an unlock request lives in a Zoho Task: a Subject prefix and a Description that names the
 * requester, carries the message and any answer, and ends with a marker line. Written in English:
 * the task is read in Zoho CRM by people of any language, and the panel parses it back.
 */

export const UNLOCK_REQUEST_SUBJECT = 'Unlock request: ';
export const UNLOCK_REQUEST_MARKER = '[record-lock:unlock-request]';

/** Zoho's Task Subject holds 255 characters; a long record name is cut to fit. */
const SUBJECT_MAX_LENGTH = 255;

const ASKED = ' asked to unlock this record.';
const MESSAGE = '\n\nMessage: ';
const REPLY = '\n\nReply from ';
const UNLOCKED = '\n\nUnlocked by ';
const UNLOCK_REASON = '. Reason: ';

/** How a request was answered, as its Description records it. */
export type RequestAnswer =
  | { kind: 'keptLocked'; by: string; reply: string }
  /** `reason` is '' when the unlock gave none (and in descriptions written before unlocks had one). */
  | { kind: 'unlocked'; by: string; reason: string }
  | null;

export interface RequestText {
  requester: string;
  message: string;
  answer: RequestAnswer;
}

export function requestSubject(recordName: string): string {
  return [...`${UNLOCK_REQUEST_SUBJECT}${recordName}`].slice(0, SUBJECT_MAX_LENGTH).join('');
}

/** @example requestDescription('Ivo Intern', 'Please') // 'Ivo Intern asked to unlock this record.\n\nMessage: Please\n\n[record-lock:unlock-request]' */
export function requestDescription(requester: string, message: string): string {
  return `${requester}${ASKED}${message ? `${MESSAGE}${message}` : ''}\n\n${UNLOCK_REQUEST_MARKER}`;
}

/** The description with an answer added before the marker line. */
export function answeredDescription(description: string, answer: Exclude<RequestAnswer, null>): string {
  const body = withoutMarker(description) ?? description;
  const added =
    answer.kind === 'keptLocked'
      ? `${REPLY}${answer.by}: ${answer.reply}`
      : `${UNLOCKED}${answer.by}${answer.reason ? `${UNLOCK_REASON}${answer.reason}` : '.'}`;
  return `${body}${added}\n\n${UNLOCK_REQUEST_MARKER}`;
}

/** The parts of a request's description; null when it does not end with the marker (not ours). */
export function parseRequestText(description: string): RequestText | null {
  let body = withoutMarker(description);
  if (body === null) return null;
  const asked = body.indexOf(ASKED);
  if (asked <= 0) return null;
  const requester = body.slice(0, asked);
  body = body.slice(asked + ASKED.length);
  let answer: RequestAnswer = null;
  // Answers are appended last; the last one found wins over any look-alike inside the message.
  const reply = body.lastIndexOf(REPLY);
  const unlocked = body.lastIndexOf(UNLOCKED);
  if (reply >= 0 && reply > unlocked) {
    const rest = body.slice(reply + REPLY.length);
    const colon = rest.indexOf(': ');
    if (colon > 0) {
      answer = { kind: 'keptLocked', by: rest.slice(0, colon), reply: rest.slice(colon + 2) };
      body = body.slice(0, reply);
    }
  } else if (unlocked >= 0) {
    answer = unlockAnswer(body.slice(unlocked + UNLOCKED.length));
    if (answer) body = body.slice(0, unlocked);
  }
  const message = body.startsWith(MESSAGE) ? body.slice(MESSAGE.length) : '';
  return { requester, message, answer };
}

/** "Rita Rep." or "Rita Rep. Reason: …" after "Unlocked by ". */
function unlockAnswer(rest: string): RequestAnswer {
  const reasonAt = rest.indexOf(UNLOCK_REASON);
  if (reasonAt > 0) return { kind: 'unlocked', by: rest.slice(0, reasonAt), reason: rest.slice(reasonAt + UNLOCK_REASON.length) };
  return rest.endsWith('.') && rest.length > 1 ? { kind: 'unlocked', by: rest.slice(0, -1), reason: '' } : null;
}

function withoutMarker(description: string): string | null {
  const trimmed = description.trimEnd();
  if (!trimmed.endsWith(UNLOCK_REQUEST_MARKER)) return null;
  return trimmed.slice(0, -UNLOCK_REQUEST_MARKER.length).trimEnd();
}
