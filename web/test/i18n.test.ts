// Russian and English say the same things: the same keys (plural forms aside), and every key
// the code asks for exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { ru } from '../src/i18n/ru.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`.replace(PLURAL, '')],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('Texts: en and ru', () => {
  const english = new Set(keysOf(en));
  const russian = new Set(keysOf(ru));

  it('have the same keys', () => {
    expect([...english].filter((k) => !russian.has(k))).toEqual([]);
    expect([...russian].filter((k) => !english.has(k))).toEqual([]);
  });

  it('have every key the code uses literally', () => {
    const src = join(import.meta.dirname, '..', 'src');
    const used = sourceFiles(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]),
    );
    expect([...new Set(used)].filter((k) => !english.has(k))).toEqual([]);
  });
});
