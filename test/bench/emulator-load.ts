import { z } from 'zod';
import { createEmulator, listen, SEED } from '../../server/emulator/index';

const BASE_PATH = '/crm/v8';
const AUTH = { Authorization: 'Zoho-oauthtoken 1000.demo.rep' };

export interface Throughput {
  seconds: number;
  concurrency: number;
  requests: number;
  failures: number;
  requestsPerSecond: number;
}

export interface LockContention {
  attempts: number;
  created: number;
  notAllowed: number;
  other: number;
  locksAfter: number;
}

/** The bench measures the emulator's own speed and races, not Zoho's API limits: lift them. */
const NO_API_LIMITS = { limits: { credits: Number.MAX_SAFE_INTEGER, concurrency: Number.MAX_SAFE_INTEGER } };

/** GETs of one record's lock over loopback with keep-alive, `concurrency` at a time, for at most `seconds` and `maxRequests`. */
export async function measureThroughput(seconds: number, concurrency: number, maxRequests: number): Promise<Throughput> {
  const served = await listen(createEmulator(NO_API_LIMITS), { port: 0 });
  try {
    const url = `${served.url}${BASE_PATH}/Deals/${SEED.deals.hooliPricing}/Locking_Information__s?fields=Locked_Reason__s,Locked_By__s`;
    let requests = 0;
    let failures = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline && requests < maxRequests) {
        requests += 1;
        const response = await fetch(url, { headers: AUTH });
        await response.arrayBuffer();
        if (response.status !== 200) failures += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    return { seconds: Math.round(elapsed * 10) / 10, concurrency, requests, failures, requestsPerSecond: Math.round(requests / elapsed) };
  } finally {
    await served.close();
  }
}

const errorCodeSchema = z.object({ code: z.string() });

/** `attempts` lock requests on one record at once: exactly one may succeed. */
export async function measureLockContention(attempts: number): Promise<LockContention> {
  const emulator = createEmulator(NO_API_LIMITS);
  const served = await listen(emulator, { port: 0 });
  try {
    const url = `${served.url}${BASE_PATH}/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;
    const answers = await Promise.all(
      Array.from({ length: attempts }, async (_, n) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { ...AUTH, 'Content-Type': 'application/json' },
          body: JSON.stringify({ data: [{ Locked_Reason__s: `Attempt ${n}` }] }),
        });
        const body: unknown = await response.json();
        return { status: response.status, code: errorCodeSchema.safeParse(body).data?.code ?? null };
      }),
    );
    const created = answers.filter((a) => a.status === 201).length;
    const notAllowed = answers.filter((a) => a.status === 403 && a.code === 'NOT_ALLOWED').length;
    const locks = z.object({ locks: z.array(z.object({ recordId: z.string() })) }).parse(emulator.snapshot()).locks;
    return {
      attempts,
      created,
      notAllowed,
      other: attempts - created - notAllowed,
      locksAfter: locks.filter((lock) => lock.recordId === SEED.deals.acmeRenewal).length,
    };
  } finally {
    await served.close();
  }
}
