import { z } from 'zod';

/** What the server hands the harness page's script, as JSON inside the page. */
export const pageConfigSchema = z.object({
  /** The record detail page with the related-list widget, or the "Locked records" web tab. */
  page: z.enum(['record', 'tab']),
  user: z.string(),
  module: z.string(),
  recordId: z.string().nullable(),
  deployment: z.string(),
  locale: z.string(),
  widgetOrigin: z.string(),
  widgetUrl: z.string(),
  zdkScriptUrl: z.string(),
  latencyMs: z.number().nullable(),
  /** Emulator variants the widget's connection calls carry as X-Emulator-Variant. */
  variant: z.string().nullable(),
  /** Answers to CONFIG CURRENT_USER, ORG_LEVEL_INFO and ORG. */
  currentUser: z.unknown(),
  environment: z.unknown(),
  org: z.unknown(),
});

export type PageConfig = z.infer<typeof pageConfigSchema>;

export const PAGE_CONFIG_ELEMENT_ID = 'harness-config';
