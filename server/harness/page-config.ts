import { z } from 'zod';

/** Zoho CRM's two themes, as `CONFIG.getUserPreference()` names them (`{"mode": "day"}`). */
export const HARNESS_THEMES = ['day', 'night'] as const;
export type HarnessTheme = (typeof HARNESS_THEMES)[number];

/** What the server hands the harness page's script, as JSON inside the page. */
export const pageConfigSchema = z.object({
  /** The record detail page, the "Locked records" web tab, or a module's list view. */
  page: z.enum(['record', 'tab', 'list']),
  user: z.string(),
  module: z.string(),
  recordId: z.string().nullable(),
  deployment: z.string(),
  locale: z.string(),
  /** The user's Zoho theme, which `getUserPreference()` reports. */
  theme: z.enum(HARNESS_THEMES),
  widgetOrigin: z.string(),
  /** The widget's page on its own origin: framed at once, or (list view) in the button's popup. */
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
