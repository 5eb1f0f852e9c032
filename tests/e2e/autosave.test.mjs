// Nothing lost: the scenario is autosaved and comes back after a reload; a
// share link never replaces saved work without asking; a damaged or newer
// autosave gives a message and a usable app; blocked storage does not break
// anything; names from a link stay text; and the Content-Security-Policy
// holds without getting in the app's way.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  commit,
  componentIds,
  dragFromPalette,
  launch,
  loadPreset,
  openApp,
  openAppInContext,
  reloadApp,
  select,
  testId,
} from './lib.mjs';

const AUTOSAVE_KEY = 'fanout.autosave.v1';
const UNREADABLE_COPY_KEY = 'fanout.autosave.v1.unreadable';
const HOSTILE = '<img src=x onerror=alert(1)>';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The raw autosave entry (or another key's), or null. */
function stored(page, key = AUTOSAVE_KEY) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

/** Waits until the autosave entry parses and `predicate(scenario)` holds. */
async function waitForAutosave(page, predicate, what) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const text = await stored(page);
    let scenario = null;
    try {
      scenario = JSON.parse(text);
    } catch {}
    if (scenario && predicate({ components: [], ...scenario })) return scenario;
    assert.ok(Date.now() < deadline, `the autosave never showed ${what}; it holds ${text}`);
    await page.waitForTimeout(100);
  }
}

/** Starts some work of the person's own: a queue called `name`, autosaved. */
async function makeOwnWork(page, name) {
  const id = await dragFromPalette(page, 'queue', 300, 200);
  await select(page, id);
  await commit(page, 'field-name', name);
  await waitForAutosave(page, (s) => s.components.some((c) => c.name === name), `a component named ${name}`);
  return id;
}

/** The `#s=…` fragment of a share link to a preset, made in a page of its own. */
async function presetLink(stem) {
  const context = await browser.newContext();
  try {
    const page = await openAppInContext(context, '/');
    await loadPreset(page, stem);
    await page.click(testId('share'));
    return new URL(await page.locator(testId('share-link')).inputValue()).hash;
  } finally {
    await context.close();
  }
}

/** The `#s=…` fragment of a link to a scenario given as a document, via Import and Share. */
async function linkFor(scenario) {
  const context = await browser.newContext();
  try {
    const page = await openAppInContext(context, '/');
    await page.setInputFiles(testId('import'), {
      name: 'scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(scenario)),
    });
    await page.locator('[data-testid^="component-"]').first().waitFor({ timeout: 5_000 });
    await page.click(testId('share'));
    return new URL(await page.locator(testId('share-link')).inputValue()).hash;
  } finally {
    await context.close();
  }
}

/** The name shown on a component's box. */
function nameOn(page, id) {
  return page.locator(`${testId(`component-${id}`)} .name`).textContent();
}

// ---------------------------------------------------------------------------
// Autosave and restore

test('an edit is autosaved and is back after a reload', async (t) => {
  const page = await openApp(browser, '/', { t });
  assert.equal(await stored(page), null, 'opening the app writes nothing');
  const id = await makeOwnWork(page, 'Orders kept');
  await reloadApp(page);
  assert.deepEqual(await componentIds(page), [id]);
  assert.equal(await nameOn(page, id), 'Orders kept');
  assert.equal(await page.locator(testId('error')).count(), 0);
});

test('an edit made just before the page closes is saved on the way out', async (t) => {
  const page = await openApp(browser, '/', { t });
  // The click adds a publisher; the reload follows at once, long before the
  // save delay, so only the pagehide save can keep it.
  await page.evaluate(() => {
    document.querySelector('[data-testid="palette-publisher"]').click();
    window.location.reload();
  });
  await page.waitForSelector(testId('component-publisher-1'), { timeout: 20_000 });
  assert.deepEqual(await componentIds(page), ['publisher-1']);
});

test('reopening the app in a new tab restores the work too', async (t) => {
  const page = await openApp(browser, '/', { t });
  const id = await makeOwnWork(page, 'Second tab');
  const context = page.context();
  await page.close();
  const again = await openAppInContext(context, '/', { t });
  assert.deepEqual(await componentIds(again), [id]);
});

// ---------------------------------------------------------------------------
// Share links with saved work present

test('a share link over saved work asks first; Keep my work keeps it and forgets the link', async (t) => {
  const link = await presetLink('sns-fanout');
  const page = await openApp(browser, '/', { t });
  const id = await makeOwnWork(page, 'My own queue');
  const before = await stored(page);

  const tab = await openAppInContext(page.context(), `/${link}`, { t });
  const dialog = tab.locator(testId('link-choice'));
  await dialog.waitFor({ timeout: 5_000 });
  assert.match(await tab.locator(testId('link-choice-shared')).textContent(), /SNS fan-out|components/);
  assert.match(await tab.locator(testId('link-choice-own')).textContent(), /1 component/);
  assert.deepEqual(await componentIds(tab), [id], 'the own work stays on the canvas while the question is open');

  await tab.click(testId('link-choice-keep'));
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  assert.deepEqual(await componentIds(tab), [id]);
  assert.equal(new URL(tab.url()).hash, '', 'the link is taken out of the address');
  assert.equal(await stored(tab), before, 'the autosave is untouched');

  await reloadApp(tab);
  assert.equal(await tab.locator(testId('link-choice')).count(), 0, 'a reload does not ask again');
  assert.deepEqual(await componentIds(tab), [id]);
});

test('Open the shared scenario shows it; Undo brings the work back; the saved work stays until an edit', async (t) => {
  const link = await presetLink('sns-fanout');
  const page = await openApp(browser, '/', { t });
  const id = await makeOwnWork(page, 'My own queue');
  const before = await stored(page);

  const tab = await openAppInContext(page.context(), `/${link}`, { t });
  await tab.locator(testId('link-choice')).waitFor({ timeout: 5_000 });
  // Escape is "keep my work", so only the button opens the link.
  await tab.click(testId('link-choice-open'));
  await tab.locator(testId('link-choice')).waitFor({ state: 'detached', timeout: 5_000 });
  await tab.waitForSelector(testId('component-orders'), { timeout: 5_000 });
  assert.ok(!(await componentIds(tab)).includes(id));

  await tab.waitForTimeout(800);
  assert.equal(await stored(tab), before, 'looking at the shared scenario does not overwrite the saved work');

  await tab.click(testId('undo'));
  await tab.waitForSelector(testId(`component-${id}`), { timeout: 5_000 });
  assert.equal(await nameOn(tab, id), 'My own queue');
  await tab.click(testId('redo'));
  await tab.waitForSelector(testId('component-orders'), { timeout: 5_000 });

  // The first real change makes the shared scenario the work that is saved.
  await dragFromPalette(tab, 'consumer', 120, 380);
  await waitForAutosave(tab, (s) => s.components.some((c) => c.id === 'orders'), 'the shared scenario after an edit');
});

test('a link pasted into the open app asks too, and opening it is one Undo away', async (t) => {
  const link = await presetLink('sns-fanout');
  const page = await openApp(browser, '/', { t });
  const id = await makeOwnWork(page, 'Work in progress');

  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, link);
  await page.locator(testId('link-choice')).waitFor({ timeout: 5_000 });
  await page.keyboard.press('Escape');
  await page.locator(testId('link-choice')).waitFor({ state: 'detached', timeout: 5_000 });
  assert.deepEqual(await componentIds(page), [id], 'Escape keeps the work');
  assert.equal(new URL(page.url()).hash, '');

  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, link);
  await page.click(testId('link-choice-open'));
  await page.waitForSelector(testId('component-orders'), { timeout: 5_000 });
  await page.click(testId('undo'));
  await page.waitForSelector(testId(`component-${id}`), { timeout: 5_000 });
});

test('a link to the scenario already saved, or over an unchanged preset, opens without asking', async (t) => {
  const link = await presetLink('sns-fanout');
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'direct-coupling');
  await waitForAutosave(page, (s) => s.components.length > 0, 'the preset');

  const tab = await openAppInContext(page.context(), `/${link}`, { t });
  await tab.waitForSelector(testId('component-orders'), { timeout: 5_000 });
  assert.equal(await tab.locator(testId('link-choice')).count(), 0);
});

test('an embedded copy neither asks nor touches the saved work', async (t) => {
  const link = await presetLink('sns-fanout');
  const page = await openApp(browser, '/', { t });
  await makeOwnWork(page, 'Learner work');
  const before = await stored(page);

  const embedded = await openAppInContext(page.context(), `/?embed${link}`, { t });
  await embedded.waitForSelector(testId('component-orders'), { timeout: 5_000 });
  assert.equal(await embedded.locator(testId('link-choice')).count(), 0);
  await embedded.click(testId('play'));
  await embedded.waitForTimeout(800);
  assert.equal(await stored(embedded), before);
});

// ---------------------------------------------------------------------------
// Damaged, newer and unavailable storage

for (const [what, entry, message] of [
  ['a damaged autosave', '{"schema":1,"components":[{"id":', /could not be opened.*not a Fanout scenario/s],
  [
    'an autosave from a newer Fanout',
    JSON.stringify({ schema: 2, title: 'From the future', holograms: [] }),
    /could not be opened.*newer version of Fanout/s,
  ],
]) {
  test(`${what}: a clear message, a usable app, and the entry kept until the next edit`, async (t) => {
    const page = await openApp(browser, '/', { t });
    await page.evaluate(([key, text]) => window.localStorage.setItem(key, text), [AUTOSAVE_KEY, entry]);
    await reloadApp(page);

    const banner = page.locator(testId('error'));
    await banner.waitFor({ timeout: 5_000 });
    assert.match(await banner.textContent(), message);
    assert.deepEqual(await componentIds(page), [], 'the app starts with the empty canvas');
    assert.equal(await stored(page, UNREADABLE_COPY_KEY), entry, 'a copy is kept aside');

    // Reloading again must not lose it either: nothing was changed yet.
    await reloadApp(page);
    await banner.waitFor({ timeout: 5_000 });
    await page.waitForTimeout(700);
    assert.equal(await stored(page), entry, 'the entry is untouched until an edit');

    // The app is usable, and the first edit starts a new autosave.
    await page.click(testId('error-dismiss'));
    const id = await dragFromPalette(page, 'queue', 300, 200);
    await waitForAutosave(page, (s) => s.components.some((c) => c.id === id), 'the new work');
    assert.equal(await stored(page, UNREADABLE_COPY_KEY), entry, 'the copy outlives the overwrite');
  });
}

test('blocked storage: the app works, and the first save says work will not be kept', async (t) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await openAppInContext(context, '/', { t });
  assert.equal(await page.locator(testId('error')).count(), 0, 'nothing to say before there is work');
  const id = await dragFromPalette(page, 'queue', 300, 200);
  const banner = page.locator(testId('error'));
  await banner.waitFor({ timeout: 5_000 });
  assert.match(await banner.textContent(), /does not let Fanout save your work/);
  await page.click(testId('error-dismiss'));
  await dragFromPalette(page, 'consumer', 500, 200);
  await page.waitForTimeout(700);
  assert.equal(await banner.count(), 0, 'the warning comes once');
  assert.equal((await componentIds(page)).length, 2);
  assert.ok((await componentIds(page)).includes(id));
  await reloadApp(page);
  assert.deepEqual(await componentIds(page), [], 'nothing could be kept, and nothing breaks');
});

test('a full storage quota is reported the same way', async (t) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await openAppInContext(context, '/', { t });
  await dragFromPalette(page, 'queue', 300, 200);
  await page.locator(testId('error')).waitFor({ timeout: 5_000 });
  assert.match(await page.locator(testId('error')).textContent(), /storage is blocked or full/);
});

// ---------------------------------------------------------------------------
// Names from a link are text

test('a name or title made of HTML shows as text, in the canvas and in the link question', async (t) => {
  const link = await linkFor({
    schema: 1,
    title: HOSTILE,
    components: [{ id: 'evil', name: HOSTILE, x: 300, y: 200, spec: { queue: {} } }],
  });
  const page = await openApp(browser, `/${link}`, { t });
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.waitForSelector(testId('component-evil'), { timeout: 5_000 });
  // The box shortens long names with an ellipsis; what it shows is the text.
  assert.ok(HOSTILE.startsWith((await nameOn(page, 'evil')).replace(/…$/, '')), await nameOn(page, 'evil'));
  assert.equal(await page.locator('.scenario-title').textContent(), HOSTILE);
  await select(page, 'evil');
  assert.equal(await page.locator(testId('field-name')).inputValue(), HOSTILE);

  // The same link over saved work: the question quotes the title, as text.
  const other = await openApp(browser, '/', { t });
  other.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await makeOwnWork(other, 'Mine');
  const tab = await openAppInContext(other.context(), `/${link}`, { t });
  tab.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await tab.locator(testId('link-choice')).waitFor({ timeout: 5_000 });
  assert.match(await tab.locator(testId('link-choice-shared')).textContent(), /<img src=x onerror=alert\(1\)>/);

  await page.waitForTimeout(500);
  for (const p of [page, tab]) {
    assert.equal(await p.locator('img').count(), 0, 'no element was made from the name');
  }
  assert.deepEqual(dialogs, [], 'no script ran');
});

// ---------------------------------------------------------------------------
// Content-Security-Policy

/** Records every CSP violation on the context's pages in `window.cspViolations`. */
async function recordViolations(context) {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
}

test('the app runs under its Content-Security-Policy without a single violation', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordViolations(context);
  const page = await openAppInContext(context, '/', { t });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(policy, /inline-script-hashes/);

  // A tour of what people do: a preset, play, a live fault, share, export,
  // the link question, the scenario menu.
  await loadPreset(page, 'direct-coupling');
  await page.click(testId('play'));
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="metric-published"]')?.dataset.value) > 0,
    null,
    { timeout: 10_000 },
  );
  await select(page, 'shipping');
  await page.click(testId('kill'));
  await page.click(testId('pause'));
  await page.click(testId('share'));
  await Promise.all([page.waitForEvent('download'), page.click(testId('export'))]);
  const link = new URL(await page.locator(testId('share-link')).inputValue()).hash;
  await dragFromPalette(page, 'queue', 600, 380);
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, link);
  await page.locator(testId('link-choice')).waitFor({ timeout: 5_000 });
  await page.click(testId('link-choice-open'));
  await reloadApp(page);

  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
});

test('the policy is enforced: an injected inline script does not run', async (t) => {
  const context = await browser.newContext();
  await recordViolations(context);
  const page = await openAppInContext(context, '/', { t, allowErrors: [/Content Security Policy/] });
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.body.append(script);
  });
  await page.waitForFunction(() => window.cspViolations.length > 0, null, { timeout: 5_000 });
  assert.equal(await page.evaluate(() => window.inlineScriptRan), undefined);
  assert.match((await page.evaluate(() => window.cspViolations))[0], /script-src/);
});
