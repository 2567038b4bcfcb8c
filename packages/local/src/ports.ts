// Port picking for the local runtime: a fixed port when asked, a free one for 0/undefined.
import { createServer } from 'node:net';
import { LocalRuntimeError } from './errors.ts';

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The port to use: the one given, or a free one when 0 or undefined. */
export const portOrFree = async (port?: number) => (port ? port : freePort());

/** Fails with one clear line when something already listens on a fixed port. */
export function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new LocalRuntimeError(`Port ${port} (${what}) is in use: stop what listens there or set ${envName}`)
          : err,
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}
