import { z } from 'zod';
import { connectionRequestSchema } from '../sdk/protocol';

/**
 * The harness page's call to its dev server for one CRM_CONNECTION request: the page never holds
 * a token, the server picks it from the connection and the signed-in user.
 */
export const invokeRequestSchema = z.object({
  user: z.email(),
  connection: z.string(),
  deployment: z.string(),
  request: connectionRequestSchema,
  /** Passed to the emulator as `X-Emulator-Fault` (error, drop, drop-after, delay=<ms>). */
  fault: z.string().optional(),
  /** Passed to the emulator as `X-Emulator-Variant` (the page's `&variant=`). */
  variant: z.string().optional(),
});

export type InvokeRequest = z.infer<typeof invokeRequestSchema>;

/** One API call the widget made, for the page's log panel and `window.__harness.calls`. */
export const callLogEntrySchema = z.object({
  connection: z.string(),
  method: z.string(),
  path: z.string(),
  /** null when the call never got an answer (dropped). */
  status: z.number().nullable(),
  durationMs: z.number(),
  /** What the path does not show, e.g. a COQL call's query, cut short. */
  summary: z.string().optional(),
});

export type CallLogEntry = z.infer<typeof callLogEntrySchema>;

/** How the page answers the widget: EVENT_RESPONSE or EVENT_RESPONSE_FAILURE with `data`. */
export const harnessAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('response'), data: z.unknown() }),
  z.object({ outcome: z.literal('failure'), data: z.unknown() }),
]);

export type HarnessAnswer = z.infer<typeof harnessAnswerSchema>;

export const invokeResultSchema = z.object({ answer: harnessAnswerSchema, call: callLogEntrySchema.nullable() });

export type InvokeResult = z.infer<typeof invokeResultSchema>;
