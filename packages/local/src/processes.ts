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
