// The seam between the stack and the local EventBridge/Scheduler endpoints (src/events/, another
// owner): startStack imports `startEvents` from ./events/index.ts when that file exists.
export interface StartEventsOptions {
  /** The stack's environment so far (table, endpoints, pool); also already in process.env. */
  env: Record<string, string>;
  /** Where schedules and the stream checkpoint live; absent when DynamoDB Local is in memory. */
  dataDir?: string;
  log?: (line: string) => void;
}

export interface LocalEvents {
  /** Added to the stack's env: EVENTBRIDGE_ENDPOINT, SCHEDULER_ENDPOINT, ... */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export type StartEvents = (opts: StartEventsOptions) => Promise<LocalEvents>;
