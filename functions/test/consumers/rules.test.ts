// The consumer rule table: what its type cannot say (names usable in AWS resource names, a consumer
// file with a handler behind each row), checked here once instead of at every synth or start.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consumerRules } from '../../consumers/rules.ts';

describe('Consumer rules', () => {
  it('name each rule once, in kebab-case', () => {
    const names = consumerRules.map((r) => r.name);
    expect(names.filter((n) => !/^[a-z][a-z0-9-]*$/.test(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lead each rule to a file of functions/consumers that exports a handler', async () => {
    for (const rule of consumerRules) {
      const file = new URL(`../../consumers/${rule.consumer}.ts`, import.meta.url);
      expect(existsSync(file), rule.consumer).toBe(true);
      const consumer = (await import(file.href)) as { handler?: unknown };
      expect(typeof consumer.handler, rule.consumer).toBe('function');
    }
  });
});
