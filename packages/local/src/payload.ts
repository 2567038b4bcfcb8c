// HTTP API payload format 2.0: the event API Gateway hands a Lambda, the Lambda context, and
// turning the handler's result back into an HTTP answer, as in AWS.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export const LOCAL_AWS_ACCOUNT = '000000000000';
export const LOCAL_API_ID = 'local';

export interface EventInput {
  req: IncomingMessage;
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  pathParameters?: Record<string, string>;
  body: Buffer;
  sourceIp: string;
  requestId: string;
  now?: Date;
}

/** Builds the event exactly as API Gateway HTTP API (payload 2.0) would for this request. */
export function buildEvent(input: EventInput): APIGatewayProxyEventV2 {
  const { req, body, sourceIp } = input;
  const now = input.now ?? new Date();
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    const value = req.rawHeaders[i + 1];
    setOwn(headers, name, Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value);
  }
  const cookies = headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  delete headers.cookie;
  const port = req.socket.localPort ?? 80;
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = String(port);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const domainName = headers.host ?? `localhost:${port}`;
  const hasBody = body.length > 0;
  const binary = hasBody && !isTextContentType(headers['content-type']);
  const method = req.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString,
    cookies: cookies?.length ? cookies : undefined,
    headers,
    queryStringParameters: parseQuery(input.rawQueryString),
    pathParameters: input.pathParameters,
    requestContext: {
      accountId: LOCAL_AWS_ACCOUNT,
      apiId: LOCAL_API_ID,
      domainName,
      domainPrefix: domainName.split('.')[0].split(':')[0],
      http: {
        method,
        path: input.rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    body: hasBody ? body.toString(binary ? 'base64' : 'utf8') : undefined,
    isBase64Encoded: binary,
    stageVariables: undefined,
  };
}

/** API Gateway passes these as text; any other body (forms, files, none stated) arrives base64. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type.endsWith('+xml')
  );
}

/** Repeated parameters are joined with commas, as API Gateway does. */
export function parseQuery(raw: string): Record<string, string> | undefined {
  if (!raw) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    setOwn(out, key, Object.hasOwn(out, key) ? `${out[key]},${value}` : value);
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Lambda hands the handler a JSON-parsed event, where a key like `__proto__` is an own
 * property; a plain assignment would set the prototype instead and hide the key.
 */
export function setOwn(target: Record<string, string>, key: string, value: string) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** API Gateway's request id looks like `JhIrZh8SoAMEM3g=`. */
export const newRequestId = () => randomBytes(10).toString('base64');

export function lambdaContext(resource: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  const functionName = `crm-${resource}`;
  const stream = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomBytes(16).toString('hex')}`;
  const unsupported = () => {
    throw new Error('callback-style Lambda handlers are not used in the CRM');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${LOCAL_AWS_ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: stream,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** Writes a handler's result back; a result without statusCode is a 200 JSON answer, as in AWS. */
export function writeResult(res: ServerResponse, result: unknown, requestId: string): void {
  const structured: APIGatewayProxyStructuredResultV2 =
    result !== null && typeof result === 'object' && 'statusCode' in result
      ? (result as APIGatewayProxyStructuredResultV2)
      : {
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: typeof result === 'string' ? result : JSON.stringify(result ?? null),
        };
  const body =
    structured.body === undefined ? Buffer.alloc(0) : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (body.length > 0) headers['content-type'] ??= 'application/json';
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  headers['apigw-requestid'] = requestId;
  headers['content-length'] = String(body.length);
  res.writeHead(structured.statusCode ?? 200, headers);
  res.end(body);
}

/** `12/Mar/2020:19:03:58 +0000`, API Gateway's requestContext.time. */
function clfTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** An answer the gateway gives itself (no route, wrong method, too large): problem+json. */
export function writeProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, { ...headers, 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
