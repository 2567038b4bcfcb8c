// Reads an import's file as rows, streamed: CSV in UTF-8 (with or without BOM) or Windows-1251,
// with whatever delimiter its header line uses, quoted newlines included. Decoding is the
// runtime's own TextDecoder (Node ships full ICU, Windows-1251 included): a codec library
// would add ~0.5 MB to every Lambda that bundles the core. Or XLSX (its first sheet), read as a
// stream by exceljs, which is loaded only when a file is one (infra/lib/bundling.ts).
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

export interface FileRow {
  /** The 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

const DELIMITERS = [';', ',', '\t', '|'];

/** The delimiter the header line uses most, outside quotes. */
export function detectDelimiter(head: string): string {
  const firstLine = head.split(/\r?\n/)[0]!.replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((d) => firstLine.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  return counts[best]! > 0 ? DELIMITERS[best]! : ',';
}

/** UTF-8 when the head decodes as UTF-8 (a cut character at its end aside), else Windows-1251. */
export function detectEncoding(head: Buffer): 'utf-8' | 'windows-1251' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    // As a stream: a character the head cuts at its end is left waiting, not an error (cutting a
    // few bytes off instead could itself cut one, and a small UTF-8 file passed for Windows-1251).
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** The bytes as text, chunk by chunk (a character cut between chunks is kept for the next); a BOM is dropped. */
async function* decoded(bytes: Readable, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk as Buffer, { stream: true });
  const last = decoder.decode();
  if (last) yield last;
}

const HEAD_BYTES = 64 * 1024;

/** Takes the first bytes of a stream to look at, and gives back a stream of the whole. */
async function peek(source: Readable): Promise<{ head: Buffer; whole: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = source[Symbol.asyncIterator]();
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    try {
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield Buffer.from(next.value);
      }
    } finally {
      // Left early (a cancelled import, a preview): the source is closed now, not when its socket dies.
      await iterator.return?.();
    }
  }
  return { head, whole: Readable.from(rest()) };
}

/** Every row of a CSV or XLSX file (told apart by the ZIP signature), the header first. */
export async function* fileRows(source: Readable): AsyncGenerator<FileRow> {
  const { head, whole } = await peek(source);
  yield* head.subarray(0, 4).equals(ZIP_SIGNATURE) ? xlsxRows(whole) : csvRows(whole);
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A cell as the text a person sees in it: a date as its day (or time), a formula as its result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return String(value).trim();
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (v.richText)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return v.error ?? '';
}

/** The first sheet's rows, streamed; `line` is the sheet's row number (the header being 1). */
async function* xlsxRows(source: Readable): AsyncGenerator<FileRow> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
      const cells = Array.from({ length: Math.max(0, row.values.length - 1) }, (_, i) => cellText(row.values[i + 1]));
      if (cells.some((c) => c !== '')) yield { line: row.number, cells };
    }
    return;
  }
}

/** Every row of a CSV file, the header first, each with the line it starts on. */
export async function* csvRows(source: Readable): AsyncGenerator<FileRow> {
  const { head, whole } = await peek(source);
  const encoding = detectEncoding(head);
  const text = Readable.from(decoded(whole, encoding));
  const delimiter = detectDelimiter(new TextDecoder(encoding).decode(head));
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true });
  // A failure reading the file ends the rows with it (`pipe` alone would leave it unheard).
  text.on('error', (err) => parser.destroy(err));
  text.pipe(parser);
  // A record starts on the line after the one before it ended, past the empty lines skipped between.
  // Its own lines are counted from its line breaks: csv-parse's count takes a CRLF inside quotes for two.
  let next = 1;
  let emptyBefore = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      const line = next + info.empty_lines - emptyBefore;
      emptyBefore = info.empty_lines;
      next = line + 1 + record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      const cells = record.map((c) => c.trim());
      // A row of separators only (spreadsheets write them at the end) is empty, as in an XLSX sheet.
      if (cells.some((c) => c !== '')) yield { line, cells };
    }
  } finally {
    text.destroy();
  }
}
