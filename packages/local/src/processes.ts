// Child services of the local runtime (DynamoDB Local, cognito-local): started under a guard
// that kills them when we die, with their recent output kept for error messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GUARD = fileURLToPath(new URL('./guard.mjs', import.meta.url));

export interface ServiceProcess {
  name: string;
  /** Pid of the guard; the service itself is its only child. */
  pid: number;
  /** Resolves with the exit code once the service is gone. */
  exited: Promise<number | null>;
  /** The last lines the service printed. */
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Echo the service's output with a `[name]` prefix. */
  log?: boolean;
}

/** Starts `command args` under the guard. Also usable as a child_process.spawn stand-in. */
export function startService(name: string, command: string, args: readonly string[], opts: SpawnOptions = {}): ServiceProcess {
  const child: ChildProcess = spawn(process.execPath, [GUARD, command, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    lines.push(...text.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
    if (opts.log) process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.stdin!.on('error', () => {});
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    pid: child.pid ?? -1,
    exited,
    output: () => lines.join('\n'),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 8000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}

/** Polls `probe` until it resolves true; fails early when the service exits. */
export async function waitUntilReady(service: ServiceProcess, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  let exitCode: number | null | undefined;
  void service.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${service.name} exited (code ${exitCode}) before it was ready:\n${service.output()}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await service.stop();
  throw new Error(`${service.name} did not answer within ${timeoutMs / 1000} s:\n${service.output()}`);
}

export interface SuperviseOptions {
  /** Starts the service again, on the same port and data. */
  restart(): Promise<ServiceProcess>;
  /** Restarts allowed within `windowMs`; one more death than that gives up. */
  maxRestarts?: number;
  windowMs?: number;
  /** One line on each restart. */
  onRestart?(line: string): void;
  /** One line when the service stays down: the runtime should stop rather than serve errors. */
  onGiveUp(line: string): void;
}

export interface Supervised {
  /** The service as it runs now (a restart replaces it). */
  readonly current: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Keeps a child service up: when it dies without being asked to (killed, crashed), it is started
 * again, at most `maxRestarts` times within `windowMs`; a service that keeps dying, or cannot be
 * started, is given up with one line, so the runtime stops instead of answering with errors.
 */
export function supervise(first: ServiceProcess, opts: SuperviseOptions): Supervised {
  const { maxRestarts = 3, windowMs = 60_000 } = opts;
  let current = first;
  let stopping = false;
  const deaths: number[] = [];
  /** The handling of the latest death, which a stop waits for (it may be starting a new process). */
  let handling: Promise<void> = Promise.resolve();
  const watch = (service: ServiceProcess) =>
    (handling = service.exited.then(async (code) => {
      if (stopping) return;
      const at = Date.now();
      deaths.push(at);
      while (deaths[0]! < at - windowMs) deaths.shift();
      const died = `${service.name} stopped unexpectedly (exit code ${code})`;
      if (deaths.length > maxRestarts) {
        return opts.onGiveUp(`${died} for the ${ordinal(deaths.length)} time within ${windowMs / 1000} s; stopping the CRM`);
      }
      try {
        const next = await opts.restart();
        // Stopped while it was starting again: nothing is to run any more.
        if (stopping) return void (await next.stop());
        current = next;
        opts.onRestart?.(`${died}; started it again`);
        watch(next);
      } catch (err) {
        opts.onGiveUp(`${died} and could not be started again (${firstLine(err)}); stopping the CRM`);
      }
    }));
  watch(first);
  return {
    get current() {
      return current;
    },
    async stop() {
      stopping = true;
      await current.stop();
      await handling;
    },
  };
}

const ordinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
const firstLine = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0];
