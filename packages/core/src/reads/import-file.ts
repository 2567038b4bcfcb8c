// Reads an import's file as rows, streamed: CSV in UTF-8 (with or without BOM) or Windows-1251,
// with whatever delimiter its header line uses, quoted newlines included. Decoding is the
// runtime's own TextDecoder (Node ships full ICU, Windows-1251 included): a codec library
// would add ~0.5 MB to every Lambda that bundles the core.
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
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
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
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }
  return { head, whole: Readable.from(rest()) };
}

/** Every row of the file, the header first, each with the line it starts on. */
export async function* csvRows(source: Readable): AsyncGenerator<FileRow> {
  const { head, whole } = await peek(source);
  const encoding = detectEncoding(head);
  const text = Readable.from(decoded(whole, encoding));
  const delimiter = detectDelimiter(new TextDecoder(encoding).decode(head));
  const parser = text.pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true }),
  );
  let lineAfterLast = 1;
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const cells = record.record.map((c) => c.trim());
    yield { line: lineAfterLast, cells };
    lineAfterLast = record.info.lines + 1;
  }
}
