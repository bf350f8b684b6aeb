import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulator, listen, SEED } from '../../server/emulator';
import { call } from './call';

const lockPath = `/Deals/${SEED.deals.acmeRenewal}/Locking_Information__s`;
const lockBody = { data: [{ Locked_Reason__s: 'Contract sent' }] };
const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'record-lock-emulator-')), 'state.json');

afterEach(() => {
  vi.useRealTimers();
});

describe('per-request faults', () => {
  it('answers X-Emulator-Fault: error with 500 INTERNAL_ERROR and applies nothing', async () => {
    const emulator = createEmulator();
    const answer = await call(emulator, 'POST', lockPath, { body: lockBody, headers: { 'X-Emulator-Fault': 'error' } });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' });
    expect((await call(emulator, 'GET', `${lockPath}?fields=id`)).status).toBe(204);
  });

  it.each([
    ['drop', 204],
    ['drop-after', 200],
  ])('rejects like fetch for %s, leaving the lock read as %i', async (fault, statusAfter) => {
    const emulator = createEmulator();
    await expect(call(emulator, 'POST', lockPath, { body: lockBody, headers: { 'X-Emulator-Fault': fault } })).rejects.toThrow(
      new TypeError('fetch failed'),
    );
    expect((await call(emulator, 'GET', `${lockPath}?fields=id`)).status).toBe(statusAfter);
  });

  it('lets the header override the configured fault rates for that call only', async () => {
    const emulator = createEmulator({ faults: { errorRate: 1 } });
    expect((await call(emulator, 'GET', '/users?type=CurrentUser')).status).toBe(500);
    expect((await call(emulator, 'GET', '/users?type=CurrentUser', { headers: { 'X-Emulator-Fault': 'delay=0' } })).status).toBe(200);
  });

  it.each([
    [0.1, 'error', 500],
    [0.3, 'drop', null],
    [0.9, 'none', 200],
  ])('with errorRate 0.2 and dropRate 0.2, a draw of %f gives %s', async (draw, _outcome, status) => {
    const emulator = createEmulator({ faults: { errorRate: 0.2, dropRate: 0.2 }, random: () => draw });
    const pending = call(emulator, 'GET', '/users?type=CurrentUser');
    if (status === null) await expect(pending).rejects.toThrow('fetch failed');
    else expect((await pending).status).toBe(status);
  });

  it('setOptions changes faults for later calls', async () => {
    const emulator = createEmulator();
    emulator.setOptions({ faults: { dropRate: 1 } });
    await expect(call(emulator, 'GET', '/users?type=CurrentUser')).rejects.toThrow('fetch failed');
    emulator.setOptions({});
    expect((await call(emulator, 'GET', '/users?type=CurrentUser')).status).toBe(200);
  });

  it('holds the answer until the configured latency has passed', async () => {
    vi.useFakeTimers();
    const emulator = createEmulator({ latencyMs: 250 });
    let settled = false;
    const pending = call(emulator, 'GET', '/users?type=CurrentUser').then((answer) => {
      settled = true;
      return answer;
    });
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('delays one call by X-Emulator-Fault: delay=<ms>', async () => {
    vi.useFakeTimers();
    const emulator = createEmulator();
    let settled = false;
    const pending = call(emulator, 'GET', '/users?type=CurrentUser', { headers: { 'X-Emulator-Fault': 'delay=1000' } }).then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toBe(true);
  });
});

describe('reset and snapshot', () => {
  it('reset brings back the seed, snapshot is a detached copy', async () => {
    const emulator = createEmulator();
    await call(emulator, 'POST', lockPath, { body: lockBody });
    const snapshot = emulator.snapshot() as { locks: unknown[] };
    expect(snapshot.locks).toHaveLength(6);
    snapshot.locks.length = 0;
    expect((emulator.snapshot() as { locks: unknown[] }).locks).toHaveLength(6);
    emulator.reset();
    expect((emulator.snapshot() as { locks: unknown[] }).locks).toHaveLength(5);
  });

  it('with seed false serves the same users and no records or configurations', async () => {
    const emulator = createEmulator({ seed: false });
    expect((await call(emulator, 'GET', '/Deals?fields=Deal_Name')).status).toBe(204);
    expect((await call(emulator, 'GET', '/users?type=CurrentUser')).status).toBe(200);
  });
});

describe('data file', () => {
  it('writes changes and reads them back in a new emulator', async () => {
    const file = tempFile();
    const first = createEmulator({ dataFile: file });
    const locked = await call(first, 'POST', lockPath, { body: lockBody });
    const second = createEmulator({ dataFile: file });
    const read = await call(second, 'GET', `${lockPath}?fields=Locked_Reason__s`);
    expect(read.json.data[0]).toMatchObject({ id: locked.json.data[0].details.id, Locked_Reason__s: 'Contract sent' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(second.snapshot());
  });

  it.each([
    ['not JSON', '{"version": 1, '],
    ['JSON of another shape', '{"hello": "world"}'],
  ])('refuses a file holding %s and leaves it untouched', (_name, content) => {
    const file = tempFile();
    writeFileSync(file, content);
    expect(() => createEmulator({ dataFile: file })).toThrow(new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('creates the file at start when it does not exist yet', () => {
    const file = tempFile();
    createEmulator({ dataFile: file });
    expect(existsSync(file)).toBe(true);
  });
});

describe('listen', () => {
  it('serves the emulator over HTTP and destroys the socket for a dropped call', async () => {
    const server = await listen(createEmulator(), { port: 0 });
    try {
      const headers = { Authorization: 'Zoho-oauthtoken 1000.demo.rep', 'content-type': 'application/json' };
      const locked = await fetch(`${server.url}/crm/v8${lockPath}`, { method: 'POST', headers, body: JSON.stringify(lockBody) });
      expect(locked.status).toBe(201);
      const read = await fetch(`${server.url}/crm/v8${lockPath}?fields=Locked_Reason__s`, { headers });
      expect((await read.json()).data[0].Locked_Reason__s).toBe('Contract sent');
      await expect(
        fetch(`${server.url}/crm/v8/users?type=CurrentUser`, { headers: { ...headers, 'X-Emulator-Fault': 'drop' } }),
      ).rejects.toThrow('fetch failed');
    } finally {
      await server.close();
    }
  });
});
