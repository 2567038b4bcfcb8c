// Phone normalisation: the formats a Russian sales team meets are one number.
import { describe, expect, it } from 'vitest';
import { emailKey, phoneDigits } from '../src/model/phones.ts';

describe('phoneDigits', () => {
  it.each([
    ['+7 (913) 909-73-32', '79139097332'],
    ['89139097332', '79139097332'],
    ['8 913 909 73 32', '79139097332'],
    ['9139097332', '79139097332'],
    ['+1 415 555 0100', '14155550100'],
    ['9097332', '9097332'],
    ['909-73-32', '9097332'],
  ])('%s -> %s', (input, digits) => {
    expect(phoneDigits(input)).toBe(digits);
  });

  it('a local number is a suffix of the full number it belongs to', () => {
    const full = phoneDigits('+7 (913) 909-73-32');
    expect(full.endsWith(phoneDigits('9097332'))).toBe(true);
    expect(phoneDigits('89139097332')).toBe(full);
  });

  it('keeps a 10-digit number that is not a Russian mobile as written', () => {
    expect(phoneDigits('4951234567')).toBe('4951234567');
  });

  it('has no digits for text without any', () => {
    expect(phoneDigits('call me')).toBe('');
  });
});

describe('emailKey', () => {
  it('lower-cases and trims', () => {
    expect(emailKey(' Ivan.Petrov@Example.RU ')).toBe('ivan.petrov@example.ru');
  });
});
