import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The port asked for is taken by another process. */
export class PortBusyError extends Error {
  override readonly name = 'PortBusyError';
  constructor(readonly port: number) {
    super(`Port ${port} is busy: another process is listening on it. Stop it, or set PORT=<another port> (or --port).`);
  }
}

/** Listens and resolves with the bound port (useful with port 0); rejects with PortBusyError when taken. */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortBusyError(port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Closes the server, dropping idle keep-alive connections so that close() does not hang. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
