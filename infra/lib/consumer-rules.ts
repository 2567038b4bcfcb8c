// Event consumers: functions/consumers/rules.ts (when it exists) lists { name, pattern, consumer };
// each becomes one rule on the bus and one Lambda built from functions/consumers/<consumer>.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EventPattern } from 'aws-cdk-lib/aws-events';

export interface ConsumerRule {
  name: string;
  /** A raw EventBridge pattern, the same object the local bus matches (`detail-type` spelled so). */
  pattern: Record<string, unknown>;
  /** File name in functions/consumers/, without `.ts`. */
  consumer: string;
}

function isConsumerRule(v: unknown): v is ConsumerRule {
  const r = v as Partial<ConsumerRule> | null;
  return typeof r?.name === 'string' && /^[a-z][a-z0-9-]*$/.test(r.name)
    && typeof r.consumer === 'string' && typeof r.pattern === 'object' && r.pattern !== null;
}

export async function loadConsumerRules(consumersDir: string): Promise<ConsumerRule[]> {
  const file = join(consumersDir, 'rules.ts');
  if (!existsSync(file)) return [];
  const { consumerRules } = (await import(pathToFileURL(file).href)) as { consumerRules?: unknown };
  if (!Array.isArray(consumerRules) || !consumerRules.every(isConsumerRule)) {
    throw new Error(`${file} must export consumerRules: { name (kebab-case), pattern, consumer }[]`);
  }
  return consumerRules;
}

/** The CDK spells `detail-type` as `detailType`; everything else is the same. */
export function toCdkPattern(pattern: Record<string, unknown>): EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return { ...rest, ...(detailType === undefined ? {} : { detailType }) } as EventPattern;
}
