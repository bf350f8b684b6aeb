import { HostError } from './host';

/**
 * Settles like `promise`, or rejects with HostError('timeout') after `ms`: Zoho's SDK sets no time
 * limit of its own, so a lost reply would otherwise leave the widget waiting forever.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError('timeout', `${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
