import * as z from './zod';
import { HostError, type HostResponse } from './host';

const connectionAnswerSchema = z.object({
  code: z.string(),
  details: z.nullish(z.object({ statusMessage: z.optional(z.unknown()) })),
});

/**
 * The API's answer inside `CONNECTION.invoke`'s result: Zoho puts the upstream body in
 * `details.statusMessage`, parsed JSON or raw text, and leaves it empty for HTTP 204.
 * An outer code other than SUCCESS means the connection itself failed.
 */
export function parseConnectionAnswer(answer: unknown): HostResponse {
  const parsed = connectionAnswerSchema.safeParse(answer);
  if (!parsed.success) throw new HostError('malformed', 'Unexpected connection answer', answer);
  if (parsed.data.code !== 'SUCCESS') {
    throw new HostError('connection', `Connection failed: ${parsed.data.code}`, answer);
  }
  return { body: readBody(parsed.data.details?.statusMessage) };
}

/** An upstream body as the widget reads it: undefined when empty (HTTP 204), else parsed JSON or the text. */
export function readBody(statusMessage: unknown): unknown {
  if (statusMessage === null || statusMessage === undefined) return undefined;
  if (typeof statusMessage !== 'string') return statusMessage;
  if (statusMessage.trim() === '') return undefined;
  return parseJsonOrText(statusMessage);
}

/** JSON.parse, or the text itself when it is not JSON (Zoho passes non-JSON bodies through as text). */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
