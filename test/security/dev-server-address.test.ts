import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../server/index';

/** The machine's own addresses other than loopback: the dev server must not answer on them. */
const outsideAddresses = Object.values(networkInterfaces())
  .flatMap((entries) => entries ?? [])
  .filter((entry) => !entry.internal)
  .map((entry) => entry.address);

const connects = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the dev server address', () => {
  let server: DevServer;
  let port: number;

  beforeAll(async () => {
    server = await startDevServer({ port: 0, build: false });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  it('says it serves on 127.0.0.1', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
  });

  it('accepts connections on 127.0.0.1', async () => {
    expect(await connects('127.0.0.1', port)).toBe(true);
  });

  it.skipIf(outsideAddresses.length === 0).each(outsideAddresses)('refuses connections on this machine’s address %s', async (address) => {
    expect(await connects(address, port)).toBe(false);
  });

  it('refuses to serve the CRM page on localhost, which is the widget’s own origin', async () => {
    await expect(startDevServer({ port: 0, build: false, host: 'localhost' })).rejects.toThrow(/localhost is the widget/);
  });
});
