// The import file's encoding, told from its first bytes: a small UTF-8 file ending in Cyrillic
// was once taken for Windows-1251 (bytes cut off its end cut a character).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../src/reads/import-file.ts';

describe('detectEncoding', () => {
  it('tells UTF-8 (whole, or cut inside a character at the end of the head) from Windows-1251', () => {
    expect(detectEncoding(Buffer.from('Название;Компания\nСделка 1;Компания 29'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Компания').subarray(0, 5))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('Название;Компания\nСделка 1;Компания 29', 'win1251'))).toBe('windows-1251');
  });
});
