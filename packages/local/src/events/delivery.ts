// Delivery to in-process targets the way EventBridge and Scheduler do it: asynchronous,
// retried with exponential backoff, and parked in a dead-letter list when every attempt failed.
import { logToConsole } from './aws-http.ts';
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later wait doubles. */
  firstDelayMs: number;
}

export interface DeadLetter<T> {
  target: string;
  payload: T;
  error: string;
  attempts: number;
  failedAt: string;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 200 };

export class Deliveries<T> {
  readonly deadLetters: DeadLetter<T>[] = [];
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly log: (line: string) => void = logToConsole,
  ) {}

  /** Starts delivering in the background; the promise settles (never rejects) when done. */
  send(target: string, payload: T, deliver: (payload: T) => Promise<void>): Promise<void> {
    const run = this.attempt(target, payload, deliver).finally(() => this.pending.delete(run));
    this.pending.add(run);
    return run;
  }

  /** Resolves once nothing is in flight, including deliveries started by deliveries. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** No retries after this; attempts under way finish. */
  stop(): void {
    this.stopped = true;
  }

  private async attempt(target: string, payload: T, deliver: (payload: T) => Promise<void>): Promise<void> {
    await Promise.resolve(); // the caller's answer (PutEvents, a timer tick) never waits for a target
    let error: unknown;
    let attempts = 0;
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      if (attempt > 1) {
        if (this.stopped) break;
        await sleep(this.policy.firstDelayMs * 2 ** (attempt - 2));
      }
      attempts = attempt;
      try {
        await deliver(payload);
        return;
      } catch (err) {
        error = err;
        this.log(`${target}: attempt ${attempt} failed: ${(err as Error)?.message ?? err}`);
      }
    }
    this.log(`${target}: gave up after ${attempts} attempts; kept in the dead-letter list`);
    this.deadLetters.push({
      target,
      payload,
      error: String((error as Error)?.message ?? error),
      attempts,
      failedAt: new Date().toISOString(),
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
