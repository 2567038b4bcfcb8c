// Phone numbers and e-mails as they are compared: de-duplication, the `phone` filter and
// search all go through these, so "+7 (913) 909-73-32" and "89139097332" are one number.

/**
 * The comparable digits of a phone number: digits only; a Russian trunk prefix 8 of an
 * 11-digit number becomes the country code 7, and a bare 10-digit mobile number (9XX...)
 * gets the 7 it was dialled without. Anything else keeps its digits as written, so a
 * local number ("909-73-32") stays a suffix of its full form (search finds it by suffix).
 */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}

/** E-mails compare case-insensitively. */
export const emailKey = (value: string) => value.trim().toLowerCase();
