// A small JSON client for the CRM's HTTP API, used by the demo seed and by tests.
export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, the text otherwise, undefined when empty. */
  body: T;
}

export async function callApi<T = any>(
  apiUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(new URL(path, apiUrl), init);
  const text = await res.text();
  const isJson = /json/.test(res.headers.get('content-type') ?? '');
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : isJson ? JSON.parse(text) : text) as T };
}

/** One line for an unexpected answer: `POST /api/v1/signup answered 501: <detail>`. */
export function describeAnswer(method: string, path: string, answer: ApiAnswer): string {
  const detail =
    typeof answer.body === 'object' && answer.body ? (answer.body.detail ?? answer.body.title ?? JSON.stringify(answer.body)) : answer.body;
  return `${method} ${path} answered ${answer.status}${detail ? `: ${detail}` : ''}`;
}
