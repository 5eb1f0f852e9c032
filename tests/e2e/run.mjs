// Runs the end-to-end suite against the release build in dist/.
//
// It serves dist/ from a tiny static file server on a free loopback port, runs
// `node --test` over tests/e2e/*.test.mjs with the server's address in
// FANOUT_BASE_URL, then stops the server and exits with the test runner's code.
// Extra arguments are passed to `node --test` (e.g. `--test-name-pattern=smoke`).
//
// Our own server rather than `trunk serve`: it starts in milliseconds, never
// rebuilds, and serves exactly the files a deployment would.

import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(e2eDir, '..', '..');
const distDir = path.resolve(process.env.FANOUT_DIST ?? path.join(repoRoot, 'dist'));

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a request path to a file inside dist/, or null when there is none. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(distDir, relative);
  // Refuse anything that escapes dist/ (e.g. /../Cargo.toml).
  if (file !== distDir && !file.startsWith(distDir + path.sep)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

function serve(request, response) {
  const { pathname } = new URL(request.url, 'http://localhost');
  const file = fileFor(pathname);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
  } else if (file === null) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}\n`);
  } else {
    response.writeHead(200, {
      'content-type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  }
}

if (!existsSync(path.join(distDir, 'index.html'))) {
  console.error(`e2e: ${distDir}/index.html is missing; build the app first (make build)`);
  process.exit(2);
}

// FANOUT_E2E_ONLY=time-scale,broker runs only the files whose names contain
// one of those words (handy while working on one feature).
const only = (process.env.FANOUT_E2E_ONLY ?? '').split(',').filter(Boolean);
const testFiles = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort()
  .map((name) => path.join(e2eDir, name));
if (testFiles.length === 0) {
  console.error(`e2e: no *.test.mjs files in ${e2eDir}`);
  process.exit(2);
}

const server = http.createServer(serve);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}/`;
console.log(`e2e: serving ${path.relative(repoRoot, distDir) || '.'} at ${baseUrl}`);

// One file at a time: each launches its own Chromium, and these machines have
// two cores. A hung test fails after the timeout instead of stalling CI.
const runner = spawn(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-timeout=180000', ...process.argv.slice(2), ...testFiles],
  { stdio: 'inherit', env: { ...process.env, FANOUT_BASE_URL: baseUrl } },
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => runner.kill(signal));
}

const exitCode = await new Promise((resolve) => {
  runner.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
server.closeAllConnections();
server.close();
process.exit(exitCode);
