// Serves the built web app (web/dist) with the single-page fallback, and /config.json for it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** What the web app reads from /config.json (in AWS, CDK writes the same file). */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint?: string;
  /** Live updates (the WebSocket API); the app works without it, only not live. */
  wsUrl?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function sendConfig(res: ServerResponse, config: WebConfig): void {
  const body = JSON.stringify(config);
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** A file of the app when it exists, else index.html (client-side routes), else a placeholder. */
export function sendWebApp(req: IncomingMessage, res: ServerResponse, webDir: string, path: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return sendPlaceholder(res);
  let file = index;
  const wanted = normalize(join(webDir, safeDecode(path)));
  if (wanted.startsWith(webDir + sep) && isFile(wanted)) file = wanted;
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function sendPlaceholder(res: ServerResponse): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title></head>
<body style="font-family:system-ui;margin:3rem"><h1>CRM (local)</h1>
<p>The web app is not built yet (no <code>web/dist</code>). The API answers under <a href="/api/v1/health">/api/v1</a>;
see <a href="/config.json">/config.json</a>.</p></body></html>\n`;
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
