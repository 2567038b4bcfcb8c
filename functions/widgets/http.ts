// Widgets' calls out to their services (a PBX, an SMS gateway), through the webhooks' guard: in
// AWS only https to public addresses, the host resolved and pinned so that DNS cannot rebind it.
// Locally (WEBHOOK_ALLOW_LOOPBACK=1) http to loopback is let through, for the tests' receivers.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { BlockedUrlError, checkedTarget, invalid, webhookNetwork } from '@crm/core';

export interface OutboundRequest {
  method: 'GET' | 'POST';
  url: string;
  /** HTTP Basic credentials, as ARI and Twilio take them. */
  basicAuth?: { user: string; password: string };
  /** JSON or form-encoded (`URLSearchParams`). */
  body?: URLSearchParams | Record<string, unknown>;
}

export interface OutboundAnswer {
  status: number;
  body: unknown;
}

const MAX_ANSWER_BYTES = 256 * 1024;

/** Sends one request; a refused URL is a 400 on `baseUrl`, no answer or a 5xx a 502, which the API tells the user. */
export async function callService(req: OutboundRequest): Promise<OutboundAnswer> {
  let target: Awaited<ReturnType<typeof checkedTarget>>;
  try {
    target = await checkedTarget(req.url);
  } catch (err) {
    if (err instanceof BlockedUrlError) throw invalid(`The service URL ${err.message}`, [{ path: 'baseUrl', message: err.message }]);
    throw err;
  }
  const form = req.body instanceof URLSearchParams;
  const payload = req.body === undefined ? undefined : form ? req.body.toString() : JSON.stringify(req.body);
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'crm-widgets/1' };
  if (payload !== undefined) {
    headers['content-type'] = form ? 'application/x-www-form-urlencoded' : 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (req.basicAuth) headers.authorization = `Basic ${Buffer.from(`${req.basicAuth.user}:${req.basicAuth.password}`).toString('base64')}`;
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: unknown[]) => void)(null, [target.to]);
    else callback(null, target.to.address, target.to.family);
  };
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target.url, { method: req.method, headers, lookup: pinned, timeout: webhookNetwork.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) return void res.destroy(new Error('The answer is too large'));
        chunks.push(chunk);
      });
      res.on('error', (err) => reject(new ServiceFailed(`The service's answer broke off: ${err.message}`)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer in ${webhookNetwork.timeoutMs / 1000} s`)));
    request.on('error', (err) => reject(new ServiceFailed(`The service at ${target.url.host} could not be reached: ${err.message}`)));
    request.end(payload);
  });
}

/** The service did not do what was asked (no answer, a refusal): the API answers 502 with this message. */
export class ServiceFailed extends Error {}
