import { HostError } from './host';

/**
 * Settles like `promise`, or rejects with HostError('timeout') after `ms`: Zoho's SDK sets no time
 * limit of its own, so a lost reply would otherwise leave the widget waiting forever.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostError('timeout', `${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}
