import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCentinela } from './core/app.ts';
import { CSP } from './core/csp.ts';
import { defaultDataRoot } from './core/paths.ts';
import type { ScryptParams } from './store/keyring.ts';

/**
 * Browser mode: the same gate over HTTP, for end-to-end tests and machines without the
 * Electron binary. Listens on 127.0.0.1 only, on a random port, and requires the per-launch
 * token on every call. Host and Origin are checked so a web page (DNS rebinding, CSRF)
 * cannot reach it even if it guesses the port.
 */
export { CSP };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.json': 'application/json',
};
const MAX_BODY = 25 * 1024 * 1024;

export interface ServerHandle { url: string; token: string; port: number; close(): Promise<void> }

export async function startServer(opts: { dataRoot: string; port?: number; staticDir?: string; scrypt?: ScryptParams; idleCheckMs?: number }): Promise<ServerHandle> {
  const staticDir = resolve(opts.staticDir ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)));
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`renderer not built: ${staticDir} (run npm run build)`);
  const app = createCentinela({ root: opts.dataRoot, scrypt: opts.scrypt, idleCheckMs: opts.idleCheckMs });
  const token = randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(`Bearer ${token}`);
  let port = 0;

  const hostOk = (h: string | undefined) => h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  const originOk = (o: string | undefined) => o === undefined || o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;

  function send(res: ServerResponse, status: number, body: string | Buffer, type: string) {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
    });
    res.end(body);
  }

  async function api(req: IncomingMessage, res: ServerResponse) {
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== tokenBuf.length || !timingSafeEqual(auth, tokenBuf)) return send(res, 401, '{"error":"token"}', 'application/json');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '{"error":"type"}', 'application/json');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, '{"error":"size"}', 'application/json');
      chunks.push(c as Buffer);
    }
    let body: { name?: unknown; input?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', messageKey: 'validation.invalid', params: {} } }), 'application/json');
    }
    const result = await app.call(String(body.name ?? ''), body.input);
    send(res, 200, JSON.stringify(result), 'application/json');
  }

  function file(req: IncomingMessage, res: ServerResponse) {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const target = normalize(join(staticDir, path === '/' ? 'index.html' : path));
    if (!target.startsWith(staticDir + sep) || !existsSync(target) || !statSync(target).isFile()) return send(res, 404, 'not found', 'text/plain');
    send(res, 200, readFileSync(target), MIME[extname(target)] ?? 'application/octet-stream');
  }

  const server = createServer((req, res) => {
    if (!hostOk(req.headers.host) || !originOk(req.headers.origin as string | undefined)) return send(res, 403, 'forbidden', 'text/plain');
    if (req.method === 'POST' && req.url === '/api/call') {
      api(req, res).catch(() => send(res, 500, '{"error":"internal"}', 'application/json'));
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') return file(req, res);
    send(res, 405, 'method not allowed', 'text/plain');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => new Promise<void>((ok) => { app.close(); server.closeAllConnections(); server.close(() => ok()); }),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataRoot = resolve(arg('--data') ?? defaultDataRoot());
  // Tests may lower the key-derivation cost (never in production: it is the brute-force defence).
  const fast = process.env.CENTINELA_TEST_FAST_KDF === '1' ? { N: 2 ** 12, r: 8, p: 1 } : undefined;
  startServer({ dataRoot, port: arg('--port') ? Number(arg('--port')) : undefined, scrypt: fast }).then((h) => {
    console.log(`Centinela (browser mode) is running. Open this address in a browser:\n${h.url}`);
    console.log(`Workspaces folder: ${dataRoot}`);
    const stop = () => h.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }).catch((e: Error) => {
    console.error(`centinela: ${e.message}`);
    process.exit(1);
  });
}
