// Physical names of a stage. Functions and queues get fixed names so the monitoring stack can
// watch them by name, without CloudFormation exports that would block removing one later.
export const DEFAULT_STAGE = 'dev';

/** A stage becomes part of stack, function and queue names, so it stays short and plain. */
export function checkStage(stage: unknown): string {
  if (typeof stage !== 'string' || !/^[a-z][a-z0-9-]{0,15}$/.test(stage)) {
    throw new Error(`stage must match ^[a-z][a-z0-9-]{0,15}$, got ${JSON.stringify(stage)}`);
  }
  return stage;
}

export const stackName = (stage: string, part: string) => `crm-${stage}-${part}`;

/** Lambda names are limited to 64 characters. */
export function functionName(stage: string, kind: 'api' | 'consumer' | 'live', name: string): string {
  const full = `crm-${stage}-${kind}-${name}`;
  if (full.length > 64) throw new Error(`function name too long: ${full}`);
  return full;
}

export const queueName = (stage: string, name: string) => `crm-${stage}-${name}-dlq`;
