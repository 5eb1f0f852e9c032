// Shared helpers for Fanout's end-to-end tests: they drive the real release
// build in Debian's Chromium the way a person would, through the data-testid
// hooks listed in DESIGN.md. tests/e2e/run.mjs serves dist/ and sets
// FANOUT_BASE_URL before running the *.test.mjs files.
//
// Typical use:
//
//   let browser;
//   before(async () => { browser = await launch(); });
//   after(() => browser?.close());
//   test('…', async (t) => {
//     const page = await openApp(browser, '/', { t });
//     const queue = await dragFromPalette(page, 'queue', 300, 200);
//     …
//   });

import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/** Where run.mjs serves dist/, e.g. "http://127.0.0.1:40123/". */
export const BASE_URL = process.env.FANOUT_BASE_URL ?? '';

/** Where Debian's chromium package puts the browser; never a downloaded one. */
export const CHROMIUM_PATH = process.env.FANOUT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium. The flags keep it off the network (these machines
 * refuse every outside connection, and Chromium would retry them) and make it
 * run as root in a container.
 */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens the app in a fresh browser context (its own storage, so autosaves do
 * not leak between tests) and waits until `[data-testid=app]` is shown.
 *
 * Every page error and console error is collected in `page.appErrors`. They
 * fail the test: at once if any happened while loading, and when the test ends
 * if `t` (the node:test context) is given, which also closes the context.
 * Errors a test expects can be let through with `allowErrors` (regexes).
 *
 * The browser's language is `en-US` unless `locale` says otherwise (the app
 * starts in the browser's language, and most tests read English texts).
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} pathAndHash e.g. "/", "/?embed", "/#s=1.abc"
 * @param {{ t?: import('node:test').TestContext, allowErrors?: RegExp[],
 *           viewport?: { width: number, height: number }, locale?: string,
 *           gallery?: boolean }} [options]
 * @returns {Promise<import('playwright-core').Page & { appErrors: string[] }>}
 */
export async function openApp(browser, pathAndHash = '/', options = {}) {
  const { viewport = { width: 1280, height: 800 }, locale = 'en-US' } = options;
  const context = await browser.newContext({ viewport, locale });
  return openAppInContext(context, pathAndHash, options);
}

/**
 * Like `openApp`, in a new page of an existing browser context: it shares
 * that context's storage, as a second tab (or a reopened one) would. Use it
 * to open the app again over what an earlier page autosaved, or in a context
 * prepared with `context.addInitScript`. With `t`, the context is closed when
 * the test ends.
 *
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} pathAndHash
 * @param {{ t?: import('node:test').TestContext, allowErrors?: RegExp[] }} [options]
 */
export async function openAppInContext(context, pathAndHash = '/', options = {}) {
  const { t, allowErrors = [], gallery = false } = options;
  // An empty canvas at start lands on the scenario gallery; most tests start
  // from the empty canvas itself, so they switch the landing off (as a person
  // can in the gallery). `gallery: true` keeps it.
  if (!gallery) {
    await context.addInitScript(() => {
      // Tests of blocked or full storage make these calls throw; the app
      // must cope with that, and so must this helper.
      try {
        if (localStorage.getItem('fanout.gallery.at_start') === null) {
          localStorage.setItem('fanout.gallery.at_start', 'off');
        }
      } catch {
        // No storage: the gallery cannot be switched off this way.
      }
    });
  }
  assert.ok(BASE_URL, 'FANOUT_BASE_URL is not set; run the suite through tests/e2e/run.mjs (make e2e)');

  const page = await context.newPage();
  const appErrors = [];
  const allowed = (text) => allowErrors.some((pattern) => pattern.test(text));
  page.on('pageerror', (error) => {
    const text = `page error: ${error.message}`;
    if (!allowed(text)) appErrors.push(text);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `console error: ${message.text()}`;
    if (!allowed(text)) appErrors.push(text);
  });
  page.appErrors = appErrors;

  if (t) t.after(() => closeApp(page));

  await page.goto(new URL(pathAndHash, BASE_URL).href);
  try {
    await page.waitForSelector('[data-testid=app]', { timeout: 20_000 });
  } catch (error) {
    throw new Error(
      `the app did not appear at ${pathAndHash}: ${error.message}` +
        (appErrors.length ? `\nerrors on the page:\n  ${appErrors.join('\n  ')}` : ''),
    );
  }
  assertNoAppErrors(page);
  // Without storage the landing gallery could not be switched off above:
  // close it as a person would, so the test starts on the canvas.
  if (!gallery && (await page.locator('[data-testid=gallery-panel]').count()) > 0) {
    await page.click('[data-testid=gallery-close]');
    await page.locator('[data-testid=gallery-panel]').waitFor({ state: 'detached', timeout: 5_000 });
  }
  return page;
}

/** Reloads the page, as a person pressing F5 would, and waits for the app. */
export async function reloadApp(page) {
  await page.reload();
  await page.waitForSelector('[data-testid=app]', { timeout: 20_000 });
}

/** Fails with every page or console error collected so far on `page`. */
export function assertNoAppErrors(page) {
  assert.deepEqual(page.appErrors, [], `errors on the page:\n  ${page.appErrors.join('\n  ')}`);
}

/** Checks that nothing went wrong on the page, then closes its context. */
export async function closeApp(page) {
  try {
    assertNoAppErrors(page);
  } finally {
    await page.context().close();
  }
}

/** A CSS selector for the element with `data-testid` equal to `id`. */
export function testId(id) {
  return `[data-testid="${id}"]`;
}

/** The centre of the element matched by `selector`, in page coordinates. */
async function centreOf(page, selector) {
  const locator = page.locator(selector);
  await locator.waitFor({ state: 'visible', timeout: 5_000 });
  const box = await locator.boundingBox();
  assert.ok(box, `${selector} has no bounding box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses the mouse at `from`, moves in small steps to `to`, releases. */
async function pointerDrag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** The ids of every component on the canvas (from `component-<id>`). */
export async function componentIds(page) {
  const names = await page
    .locator('[data-testid^="component-"]')
    .evaluateAll((elements) => elements.map((element) => element.dataset.testid));
  return names.map((name) => name.slice('component-'.length));
}

/**
 * Drags `[data-testid=palette-<kind>]` onto the canvas and drops it at (x, y),
 * measured from the canvas's top-left corner, with real pointer events.
 * Returns the id of the component that appeared.
 */
export async function dragFromPalette(page, kind, x, y) {
  const before = new Set(await componentIds(page));
  const from = await centreOf(page, testId(`palette-${kind}`));
  const canvas = await page.locator(testId('canvas')).boundingBox();
  assert.ok(canvas, '[data-testid=canvas] has no bounding box');
  await pointerDrag(page, from, { x: canvas.x + x, y: canvas.y + y });

  const deadline = Date.now() + 5_000;
  for (;;) {
    const added = (await componentIds(page)).filter((id) => !before.has(id));
    if (added.length === 1) return added[0];
    assert.ok(added.length < 2, `one drop added several components: ${added.join(', ')}`);
    assert.ok(Date.now() < deadline, `dropping palette-${kind} at (${x}, ${y}) added no component`);
    await page.waitForTimeout(50);
  }
}

/**
 * Drags a wire from `[data-testid=port-out-<fromId>]` to
 * `[data-testid=port-in-<toId>]`. Whether the app accepted it shows in
 * `[data-testid=wire-<fromId>-<toId>]`; refusals are for the test to check.
 */
export async function dragWire(page, fromId, toId) {
  const from = await centreOf(page, testId(`port-out-${fromId}`));
  const to = await centreOf(page, testId(`port-in-${toId}`));
  await pointerDrag(page, from, to);
}

/** The number in `data-value` of the element with `data-testid` equal to `id`. */
async function numberAt(page, id) {
  const value = await page.locator(testId(id)).getAttribute('data-value', { timeout: 5_000 });
  const number = Number(value);
  assert.ok(value !== null && value !== '' && Number.isFinite(number), `${id} has data-value ${JSON.stringify(value)}, not a number`);
  return number;
}

/** A metric, e.g. `metric(page, 'lost')` or `metric(page, 'delivered-c1')`. */
export function metric(page, name) {
  return numberAt(page, `metric-${name}`);
}

/** The simulation clock shown by the transport bar, in milliseconds. */
export function simTimeMs(page) {
  return numberAt(page, 'sim-time');
}

/**
 * Waits until `predicate(value)` holds for a metric and returns that value;
 * fails with the last value seen after `timeoutMs`.
 */
export async function waitForMetric(page, name, predicate, { timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await metric(page, name);
    if (predicate(value)) return value;
    assert.ok(Date.now() < deadline, `metric-${name} stayed at ${value} for ${timeoutMs} ms (${predicate})`);
    await page.waitForTimeout(100);
  }
}

/** Picks `preset-<stem>` from the Scenarios menu and waits for its components. */
export async function loadPreset(page, stem) {
  await page.click(testId('scenarios'));
  await page.click(testId(`preset-${stem}`));
  await page.locator('[data-testid^="component-"]').first().waitFor({ timeout: 5_000 });
}

/** Sets the logarithmic speed slider to `speed`× as dragging it would. */
export async function setSpeed(page, speed) {
  await page.locator(testId('speed')).evaluate((input, value) => {
    input.value = String(Math.log10(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, speed);
  assert.equal(Number(await page.locator(testId('speed')).getAttribute('data-value')), speed);
}

/** Selects a component by clicking its box and waits for its inspector. */
export async function select(page, id) {
  await page.locator(testId(`component-${id}`)).click();
  await page.locator(testId('field-name')).waitFor();
}

/** Types into an inspector field and commits it with Enter. */
export async function commit(page, field, text) {
  await page.fill(testId(field), text);
  await page.press(testId(field), 'Enter');
}
