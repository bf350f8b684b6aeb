/**
 * The controls tests need beside the API: tokens for seeded users, options changed while the
 * emulator runs, the org's credits, a user's status, a reset to the seed and a snapshot.
 */
import type { Emulator, EmulatorOptions } from './emulator-api';
import { ownVariantsOf, searchLagMsOf, type EmulatorCore } from './emulator-core';
import type { UserState } from './state';

const definedOnly = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

export const createControls = (core: EmulatorCore, options: EmulatorOptions): Omit<Emulator, 'handle'> => {
  const { now, random, limiter } = core;
  let tokenSerial = 0;

  const userNamed = (email: string): UserState => {
    const user = core.state.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (!user) throw new Error(`No user ${email} in the emulator's org (users: ${core.state.users.map((u) => u.email).join(', ')})`);
    return user;
  };

  const issueToken = (email: string, scopes: string[], tokenOptions: { expiresAt?: Date } = {}): string => {
    const user = userNamed(email);
    tokenSerial += 1;
    const token = `1000.${user.id.slice(-6)}${String(tokenSerial).padStart(4, '0')}.${Math.floor(random() * 1e12).toString(16)}`;
    core.state.tokens.push({
      token,
      userId: user.id,
      scopes: [...scopes],
      expiresAt: tokenOptions.expiresAt ? tokenOptions.expiresAt.toISOString() : null,
    });
    core.save();
    return token;
  };

  return {
    issueToken,
    setOptions: (next) => {
      core.faultSettings = { latencyMs: next.latencyMs, faults: next.faults };
      // Variants and the search lag that `next` leaves out go back to the emulator's own.
      core.ownVariants = ownVariantsOf({ ...options, ...definedOnly(next) });
      core.searchLagMs = searchLagMsOf({ ...options, ...definedOnly(next) });
      if (next.limits) core.limitOptions = next.limits;
    },
    credits: () => ({ allowance: core.currentLimits().credits, remaining: limiter.remaining(now().getTime()) }),
    setRemainingCredits: (remaining) => limiter.setRemaining(now().getTime(), remaining),
    setUserStatus: (email, status) => {
      userNamed(email).status = status;
      core.save();
    },
    reset: () => {
      core.state = core.seeded();
      core.lockIndex.restart(core.state);
      limiter.setRemaining(now().getTime(), core.currentLimits().credits);
      core.save();
    },
    snapshot: () => structuredClone(core.state),
  };
};
