// A tiny static server for the page tests: serves www/ at / and
// tests/page/fixtures/ at /__test__/, optionally with a CSP header (the
// page tests use STRICT_CSP).
// (Humans use `./build.sh serve`, i.e. python3 -m http.server.)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const WWW = resolve(HERE, '../../www');
export const FIXTURES = resolve(HERE, 'fixtures');
/** The CSP of docs/element.md: no inline script or style, wasm allowed. */
export const BASE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
/** The same with Trusted Types required (issue 5); any policy name allowed. */
export const TT_CSP = `${BASE_CSP}; require-trusted-types-for 'script'`;
/** What the page tests serve: Trusted Types with only the element's policy allowed. */
export const STRICT_CSP = `${TT_CSP}; trusted-types factpanel`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Starts a server on a free port; resolves to `{ url, close, requests }`.
 * `cache`: serve with `Cache-Control: max-age` as a site would, instead of
 * `no-store`. `files`: more files, `{ path: [contentType, body] }`. `root`:
 * the folder served at / (default www/).
 */
export function serve({ csp = null, cache = false, files = {}, root: site = WWW } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (Object.hasOwn(files, path)) {
      const [type, body] = files[path];
      const headers = { 'Content-Type': type, 'Cache-Control': cache ? 'public, max-age=3600' : 'no-store' };
      if (csp) headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers).end(body);
      return;
    }
    let root = site;
    let rel = path;
    if (path.startsWith('/__test__/')) {
      root = FIXTURES;
      rel = path.slice('/__test__'.length);
    }
    let file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': cache ? 'public, max-age=3600' : 'no-store',
      };
      if (csp) headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
