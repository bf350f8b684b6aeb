import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Frame } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const violationSchema = z.object({
  id: z.string(),
  impact: z.string().nullable().optional(),
  help: z.string(),
  nodes: z.array(z.object({ target: z.array(z.unknown()), failureSummary: z.string().optional() })),
});

export type AxeViolation = z.infer<typeof violationSchema>;

/**
 * Runs axe-core inside a frame and returns its violations. The script goes in through the
 * DevTools protocol, so the widget's Content-Security-Policy stays as strict as in production.
 */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(axeSource);
  const raw: unknown = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown }> } }).axe;
    const results = await axe.run(document, {
      resultTypes: ['violations'],
      // The widget is one section of the CRM's record page, whose h1 is the record's name: an
      // h1 inside the frame would give the page two. Every other rule, WCAG and best practice, runs.
      rules: { 'page-has-heading-one': { enabled: false } },
    });
    return results.violations;
  });
  return z.array(violationSchema).parse(raw);
}

/** One line per violation, with the elements it names: readable in a failed expectation. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
