/**
 * The org's API credits over Zoho's rolling 24-hour window: there is no daily reset, each call's
 * credits come back 24 hours after that call (reference §4.1).
 */

export const CREDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** One call's credits, spent at `at` (ms). */
export interface CreditSpend {
  readonly at: number;
  readonly credits: number;
}

export interface CreditLedger {
  /** Credits spent in the 24 hours before `at`. */
  used(at: number): number;
  spend(at: number, credits: number): CreditSpend;
  /** Gives a spend back, e.g. for a call that was refused after all. */
  refund(spend: CreditSpend): void;
  /** When `needed` credits will be free again under `allowance` (ms); `at` when they are free now. */
  freeAt(at: number, allowance: number, needed: number): number;
  clear(): void;
}

export const createCreditLedger = (): CreditLedger => {
  let spends: CreditSpend[] = [];

  const live = (at: number): CreditSpend[] => {
    spends = spends.filter((s) => s.at + CREDIT_WINDOW_MS > at);
    return spends;
  };
  const used = (at: number): number => live(at).reduce((sum, s) => sum + s.credits, 0);

  return {
    used,
    spend: (at, credits) => {
      const spend = { at, credits };
      spends.push(spend);
      return spend;
    },
    refund: (spend) => {
      spends = spends.filter((s) => s !== spend);
    },
    freeAt: (at, allowance, needed) => {
      let excess = used(at) + needed - allowance;
      if (excess <= 0) return at;
      for (const spend of [...live(at)].sort((a, b) => a.at - b.at)) {
        excess -= spend.credits;
        if (excess <= 0) return spend.at + CREDIT_WINDOW_MS;
      }
      // More than the whole allowance: it never fits; say a full window.
      return at + CREDIT_WINDOW_MS;
    },
    clear: () => {
      spends = [];
    },
  };
};
