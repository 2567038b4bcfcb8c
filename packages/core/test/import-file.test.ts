// The import file's encoding, told from its first bytes: a small UTF-8 file ending in Cyrillic
// was once taken for Windows-1251 (bytes cut off its end cut a character). And the rows' lines:
// a failed row is reported by the line of the file it starts on.
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRows, detectEncoding, fileRows } from '../src/reads/import-file.ts';

describe('detectEncoding', () => {
  it('tells UTF-8 (whole, or cut inside a character at the end of the head) from Windows-1251', () => {
    expect(detectEncoding(Buffer.from('Название;Компания\nСделка 1;Компания 29'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Компания').subarray(0, 5))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('Название;Компания\nСделка 1;Компания 29', 'win1251'))).toBe('windows-1251');
  });
});

describe('csvRows', () => {
  it('gives each row the line of the file it starts on, past blank lines and quoted line breaks, and skips rows of separators only', async () => {
    for (const eol of ['\r\n', '\n']) {
      const file = ['Название;Бюджет', 'Первая;1', '', 'Вторая;"2', 'строки"', '', '', 'Третья;3', ';;', 'Четвёртая;4', ';'].join(eol);
      const rows = [];
      for await (const row of csvRows(Readable.from([Buffer.from(file)]))) rows.push([row.line, row.cells[0]]);
      expect(rows).toEqual([
        [1, 'Название'],
        [2, 'Первая'],
        [4, 'Вторая'],
        [8, 'Третья'],
        [10, 'Четвёртая'],
      ]);
    }
  });
});

describe('fileRows left early', () => {
  it('closes the source (a cancelled import stops reading its file there and then)', async () => {
    const lines = ['a,b', ...Array.from({ length: 50_000 }, (_, i) => `x${i},${i}`)].join('\n');
    async function* slowly() {
      for (let i = 0; i < lines.length; i += 16_384) {
        yield Buffer.from(lines.slice(i, i + 16_384));
        await new Promise((r) => setTimeout(r, 1));
      }
    }
    const source = Readable.from(slowly());
    let taken = 0;
    for await (const _ of fileRows(source)) if (++taken === 1_000) break;
    await new Promise((r) => setTimeout(r, 20));
    expect(source.destroyed).toBe(true);
  });
});
