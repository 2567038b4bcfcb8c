// Free text as the API takes it, decided once for every string field of a request: NFC,
// trimmed, and nothing that could not be stored, listed and found again as it was written.
import * as z from 'zod';

/** A lone surrogate is not Unicode: JSON and DynamoDB would hand it back as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0 controls and DEL; multi-line text keeps tab, line feed and carriage return. */
const NO_CONTROLS = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROLS_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** What shows as nothing: spaces, format characters (U+200B-U+200D, U+2060, U+FEFF, ...) and other ignorables. */
const INVISIBLE = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export interface TextRule {
  max: number;
  min?: number;
  /** Notes, task texts, addresses: tab and line breaks are part of the text. */
  multiline?: boolean;
}

/** Any free text: a note, an address, a filter. */
export const text = ({ max, min = 0, multiline = false }: TextRule) => {
  const schema = z
    .string()
    .overwrite((s) => s.normalize('NFC'))
    .trim()
    .refine((s) => !LONE_SURROGATE.test(s), 'contains a lone surrogate, which is not a character')
    .regex(
      multiline ? NO_CONTROLS_BUT_LINES : NO_CONTROLS,
      multiline ? 'contains a control character' : 'contains a control character or a line break',
    )
    .max(max);
  return min > 0 ? schema.min(min) : schema;
};

/** A name someone must be able to see and pick: one line, and not only invisible characters. */
export const name = (max = 255) =>
  text({ max, min: 1 }).refine((s) => s === '' || s.replace(INVISIBLE, '') !== '', 'has no visible character');

/** A tag as stored, listed and filtered by. */
export const tag = () => name(50);
