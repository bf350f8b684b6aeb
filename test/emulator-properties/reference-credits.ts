/**
 * The reference for Zoho's API credits, written apart from the emulator's: spends over a rolling
 * 24 hours, each back 24 hours after its call (reference §4.1).
 */

const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ReferenceCredits {
  remaining(at: number): number;
  spend(at: number, credits: number): void;
  /** Seconds until `needed` credits are free, as Zoho's retry_after. */
  retryAfter(at: number, needed: number): number;
}

export const referenceCredits = (allowance: number): ReferenceCredits => {
  const spends: { at: number; credits: number }[] = [];
  const live = (at: number) => spends.filter((s) => at - s.at < WINDOW_MS);
  const remaining = (at: number) => Math.max(0, allowance - live(at).reduce((sum, s) => sum + s.credits, 0));
  return {
    remaining,
    spend: (at, credits) => {
      spends.push({ at, credits });
    },
    retryAfter: (at, needed) => {
      let freed = remaining(at);
      for (const spend of live(at)) {
        freed += spend.credits;
        if (freed >= needed) return Math.max(1, Math.ceil((spend.at + WINDOW_MS - at) / 1000));
      }
      return WINDOW_MS / 1000;
    },
  };
};
