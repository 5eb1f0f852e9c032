// Determinism across the browser and the CLI: the same scenario, stepped to
// the same sim time in the app, gives the same trace hash as `fanout run`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launch, openApp, simTimeMs, testId } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// `make test` builds the CLI (debug) before the e2e suite runs.
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const cli = path.join(targetDir, 'debug', 'fanout');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const stem of ['sns-sqs-per-service', 'poison-dlq']) {
  test(`the browser and the CLI agree on the trace of ${stem}`, async (t) => {
    if (!existsSync(cli)) execFileSync('cargo', ['build', '-q', '-p', 'fanout-cli'], { cwd: root });
    const page = await openApp(browser, '/', { t });
    await page.click(testId('scenarios'));
    await page.click(testId(`preset-${stem}`));
    await page.locator('[data-testid^="component-"]').first().waitFor();
    // Step event by event: sim time lands exactly on event times, so the
    // CLI can stop at the same instant.
    for (let i = 0; i < 60; i += 1) await page.click(testId('step'));
    const ms = await simTimeMs(page);
    assert.ok(ms > 0);
    const browserHash = await page.locator(testId('metric-trace-hash')).getAttribute('data-value');
    const report = JSON.parse(
      execFileSync(cli, ['run', path.join(root, 'scenarios', `${stem}.json`), '--until', `${ms}ms`, '--json'], {
        encoding: 'utf8',
      }),
    );
    assert.equal(browserHash, report.trace_hash, `at ${ms} ms`);
  });
}
