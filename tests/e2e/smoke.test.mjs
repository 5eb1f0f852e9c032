// The release build loads in a real browser: the page, its wasm and its CSS are
// served, the app mounts, and nothing is logged as an error on the way.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, openApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the app loads without console errors and shows itself', async (t) => {
  const page = await openApp(browser, '/', { t });
  assert.equal(await page.title(), 'Fanout');
  assert.equal(await page.locator(testId('app')).count(), 1);
  assert.ok(await page.locator(testId('app')).isVisible());
});

test('the build is served with the MIME types browsers insist on', async () => {
  const html = await (await fetch(BASE_URL)).text();
  // Every root-relative asset path in the page, quoted or not (release HTML is minified).
  const assets = [...new Map([...html.matchAll(/\/([\w.-]+\.(wasm|js|css))\b/g)].map((m) => [m[1], m])).values()];
  const expected = { wasm: 'application/wasm', js: 'text/javascript', css: 'text/css' };
  for (const kind of Object.keys(expected)) {
    assert.ok(assets.some(([, , ext]) => ext === kind), `index.html references no .${kind} file`);
  }
  for (const [, file, ext] of assets) {
    const response = await fetch(new URL(file, BASE_URL));
    assert.equal(response.status, 200, `${file} is not served`);
    assert.ok(response.headers.get('content-type').startsWith(expected[ext]), `${file} has type ${response.headers.get('content-type')}`);
  }
});
