// Runs a wasm32-wasip1 program in Node's V8 (node:wasi), so a benchmark can
// run the same Rust code natively and as WebAssembly on the same machine.
// Usage: node scripts/wasi-run.mjs program.wasm [args...]
import { readFile } from 'node:fs/promises';
import { argv, env, exit } from 'node:process';
import { WASI } from 'node:wasi';

const [program, ...args] = argv.slice(2);
if (!program) {
  console.error('usage: node scripts/wasi-run.mjs program.wasm [args...]');
  exit(2);
}
const wasi = new WASI({ version: 'preview1', args: [program, ...args], env, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(program));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
