// Runs a wasm32-wasip1 program in headless Chromium (Debian's, launched as the
// end-to-end tests launch it), so a benchmark can compare the same Rust code
// natively, in Node's V8 (scripts/wasi-run.mjs) and in the V8 users run the
// engine in, which is newer than Node's. Chromium has no WASI, so the page
// gets a minimal preview1 shim: just the imports our benches need (anything
// else is refused before the program starts). The page comes from a tiny
// server on 127.0.0.1, so it has a real origin and is cross-origin isolated
// (performance.now() is then coarsened to 5 µs, not 100 µs). What the program
// writes to fd 1 and 2 comes out on this script's stdout and stderr, as with
// the Node runner, and the script exits with the program's exit code.
// Usage: node scripts/wasi-chromium.mjs program.wasm [args...]
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { argv, env, exit, stderr, stdout } from 'node:process';
import { launch } from '../tests/e2e/lib.mjs';

const [program, ...args] = argv.slice(2);
if (!program) {
  console.error('usage: node scripts/wasi-chromium.mjs program.wasm [args...]');
  exit(2);
}
const bytes = await readFile(program);

// Loopback only. The headers make the page cross-origin isolated.
const server = http.createServer((request, response) => {
  const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
  if (request.url === '/') {
    response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html><title>wasi</title>');
  } else if (request.url === '/program.wasm') {
    response.writeHead(200, { ...headers, 'content-type': 'application/wasm' }).end(bytes);
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

// Runs in the page: compiles and starts the program, and returns what it
// wrote (in order, as base64 chunks per fd), its exit code, or its error.
async function runInPage({ args, env }) {
  const ESUCCESS = 0, EBADF = 8, EINVAL = 28;
  const module = await WebAssembly.compileStreaming(fetch('/program.wasm'));
  const output = [];
  const exited = { code: 0 };
  let memory;
  const view = () => new DataView(memory.buffer);
  const u8 = () => new Uint8Array(memory.buffer);
  const encoder = new TextEncoder();

  // argv and environ alike: a table of pointers to NUL-terminated strings.
  const strings = (list) => list.map((s) => encoder.encode(s + '\0'));
  const sizesGet = (list) => (countPtr, sizePtr) => {
    const encoded = strings(list);
    view().setUint32(countPtr, encoded.length, true);
    view().setUint32(sizePtr, encoded.reduce((n, s) => n + s.length, 0), true);
    return ESUCCESS;
  };
  const listGet = (list) => (tablePtr, bufPtr) => {
    for (const s of strings(list)) {
      view().setUint32(tablePtr, bufPtr, true);
      u8().set(s, bufPtr);
      tablePtr += 4;
      bufPtr += s.length;
    }
    return ESUCCESS;
  };

  const wasi = {
    args_sizes_get: sizesGet(args),
    args_get: listGet(args),
    environ_sizes_get: sizesGet(env),
    environ_get: listGet(env),
    // 0 = realtime, 1 = monotonic, in nanoseconds; `precision` is a hint.
    clock_time_get(id, precision, timePtr) {
      let ms;
      if (id === 0) ms = performance.timeOrigin + performance.now();
      else if (id === 1) ms = performance.now();
      else return EINVAL;
      view().setBigUint64(timePtr, BigInt(Math.round(ms * 1e6)), true);
      return ESUCCESS;
    },
    fd_write(fd, iovs, iovsLen, writtenPtr) {
      if (fd !== 1 && fd !== 2) return EBADF;
      let written = 0;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = view().getUint32(iovs + 8 * i, true);
        const len = view().getUint32(iovs + 8 * i + 4, true);
        let binary = '';
        for (const byte of u8().subarray(ptr, ptr + len)) binary += String.fromCharCode(byte);
        output.push([fd, btoa(binary)]);
        written += len;
      }
      view().setUint32(writtenPtr, written, true);
      return ESUCCESS;
    },
    random_get(ptr, len) {
      for (let i = 0; i < len; i += 65536) crypto.getRandomValues(u8().subarray(ptr + i, ptr + Math.min(len, i + 65536)));
      return ESUCCESS;
    },
    sched_yield: () => ESUCCESS,
    proc_exit(code) {
      exited.code = code;
      throw exited;
    },
  };

  const missing = WebAssembly.Module.imports(module)
    .filter((i) => i.module !== 'wasi_snapshot_preview1' || !(i.name in wasi))
    .map((i) => `${i.module}.${i.name}`);
  if (missing.length) return { output, error: `the shim lacks imports the program needs: ${missing.join(', ')}` };

  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi });
  memory = instance.exports.memory;
  try {
    instance.exports._start();
  } catch (e) {
    if (e !== exited) return { output, error: String(e?.stack ?? e) };
  }
  return { output, code: exited.code };
}

const browser = await launch();
let result;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  if (!(await page.evaluate(() => crossOriginIsolated))) {
    console.error('wasi-chromium: the page is not cross-origin isolated; performance.now() is coarsened to 100 µs');
  }
  result = await page.evaluate(runInPage, {
    args: [program, ...args],
    env: Object.entries(env).map(([key, value]) => `${key}=${value}`),
  });
} finally {
  await browser.close();
  server.close();
}

for (const [fd, chunk] of result.output) (fd === 1 ? stdout : stderr).write(Buffer.from(chunk, 'base64'));
if (result.error) {
  console.error(`wasi-chromium: ${program} failed in Chromium: ${result.error}`);
  exit(1);
}
exit(result.code);
