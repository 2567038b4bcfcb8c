// The seam between the stack and the local EventBridge/Scheduler endpoints (src/events/, another
// owner): startStack imports `startEvents` from ./events/index.ts when that file exists.
export interface StartEventsOptions {
  /** The stack's environment so far (table, endpoints, pool); also already in process.env. */
  env: Readonly<Record<string, string>>;
  /** Where local data lives (may be a temporary directory in tests). */
  dataDir: string;
  /** DynamoDB Local keeps nothing on disk; nothing is remembered across starts. */
  inMemory: boolean;
  log: boolean;
}

export interface LocalEvents {
  /** Added to the stack's env, e.g. EVENTBRIDGE_ENDPOINT and SCHEDULER_ENDPOINT. */
  env?: Record<string, string>;
  stop(): Promise<void>;
}

export type StartEvents = (opts: StartEventsOptions) => Promise<LocalEvents>;
