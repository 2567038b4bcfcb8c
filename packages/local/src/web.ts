// Serves the built web app (web/dist) with the single-page fallback, and /config.json for it.
// Text files go out as the brotli or gzip copy the build made beside them (web/vite.config.ts),
// whichever the browser takes, as CloudFront compresses them in AWS.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import Negotiator from 'negotiator';

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
  // Vite's hashed file names change with their content: cached for a year; the rest revalidated.
  const immutable = file.includes(`${sep}assets${sep}`);
  const encoding = precompressed(req, file);
  const sent = encoding ? `${file}.${SUFFIX[encoding]}` : file;
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(sent).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(encoding && { 'content-encoding': encoding }),
    ...(hasCopies(file) && { vary: 'Accept-Encoding' }),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(sent).pipe(res);
}

const SUFFIX = { br: 'br', gzip: 'gz' } as const;
type Encoding = keyof typeof SUFFIX;

const hasCopies = (file: string) => Object.values(SUFFIX).some((suffix) => isFile(`${file}.${suffix}`));

/** The compressed copy the request accepts, brotli first; none when it takes neither or the build made none. */
function precompressed(req: IncomingMessage, file: string): Encoding | undefined {
  const available = (Object.keys(SUFFIX) as Encoding[]).filter((e) => isFile(`${file}.${SUFFIX[e]}`));
  if (!available.length) return undefined;
  // Browsers list gzip before br at equal weight; `preferred` (negotiator 1, not in its 0.6 types) breaks the tie for br.
  const negotiator = new Negotiator(req) as Negotiator & {
    encoding(available: string[], options: { preferred: string[] }): string | undefined;
  };
  const chosen = negotiator.encoding([...available, 'identity'], { preferred: ['br', 'gzip'] });
  return available.find((e) => e === chosen);
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
