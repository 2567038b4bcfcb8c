// One signed POST to a receiver, through the guard: in AWS only https to public addresses. The
// host is resolved here, every address checked, and the connection made to the checked address
// (so a second DNS answer cannot rebind it to a private one). Redirects are not followed: a 3xx
// is a failed attempt, so a redirect can never lead the request to an address not checked.
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { invalid } from '../errors.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * How webhooks reach the network. `allowLoopback` is the local runtime's switch (http and
 * 127.0.0.1/::1 receivers on a laptop, WEBHOOK_ALLOW_LOOPBACK=1); tests replace `lookup`.
 */
export const webhookNetwork = {
  /** Set by tests that check the guard as it runs in AWS; otherwise the environment decides. */
  loopbackOverride: undefined as boolean | undefined,
  get allowLoopback(): boolean {
    return this.loopbackOverride ?? process.env.WEBHOOK_ALLOW_LOOPBACK === '1';
  },
  lookup: async (host: string): Promise<ResolvedAddress[]> =>
    (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })),
  timeoutMs: 10_000,
};

/** The cloud metadata endpoints, named so the refusal says what they are. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);

export class BlockedUrlError extends Error {}

/** Why an address may not receive webhooks, or null when it may (ipaddr.js knows the special ranges). */
export function blockedReason(address: string, allowLoopback = webhookNetwork.allowLoopback): string | null {
  if (!ipaddr.isValid(address)) return 'is not an IP address';
  const ip = ipaddr.process(address); // ::ffff:10.0.0.1 is judged as 10.0.0.1
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return 'is the cloud metadata address';
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && allowLoopback) return null;
  return `is a ${range} address`;
}

/** Checks the URL's form and every address its host resolves to; answers the address to connect to. */
export async function checkedTarget(url: string, allowLoopback = webhookNetwork.allowLoopback): Promise<{ url: URL; to: ResolvedAddress }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BlockedUrlError('is not a URL');
  }
  if (parsed.protocol !== 'https:' && !(allowLoopback && parsed.protocol === 'http:')) throw new BlockedUrlError('must be https');
  if (parsed.username || parsed.password) throw new BlockedUrlError('may not carry a user name or password');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await webhookNetwork.lookup(host);
    } catch {
      throw new BlockedUrlError(`: ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new BlockedUrlError(`: ${host} does not resolve`);
  // Every answer must pass: a name with one private address among public ones is refused.
  for (const a of addresses) {
    const reason = blockedReason(a.address, allowLoopback);
    if (reason) throw new BlockedUrlError(`points at ${a.address}, which ${reason}`);
  }
  return { url: parsed, to: addresses[0]! };
}

/** The save-time check: a 400 on `url` when the guard refuses it. */
export async function requireDeliverableUrl(url: string) {
  try {
    await checkedTarget(url);
  } catch (err) {
    if (!(err instanceof BlockedUrlError)) throw err;
    throw invalid(`The webhook URL ${err.message}`, [{ path: 'url', message: err.message }]);
  }
}

/** `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, one v1 per secret (two during a rotation's grace period). */
export function signatureHeader(secrets: readonly string[], unixSeconds: number, body: string): string {
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`);
  return [`t=${unixSeconds}`, ...signatures].join(',');
}

export interface SignedPost {
  url: string;
  /** The JSON body, exactly as signed. */
  body: string;
  /** The current secret first; a second one while a rotated secret is in its grace period. */
  secrets: readonly string[];
  /** More headers, e.g. X-Crm-Event and X-Crm-Delivery. */
  headers?: Record<string, string>;
  /** Unix milliseconds of the signature's `t` (an injected clock in tests). */
  now?: number;
}

export interface PostOutcome {
  ok: boolean;
  /** The receiver's status, or null when none came. */
  responseCode: number | null;
  latencyMs: number;
  error: string | null;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Delivers one signed POST through the guard, never throwing: a refused URL, a failed
 * connection, a timeout or a non-2xx answer is an outcome with `ok: false`. The automations'
 * `webhook` action calls this too.
 */
export async function deliverSignedPost(post: SignedPost): Promise<PostOutcome> {
  const started = performance.now();
  const outcome = (responseCode: number | null, error: string | null): PostOutcome => ({
    ok: responseCode !== null && responseCode >= 200 && responseCode < 300 && error === null,
    responseCode,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  let target: Awaited<ReturnType<typeof checkedTarget>>;
  try {
    target = await checkedTarget(post.url);
  } catch (err) {
    if (err instanceof BlockedUrlError) return outcome(null, `Refused: the URL ${err.message}`);
    throw err;
  }
  const t = Math.floor((post.now ?? Date.now()) / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(post.body)),
    'user-agent': 'crm-webhooks/1',
    ...post.headers,
    'x-crm-signature': signatureHeader(post.secrets, t, post.body),
  };
  // Connect to the address that was checked, whatever DNS says now; TLS still verifies the host name.
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [target.to]);
    else callback(null, target.to.address, target.to.family);
  };
  return new Promise<PostOutcome>((resolve) => {
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target.url, { method: 'POST', headers, lookup: pinned, timeout: webhookNetwork.timeoutMs }, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) res.destroy(); // the answer's body is not needed
      });
      const done = () => {
        const code = res.statusCode ?? null;
        resolve(outcome(code, code !== null && code >= 200 && code < 300 ? null : `The receiver answered ${code}`));
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('timeout', () => req.destroy(new Error(`No answer in ${webhookNetwork.timeoutMs / 1000} s`)));
    req.on('error', (err) => resolve(outcome(null, err.message)));
    req.end(post.body);
  });
}
