import type { ConnectionWireRequest, UserPreference } from '../../sdk/protocol';
import { harnessHref } from '../harness-links';
import { harnessAnswerSchema, invokeResultSchema, type CallLogEntry } from '../invoke-schema';
import type { PageConfig } from '../page-config';
import type { ParentAnswer, WidgetServices } from '../widget-parent';

/** Faults a test can ask for on the next connection call; `no-answer` leaves the widget waiting forever. */
export type HarnessFault = 'error' | 'drop' | 'drop-after' | 'no-answer';

export const HARNESS_FAULTS: readonly HarnessFault[] = ['error', 'drop', 'drop-after', 'no-answer'];

/**
 * The page's answers to the widget: user, environment and org from the page's config, connection
 * calls and record reads through the dev server (which holds the tokens), resizes on the frame.
 */
export function createPageServices(options: {
  config: PageConfig;
  fetch: typeof fetch;
  resizeFrame(height: number): void;
  /** The fault queued for the next connection call, if any; taking it clears it. */
  takeFault(): HarnessFault | null;
  logCall(call: CallLogEntry): void;
  /** Goes to a harness address: in this window, or in a new one for target "_blank". */
  navigate(href: string, target: string | null): void;
  /** Closes the widget's popup (and reloads the list behind it); false where the widget is in none. */
  closePopup?(reload: boolean): boolean;
}): WidgetServices {
  const { config } = options;
  const respond = async (data: unknown): Promise<ParentAnswer> => ({ outcome: 'response', data });

  function faultHeader(fault: HarnessFault | null): string | undefined {
    const parts = [fault, config.latencyMs === null ? null : `delay=${config.latencyMs}`].filter((p) => p !== null);
    return parts.length > 0 ? parts.join(',') : undefined;
  }

  return {
    zdkScriptUrl: config.zdkScriptUrl,
    currentUser: () => respond(config.currentUser),
    environment: () => respond(config.environment),
    org: () => respond(config.org),
    userPreference: () => respond({ mode: config.theme } satisfies UserPreference),
    // Zoho's helper documents these as resolving true or false.
    closePopup: (reload) => respond(options.closePopup?.(reload) ?? false),
    resize({ height }) {
      if (height !== null) options.resizeFrame(height);
    },
    async invokeConnection(connectionName: string, request: ConnectionWireRequest) {
      const fault = options.takeFault();
      if (fault === 'no-answer') return { outcome: 'silence' };
      const response = await options.fetch('/__harness/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          user: config.user,
          connection: connectionName,
          deployment: config.deployment,
          request,
          fault: faultHeader(fault),
          ...(config.variant === null ? {} : { variant: config.variant }),
        }),
      });
      const result = invokeResultSchema.parse(await response.json());
      if (result.call) options.logCall(result.call);
      return result.answer;
    },
    async openRecord({ entity, recordId, target }) {
      if (!/^[A-Za-z0-9_]+$/.test(entity) || !/^\d+$/.test(recordId)) {
        return { outcome: 'failure', data: { code: 'INVALID_DATA', message: 'Record.open needs a module API name and a record id' } };
      }
      // The record's detail page in the same local CRM, signed in as the same user.
      const session = {
        user: { email: config.user },
        deployment: config.deployment,
        latencyMs: config.latencyMs,
        variant: config.variant,
        locale: null,
        theme: config.theme,
      };
      options.navigate(harnessHref('/', session, { module: entity, record: recordId }), target);
      return { outcome: 'response', data: true };
    },
    async getRecord(entity: string, recordId: string) {
      const query = new URLSearchParams({ user: config.user, module: entity, id: recordId });
      const response = await options.fetch(`/__harness/record?${query}`);
      return harnessAnswerSchema.parse(await response.json());
    },
  };
}
