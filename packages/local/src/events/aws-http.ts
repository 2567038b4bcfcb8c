// What the local AWS endpoints share: reading JSON bodies, answering JSON, AWS-shaped errors,
// listening on a port, and the region the SDK signed the request for.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { LOCAL_REGION } from '../config.ts';

export const LOCAL_ACCOUNT = '000000000000';

/** Where the event plumbing reports failures when the stack gives no logger. */
export const logToConsole = (line: string) => console.error(`[events] ${line}`);

/** An error the SDK client turns into its modeled exception (by `type`). */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    /* answered below */
  }
  throw new AwsError('SerializationException', 'The request body is not a JSON object');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Both JSON 1.1 (`__type`) and REST-JSON (`x-amzn-ErrorType`) clients read this shape. */
export function sendError(res: ServerResponse, err: unknown, contentType?: string): void {
  const aws = err instanceof AwsError ? err : new AwsError('InternalException', String((err as Error)?.message ?? err), 500);
  res.setHeader('x-amzn-ErrorType', aws.type);
  sendJson(res, aws.status, { __type: aws.type, message: aws.message, Message: aws.message }, contentType);
}

/** The region in the SigV4 credential scope (`Credential=AKID/date/REGION/service/aws4_request`). */
export function signedRegion(req: IncomingMessage): string {
  const scope = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(req.headers.authorization ?? '');
  return scope?.[1] ?? LOCAL_REGION;
}

/** Listens on `port` (0 = any free one) and answers the port taken. */
export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** EventBridge-style time: ISO-8601 UTC to the second. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
