/**
 * One event of the lock history as the one short English line its Zoho note holds, and back. The
 * line is stored in English so that it reads the same to everyone in Zoho's Notes list; the panel
 * parses it back into an event and shows it in the viewer's language.
 */

export type HistoryEvent =
  | { kind: 'locked'; by: string; reason: string }
  | { kind: 'reasonChanged'; by: string; reason: string }
  /** `reason` is '' when none was given, as in every note written before unlocks had one. */
  | { kind: 'unlocked'; by: string; reason: string }
  | { kind: 'asked'; by: string; locker: string }
  | { kind: 'keptLocked'; by: string; requester: string; reply: string };

const REASON = ' Reason: ';
const REPLY = ' Reply: ';

/** @example historyLine({ kind: 'unlocked', by: 'Rita Rep', reason: '' }) // 'Rita Rep unlocked this record.' */
export function historyLine(event: HistoryEvent): string {
  switch (event.kind) {
    case 'locked':
      return `${event.by} locked this record.${REASON}${event.reason}`;
    case 'reasonChanged':
      return `${event.by} changed the lock reason.${REASON}${event.reason}`;
    case 'unlocked':
      return `${event.by} unlocked this record.${event.reason ? `${REASON}${event.reason}` : ''}`;
    case 'asked':
      return `${event.by} asked ${event.locker} to unlock this record.`;
    case 'keptLocked':
      return `${event.by} kept this record locked for ${event.requester}.${event.reply ? `${REPLY}${event.reply}` : ''}`;
  }
}

/**
 * The event a note's line tells, given the name of the note's author; null when the line is not one
 * the panel writes (it is then shown as written).
 */
export function parseHistoryLine(line: string, author: string): HistoryEvent | null {
  if (!line.startsWith(`${author} `)) return null;
  const rest = line.slice(author.length + 1);
  const after = (prefix: string, separator: string) =>
    rest.startsWith(`${prefix}${separator}`) ? rest.slice(prefix.length + separator.length) : null;
  const lockedReason = after('locked this record.', REASON);
  if (lockedReason !== null) return { kind: 'locked', by: author, reason: lockedReason };
  const changedReason = after('changed the lock reason.', REASON);
  if (changedReason !== null) return { kind: 'reasonChanged', by: author, reason: changedReason };
  const unlockReason = after('unlocked this record.', REASON);
  if (unlockReason !== null) return { kind: 'unlocked', by: author, reason: unlockReason };
  if (rest === 'unlocked this record.') return { kind: 'unlocked', by: author, reason: '' };
  const asked = /^asked (.+) to unlock this record\.$/s.exec(rest);
  if (asked?.[1]) return { kind: 'asked', by: author, locker: asked[1] };
  const kept = /^kept this record locked for (.+?)\.(?: Reply: (.*))?$/s.exec(rest);
  if (kept?.[1]) return { kind: 'keptLocked', by: author, requester: kept[1], reply: kept[2] ?? '' };
  return null;
}
