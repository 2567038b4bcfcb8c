// The typed client of the HTTP API, for the web app (browser fetch) and the Node tests alike:
// `client.leads.patch({ id }, { price: 150 }, { ifMatch: 3 })`. Its types come from the
// operation table; at run time it reads only endpoints.ts, so a bundle gets no zod.
import type { z } from 'zod';
import type { Problem } from './common.ts';
import { endpoints, type Endpoint, type OperationId } from './endpoints.ts';
export { IP_NOT_ALLOWED } from './problems.ts';

/** The event catalogue's types (webhook subscriptions in the web app). */
export { EVENT_TYPES } from './event-types.ts';
import type { Operations } from './operations.ts';

/** The e-mail as logged in under, for the web's sign-in and sign-up forms. */
export { loginEmail } from './login-email.ts';

/** The embeddable web form and its hosted page (the Forms settings copy the snippet). */
export { formSnippet, hostedFormPage, type SnippetForm, type SnippetWords } from './form-snippet.ts';

// ---- types of one operation's call, from its row in the table

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
/** Path parameters by name: `/leads/{id}/notes/{noteId}` -> `{ id, noteId }`. */
export type PathParams<Path extends string> = { [Name in ParamNames<Path>]: string };

type QueryValue = string | number | boolean;
/** Query values travel as strings: a coerced number or a `true`/`false` flag may be given as such. */
type QueryInput<In> = {
  [K in keyof In]: unknown extends In[K] ? QueryValue : In[K] extends 'true' | 'false' | undefined ? In[K] | boolean : In[K];
};

export type OperationOf<Id extends OperationId> = Operations[Id];
export type BodyOf<Id extends OperationId> = Operations[Id] extends { body: infer S extends z.ZodType } ? z.input<S> : never;
export type QueryOf<Id extends OperationId> = Operations[Id] extends { query: infer S extends z.ZodType } ? QueryInput<z.input<S>> : never;
/** The answer's body: the response schema's output, nothing for a 204, unknown when the table does not say. */
export type ResponseOf<Id extends OperationId> = Operations[Id] extends { response: infer S extends z.ZodType }
  ? z.output<S>
  : Operations[Id] extends { status: 204 }
    ? undefined
    : unknown;

export interface CallOptions {
  /** The version read, sent as `If-Match: "<version>"`: a stale one is a 412 and nothing changes. */
  ifMatch?: number;
  /** A retry with the same key and body gets the first answer (24 h). */
  idempotencyKey?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Has<Id extends OperationId, K extends string> = Operations[Id] extends Record<K, z.ZodType> ? true : false;
/** A body or query that may be all defaults may be left out. */
type Arg<T> = {} extends T ? [T?] : [T];
type OptionsOf<Id extends OperationId> =
  Has<Id, 'body'> extends true ? (Has<Id, 'query'> extends true ? CallOptions & { query?: QueryOf<Id> } : CallOptions) : CallOptions;

/** `(params?, body | query?, options?)`: each only when the operation has it. */
export type ArgsOf<Id extends OperationId> = [
  ...([ParamNames<Operations[Id]['path']>] extends [never] ? [] : [params: PathParams<Operations[Id]['path']>]),
  ...(Has<Id, 'body'> extends true ? Arg<BodyOf<Id>> : Has<Id, 'query'> extends true ? Arg<QueryOf<Id>> : []),
  options?: OptionsOf<Id>,
];

/** A problem+json answer as the API describes it; extra members (e.g. `existingId` on a 409) are kept. */
export type ProblemBody = Problem & Record<string, unknown>;

/** What `createAnswerClient` resolves to: the whole answer, success or problem, never thrown. */
export type Answer<T> =
  { ok: true; status: number; headers: Headers; body: T } | { ok: false; status: number; headers: Headers; problem: ProblemBody };

/** Thrown by `createClient` for any answer that is not a success. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(
    readonly operation: OperationId,
    readonly status: number,
    readonly problem: ProblemBody,
    readonly headers: Headers,
  ) {
    super(`${operation} answered ${status}: ${problem.detail || problem.title}`);
  }
}

// ---- the client as a tree of operations: ids `a.b.c` become `client.a.b.c(...)`

type Head<Ids extends string> = Ids extends `${infer H}.${string}` ? H : Ids;
type Tail<Ids extends string, H extends string> = Ids extends `${H}.${infer Rest}` ? Rest : never;
type Tree<Ids extends string, Prefix extends string, Result extends 'body' | 'answer'> = {
  [H in Head<Ids>]: H extends Ids ? Call<`${Prefix}${H}` & OperationId, Result> : Tree<Tail<Ids, H>, `${Prefix}${H}.`, Result>;
};
type Call<Id extends OperationId, Result> = (
  ...args: ArgsOf<Id>
) => Promise<Result extends 'body' ? ResponseOf<Id> : Answer<ResponseOf<Id>>>;

export type Client = Tree<OperationId, '', 'body'>;
export type AnswerClient = Tree<OperationId, '', 'answer'>;

export interface ClientOptions {
  /** The API's origin (a trailing /api/v1, as config.json's apiUrl may have, is fine); may be read lazily. */
  baseUrl: string | (() => string | Promise<string>);
  /** The caller's token; asked again with `refresh` once after a 401. Without one, no Authorization is sent. */
  getToken?: (options: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;
  /** Told when the API still refuses the token after a refresh (e.g. to sign out). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

// ---- run time

function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

function searchOf(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    // An empty filter is no filter, as a form's cleared field means.
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  // A binary file (an XLSX export, after its redirect to storage) as a Blob: text would mangle it.
  if (type && !/json|^text\//.test(type)) return res.blob();
  const text = await res.text();
  if (text === '') return undefined;
  return /json/.test(type) ? JSON.parse(text) : text;
}

async function readProblem(res: Response): Promise<ProblemBody> {
  const text = await res.text();
  try {
    return JSON.parse(text) as ProblemBody;
  } catch {
    return { type: 'about:blank', title: res.statusText, status: res.status, detail: text.slice(0, 300) };
  }
}

/** Splits a call's arguments by what the operation takes: path params, body or query, options. */
function split(endpoint: Endpoint, args: unknown[]) {
  const rest = [...args];
  const params = endpoint.path.includes('{') ? (rest.shift() as Record<string, string>) : {};
  const input = endpoint.input ? (rest.shift() as Record<string, unknown> | undefined) : undefined;
  const options = (rest.shift() ?? {}) as CallOptions & { query?: Record<string, unknown> };
  if (endpoint.input === 'body') return { params, body: input ?? {}, query: options.query, options };
  return { params, body: undefined, query: input, options };
}

function createCaller(options: ClientOptions) {
  const fetchOf = options.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  return async (id: OperationId, args: unknown[]): Promise<Answer<unknown>> => {
    const endpoint: Endpoint = endpoints[id];
    const { params, body, query, options: call } = split(endpoint, args);
    const base = typeof options.baseUrl === 'string' ? options.baseUrl : await options.baseUrl();
    const url = `${base.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}${fillPath(endpoint.path, params)}${searchOf(query)}`;
    const send = (token: string | null | undefined) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (call.ifMatch !== undefined) headers['if-match'] = `"${call.ifMatch}"`;
      if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
      const init = { method: endpoint.method, headers: { ...headers, ...call.headers }, signal: call.signal };
      return fetchOf(url, body === undefined ? init : { ...init, body: JSON.stringify(body) });
    };
    const needsToken = !endpoint.public && options.getToken;
    let token = needsToken ? await options.getToken!({ refresh: false }) : undefined;
    let res = await send(token);
    if (res.status === 401 && needsToken) {
      token = await options.getToken!({ refresh: true });
      if (token) res = await send(token);
      if (res.status === 401 || !token) options.onUnauthorized?.();
    }
    if (!res.ok) return { ok: false, status: res.status, headers: res.headers, problem: await readProblem(res) };
    return { ok: true, status: res.status, headers: res.headers, body: res.status === 204 ? undefined : await readBody(res) };
  };
}

function buildTree<T>(run: (id: OperationId, args: unknown[]) => Promise<unknown>): T {
  const tree: Record<string, unknown> = {};
  for (const id of Object.keys(endpoints) as OperationId[]) {
    const parts = id.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = (...args: unknown[]) => run(id, args);
  }
  return tree as T;
}

/** A client whose calls resolve to the answer's body and throw `ApiProblem` for a problem. */
export function createClient(options: ClientOptions): Client {
  const call = createCaller(options);
  return buildTree<Client>(async (id, args) => {
    const answer = await call(id, args);
    if (!answer.ok) throw new ApiProblem(id, answer.status, answer.problem, answer.headers);
    return answer.body;
  });
}

/** A client whose calls resolve to the whole answer (status, headers, body or problem) and never throw for a problem. */
export function createAnswerClient(options: ClientOptions): AnswerClient {
  return buildTree<AnswerClient>(createCaller(options));
}
