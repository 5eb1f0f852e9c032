// Embed mode: Fanout inside a slide deck. A test page (a "deck" on another
// origin) holds the app in an 800 × 450 iframe, drives it with postMessage
// and reads back the events it sends, as docs/embed.md documents: only the
// stage and transport show, the diagram fits the frame and stays legible,
// garbage messages change nothing, a hidden page pauses, the parameters
// apply, `loop` goes round, the header's Embed button makes a working
// <iframe>, and the demo page drives two embeds.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, loadPreset, openApp, testId } from './lib.mjs';

// The deck is served by this test on another port, so it is another origin
// than the app, as a real deck is. (A deck page faked with page.route counts
// as a public site, which Chromium does not let frame a local server.)
let deckServer;
let deckUrl;
/** The deck's HTML, by path; the server answers each path once it is set. */
const deckPages = new Map();
const scenarioFile = (stem) => JSON.parse(readFileSync(new URL(`../../scenarios/${stem}.json`, import.meta.url), 'utf8'));

let browser;
before(async () => {
  browser = await launch();
  deckServer = http.createServer((request, response) => {
    const body = deckPages.get(new URL(request.url, 'http://deck').pathname);
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise((resolve) => deckServer.listen(0, '127.0.0.1', resolve));
  deckUrl = `http://127.0.0.1:${deckServer.address().port}`;
});
after(async () => {
  await browser?.close();
  deckServer?.closeAllConnections();
  deckServer?.close();
});

/**
 * Opens a deck page (served by the test, on its own origin) with the app at
 * `embedPath` in an iframe of `width` × `height`. The deck keeps every
 * message the embed sends in `window.fanoutEvents` and offers
 * `window.send(message)`. Page errors, console errors and dialogs (in the
 * deck or the embed) fail the test when it ends.
 */
async function openDeck(t, embedPath, { width = 800, height = 450, extraHtml = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: width + 40, height: height + 40 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  t.after(async () => {
    try {
      assert.deepEqual(problems, [], `problems on the page:\n  ${problems.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
  const src = new URL(embedPath, BASE_URL).href;
  const path = `/deck-${deckPages.size}.html`;
  deckPages.set(
    path,
    `<!doctype html><link rel="icon" href="data:,"><body style="margin:0">
        <iframe id="embed" src="${src}" width="${width}" height="${height}" style="border:0; display:block"></iframe>
        ${extraHtml}
        <script>
          window.fanoutEvents = [];
          const embed = document.getElementById('embed');
          addEventListener('message', (e) => { if (e.source === embed.contentWindow) fanoutEvents.push(e.data); });
          window.send = (message) => embed.contentWindow.postMessage(message, '*');
        </script></body>`,
  );
  await page.goto(deckUrl + path);
  await waitForEvent(page, (e) => e.event === 'ready', 'ready', { timeoutMs: 20_000 });
  const frame = await (await page.$('#embed')).contentFrame();
  return { page, frame, problems };
}

/** Every event the embed sent so far. */
function events(page) {
  return page.evaluate(() => window.fanoutEvents);
}

/** Waits for an event matching `predicate` (after the first `from` events) and returns it. */
async function waitForEvent(page, predicate, what, { from = 0, timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = (await events(page)).slice(from);
    const found = seen.find(predicate);
    if (found) return found;
    assert.ok(Date.now() < deadline, `no ${what} event within ${timeoutMs} ms; got ${JSON.stringify(seen)}`);
    await page.waitForTimeout(50);
  }
}

function send(page, message) {
  return page.evaluate((m) => window.send(m), message);
}

function command(page, name, extra = {}) {
  return send(page, { type: 'fanout', command: name, ...extra });
}

async function simTime(frame) {
  return Number(await frame.locator(testId('sim-time')).getAttribute('data-value'));
}

async function playing(frame) {
  return frame.locator(testId('pause')).isEnabled();
}

async function waitUntil(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    assert.ok(Date.now() < deadline, `${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function lessonStep(frame) {
  return Number(await frame.locator(testId('lesson-step')).getAttribute('data-value'));
}

/**
 * Where every visible component's box is on the frame, and how large the
 * smallest text on a box is on screen (font size × the SVG's scale).
 */
function layout(frame) {
  return frame.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid^="component-"]')].map((element) => {
      const r = element.querySelector('.box').getBoundingClientRect();
      return { id: element.dataset.testid, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const stage = document.querySelector('.stage').getBoundingClientRect();
    const svg = document.querySelector('[data-testid=canvas]');
    const scale = svg.getScreenCTM().a;
    const sizes = [...document.querySelectorAll('.component .name, .component .status')].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
    );
    return {
      boxes,
      stage: { left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom },
      scale,
      smallestText: Math.min(...sizes),
      frame: { width: innerWidth, height: innerHeight },
    };
  });
}

test('an embed shows only the stage and the transport, with every preset fitted to an 800 × 450 slide', async (t) => {
  const { page, frame } = await openDeck(t, '/?embed&preset=zone-outage');
  for (const selector of ['.palette', '.inspector', '.app-header', '.fault-strip', '.panels', testId('share'), testId('palette-queue')]) {
    assert.equal(await frame.locator(selector).count(), 0, `${selector} is not shown in embed mode`);
  }
  for (const id of ['canvas', 'play', 'pause', 'step', 'reset', 'speed', 'sim-time', 'lesson-caption']) {
    assert.ok(await frame.locator(testId(id)).isVisible(), `${id} is shown`);
  }

  const stems = ['zone-outage', 'direct-coupling', 'sns-sqs-per-service', 'pod-failover', 'etcd-quorum', 'readiness-probe', 'bin-packing', 'sns-filter-policies', 'poison-dlq'];
  const smallest = [];
  for (const stem of stems) {
    const from = (await events(page)).length;
    if (stem !== 'zone-outage') await command(page, 'load', { preset: stem });
    // Leave the lesson so every component shows, then play a little.
    const scenario = scenarioFile(stem);
    await waitUntil(
      async () => (await frame.locator(testId('lesson-caption')).textContent()).trim() === scenario.lesson[0].caption.en,
      `${stem}'s lesson at step 1`,
    );
    await frame.locator(testId('lesson-end')).click();
    await waitUntil(
      async () => (await frame.locator('[data-testid^="component-"]').count()) === scenario.components.length,
      `${stem}: every component shown`,
    );
    await command(page, 'play');
    await page.waitForTimeout(400);
    await command(page, 'pause');
    const view = await layout(frame);
    assert.equal(view.boxes.length, scenarioFile(stem).components.length, `${stem}: every component is drawn`);
    for (const box of view.boxes) {
      const inside =
        box.left >= view.stage.left - 0.5 && box.right <= view.stage.right + 0.5 &&
        box.top >= view.stage.top - 0.5 && box.bottom <= view.stage.bottom + 0.5;
      assert.ok(inside, `${stem}: ${box.id} ${JSON.stringify(box)} lies inside the stage ${JSON.stringify(view.stage)}`);
    }
    assert.ok(view.smallestText >= 8.5, `${stem}: the smallest text on a box is ${view.smallestText.toFixed(1)} px`);
    smallest.push(`${stem} ${view.smallestText.toFixed(1)} px (scale ${view.scale.toFixed(2)})`);
    assert.equal(
      (await events(page)).slice(from).filter((e) => e.event === 'error').length, 0, `${stem} loaded without an error`,
    );
  }
  t.diagnostic(`smallest box text at 800 × 450: ${smallest.join(', ')}`);
});

test('message dots ride on their wires when the diagram is scaled', async (t) => {
  // A frame of another shape: the diagram is scaled and centred.
  const { page, frame } = await openDeck(t, '/?embed&preset=sns-sqs-per-service&speed=2', { width: 640, height: 480 });
  await frame.locator(testId('lesson-end')).click();
  await command(page, 'play');
  // Looks at the overlay on every frame for a few seconds of play.
  const result = await frame.evaluate(async () => {
    const canvas = document.querySelector('.message-overlay');
    const origin = canvas.getBoundingClientRect();
    const ratio = canvas.width / origin.width;
    // Points along every wire, in the overlay's CSS px.
    const points = [];
    for (const path of document.querySelectorAll('.wire-line')) {
      const matrix = path.getScreenCTM();
      const length = path.getTotalLength();
      for (let i = 0; i <= 200; i++) {
        const p = path.getPointAtLength((length * i) / 200).matrixTransform(matrix);
        points.push([p.x - origin.left, p.y - origin.top]);
      }
    }
    let painted = 0;
    let worst = 0;
    const started = performance.now();
    while (painted < 200 && performance.now() - started < 4000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let y = 0; y < canvas.height; y += 1) {
        for (let x = 0; x < canvas.width; x += 1) {
          if (pixels[(y * canvas.width + x) * 4 + 3] < 128) continue;
          painted += 1;
          const [cx, cy] = [x / ratio, y / ratio];
          let nearest = Infinity;
          for (const [px, py] of points) nearest = Math.min(nearest, Math.hypot(px - cx, py - cy));
          worst = Math.max(worst, nearest);
        }
      }
    }
    return { painted, worst, scale: document.querySelector('[data-testid=canvas]').getScreenCTM().a };
  });
  assert.ok(result.painted > 20, `some dots were drawn (${result.painted} pixels)`);
  assert.notEqual(result.scale.toFixed(2), '1.00', 'the diagram is scaled in this frame');
  // A dot is 4.5 px (plus its rim) around a point on its wire, scaled.
  assert.ok(result.worst <= 7 * result.scale + 1, `every dot pixel is within a dot's radius of a wire (worst ${result.worst.toFixed(1)} px)`);
});

test('a deck drives the embed with postMessage and hears ready, step-changed, fault and finished', async (t) => {
  const { page, frame } = await openDeck(t, '/?embed&preset=direct-coupling');
  const ready = (await events(page))[0];
  assert.equal(ready.event, 'ready', 'ready comes first');
  assert.equal(ready.type, 'fanout');
  assert.equal(ready.version, 1);
  assert.equal(ready.title, scenarioFile('direct-coupling').title);
  assert.deepEqual([ready.step, ready.count, ready.playing], [1, 4, false]);
  assert.equal(await lessonStep(frame), 1);
  assert.equal(await simTime(frame), 0, 'without autoplay the slide waits');

  await command(page, 'play');
  await waitUntil(async () => (await simTime(frame)) > 500, 'the run to advance after play');
  await command(page, 'pause');
  await waitUntil(async () => !(await playing(frame)), 'pause');
  const paused = await simTime(frame);
  await page.waitForTimeout(400);
  assert.equal(await simTime(frame), paused, 'paused: the clock stands still');

  let from = (await events(page)).length;
  await command(page, 'step');
  assert.deepEqual(await waitForEvent(page, (e) => e.event === 'step-changed', 'step-changed', { from }), {
    type: 'fanout', event: 'step-changed', step: 2, count: 4,
  });
  assert.equal(await lessonStep(frame), 2);

  from = (await events(page)).length;
  await command(page, 'goto', { step: 3 });
  const changed = await waitForEvent(page, (e) => e.event === 'step-changed', 'step-changed', { from });
  assert.equal(changed.step, 3);
  const fault = await waitForEvent(page, (e) => e.event === 'fault', 'fault', { from });
  assert.equal(fault.scripted, false, 'a lesson step applies its fault live');
  assert.match(fault.words, /Shipping/i);
  assert.equal(await lessonStep(frame), 3);

  from = (await events(page)).length;
  await command(page, 'step', { back: true });
  assert.equal((await waitForEvent(page, (e) => e.event === 'step-changed', 'step-changed', { from })).step, 2);

  // The last step plays to its end: the lesson is finished.
  from = (await events(page)).length;
  await frame.locator(testId('speed')).evaluate((input) => {
    input.value = '2';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await command(page, 'goto', { step: 4 });
  const finished = await waitForEvent(page, (e) => e.event === 'finished', 'finished', { from, timeoutMs: 20_000 });
  assert.equal(finished.what, 'lesson');
  assert.equal(finished.at_ms, 35_000);

  from = (await events(page)).length;
  await command(page, 'reset');
  await waitUntil(async () => (await simTime(frame)) === 0, 'reset to time 0');
  assert.equal((await waitForEvent(page, (e) => e.event === 'step-changed', 'step-changed', { from })).step, 1);
});

test('only well-formed Fanout messages from the parent window are acted on', async (t) => {
  // A sibling frame of the deck tries to drive the embed too.
  const sibling = `<iframe id="sibling" srcdoc="<script>parent.document.getElementById('embed').contentWindow.postMessage({type:'fanout',command:'play'},'*')</script>"></iframe>`;
  const { page, frame } = await openDeck(t, '/?embed&preset=direct-coupling');
  const components = await frame.locator('[data-testid^="component-"]').count();
  const huge = 'x'.repeat(3 * 1024 * 1024);
  const garbage = [
    'play', null, 42, [], [{ type: 'fanout', command: 'play' }], {}, { command: 'play' },
    { type: 'reveal', command: 'play' }, { type: 'FANOUT', command: 'play' }, { type: 'fanout' },
    { type: 'fanout', command: 'explode' }, { type: 'fanout', command: 'play'.repeat(100) },
    { type: 'fanout', command: 42 }, { type: 'fanout', command: 'goto' }, { type: 'fanout', command: 'goto', step: 'three' },
    { type: 'fanout', command: 'goto', step: 0 }, { type: 'fanout', command: 'goto', step: 99 }, { type: 'fanout', command: 'goto', step: 1.5 },
    { type: 'fanout', command: 'load' }, { type: 'fanout', command: 'load', preset: '../../etc/passwd' },
    { type: 'fanout', command: 'load', preset: 'no-such-preset' },
    { type: 'fanout', command: 'load', scenario: '#s=1.AAAA' }, { type: 'fanout', command: 'load', scenario: huge },
    { type: 'fanout', command: 'load', scenario: { schema: 99, components: [] } },
    { type: 'fanout', command: 'load', scenario: '{"components": [{"id": "<img src=x onerror=alert(1)>"}]}' },
    { type: 'fanout', command: 'load', scenario: 12 },
  ];
  const from = (await events(page)).length;
  for (const message of garbage) await send(page, message);
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), sibling);
  await page.waitForTimeout(800);
  assert.equal(await playing(frame), false, 'nothing played');
  assert.equal(await simTime(frame), 0, 'nothing ran');
  assert.equal(await frame.locator('[data-testid^="component-"]').count(), components, 'the scenario is the same');
  assert.equal(await frame.locator(testId('error')).count(), 0, 'no error banner in the slide');
  const answers = (await events(page)).slice(from);
  assert.ok(answers.every((e) => e.event === 'error'), `only errors came back: ${JSON.stringify(answers)}`);
  assert.ok(answers.length >= 4, 'each refused scenario is answered with an error event');
  // The bridge still works.
  await command(page, 'play');
  await waitUntil(() => playing(frame), 'play after the garbage');
});

test('hiding the page pauses the run, and showing it resumes without catching up', async (t) => {
  const { page, frame } = await openDeck(t, '/?embed&preset=sns-fanout&autoplay');
  await waitUntil(async () => (await simTime(frame)) > 300, 'autoplay');
  const setVisibility = (state) =>
    frame.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await waitUntil(async () => !(await playing(frame)), 'the pause when hidden');
  const hiddenAt = await simTime(frame);
  await page.waitForTimeout(1500);
  assert.equal(await simTime(frame), hiddenAt, 'no time passes while hidden');
  await setVisibility('visible');
  await waitUntil(() => playing(frame), 'playing again when shown');
  await page.waitForTimeout(200);
  const advanced = (await simTime(frame)) - hiddenAt;
  const scale = Number(await frame.locator(testId('speed')).getAttribute('data-value')) * (scenarioFile('sns-fanout').time_scale ?? 1);
  assert.ok(advanced < 1000 * scale, `no burst: ${advanced} ms of sim time in the first 200 ms back (the 1.5 s away is not caught up)`);
  // A deck's pause is not undone by the page coming back.
  await command(page, 'pause');
  await setVisibility('hidden');
  await setVisibility('visible');
  await page.waitForTimeout(300);
  assert.equal(await playing(frame), false, 'paused by the deck, it stays paused');
});

test('parameters: autoplay, speed (clamped), step, theme=dark and lang=ko', async (t) => {
  const { page, frame } = await openDeck(t, '/?embed&preset=direct-coupling&autoplay&speed=1000&step=3&theme=dark&lang=ko');
  const ready = (await events(page))[0];
  assert.deepEqual([ready.step, ready.count, ready.playing], [3, 4, true]);
  assert.equal(Number(await frame.locator(testId('speed')).getAttribute('data-value')), 100, 'speed clamped to 100×');
  assert.equal(await lessonStep(frame), 3);
  const korean = scenarioFile('direct-coupling').lesson[2].caption.ko;
  assert.equal((await frame.locator(testId('lesson-caption')).textContent()).trim(), korean);
  const page_ = await frame.evaluate(() => ({
    classes: document.documentElement.className,
    lang: document.documentElement.lang,
    canvas: getComputedStyle(document.querySelector('.canvas')).backgroundColor,
    box: getComputedStyle(document.querySelector('.component .box')).fill,
    name: getComputedStyle(document.querySelector('.component .name')).fill,
    transport: getComputedStyle(document.querySelector('.transport')).backgroundColor,
  }));
  assert.match(page_.classes, /\bembed\b/);
  assert.match(page_.classes, /\btheme-dark\b/);
  assert.equal(page_.lang, 'ko');
  const brightness = (colour) => {
    const [r, g, b] = colour.match(/\d+(\.\d+)?/g).map(Number);
    return (r * 299 + g * 587 + b * 114) / 1000;
  };
  assert.ok(brightness(page_.canvas) < 60, `a dark canvas (${page_.canvas})`);
  assert.ok(brightness(page_.box) < 60, `dark boxes (${page_.box})`);
  assert.ok(brightness(page_.name) > 180, `light names on them (${page_.name})`);
  assert.ok(brightness(page_.transport) < 60, `a dark transport bar (${page_.transport})`);
});

test('loop: a run without a lesson starts again after its end, a lesson walks itself round', async (t) => {
  const { page, frame } = await openDeck(t, '/?embed&preset=direct-coupling&loop&speed=100');
  // A scenario without a lesson or faults ends 60 s in (the timeline's end).
  const plain = { ...scenarioFile('direct-coupling'), lesson: [], faults: [] };
  await command(page, 'load', { scenario: plain });
  let from = (await events(page)).length;
  await command(page, 'play');
  const end = await waitForEvent(page, (e) => e.event === 'finished', 'finished', { from, timeoutMs: 15_000 });
  assert.deepEqual([end.what, end.at_ms >= 60_000], ['script', true]);
  // Held for a moment, then reset and played again.
  await waitUntil(async () => (await playing(frame)) && (await simTime(frame)) < 30_000, 'the run to start again', 15_000);
  from = (await events(page)).length;
  assert.equal((await waitForEvent(page, (e) => e.event === 'finished', 'a second finished', { from, timeoutMs: 15_000 })).what, 'script');

  // A short lesson: each step plays to its end, stays while its caption is
  // read (3 s for a short one), the next starts; after the last, step 1.
  const lesson = [
    { caption: { en: 'One.' }, run_until_ms: 2_000 },
    { caption: { en: 'Two.' }, run_until_ms: 4_000 },
  ];
  await command(page, 'load', { scenario: { ...plain, lesson } });
  await waitUntil(async () => (await lessonStep(frame)) === 1, 'the loaded lesson at step 1');
  from = (await events(page)).length;
  await command(page, 'play');
  const seen = [];
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const news = (await events(page)).slice(from);
    seen.splice(0, seen.length, ...news.filter((e) => e.event === 'step-changed' || e.event === 'finished'));
    if (seen.some((e, i) => e.event === 'step-changed' && e.step === 1 && seen.slice(0, i).some((f) => f.event === 'finished'))) break;
    await page.waitForTimeout(100);
  }
  const story = seen.map((e) => (e.event === 'finished' ? `finished ${e.what}` : `step ${e.step}`));
  assert.deepEqual(story.slice(0, 3), ['step 2', 'finished lesson', 'step 1'], `the loop went 2, end, 1: ${story}`);
});

test('the header’s Embed button gives an <iframe> that opens the current scenario in a slide', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'sns-fanout');
  await page.click(testId('copy-embed'));
  const code = await page.locator(testId('embed-code')).inputValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed&amp;autoplay#s=2\.[\w-]+" width="800" height="450" title="[^"]+ — Fanout"/);
  // The clipboard may refuse (it does here, without permission); the code
  // is shown anyway and nothing breaks (the page's errors are checked).
  const src = await page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').querySelector('iframe').src, code);
  const { page: deck, frame } = await openDeck(t, src);
  const ready = (await events(deck))[0];
  assert.equal(ready.title, scenarioFile('sns-fanout').title);
  assert.equal(ready.playing, true, 'the snippet autoplays');
  assert.equal(await frame.locator('[data-testid^="component-"]').count() > 0, true);
});

test('the demo page drives two embeds and lists what they send', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const demo = await context.newPage();
  const problems = [];
  demo.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  demo.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  t.after(async () => {
    await context.close();
    assert.deepEqual(problems, []);
  });
  await demo.goto(new URL('/embed-demo.html', BASE_URL).href);
  for (const index of [0, 1]) {
    await demo.locator(`${testId(`demo-log-${index}`)} li[data-event=ready]`).waitFor({ timeout: 20_000 });
  }
  const frame = (index) => demo.frameLocator(`iframe[data-fanout-frame="${index}"]`);
  await demo.click(testId('demo-0-next'));
  await demo.locator(`${testId('demo-log-0')} li[data-event=step-changed]`).first().waitFor();
  assert.equal(await frame(0).locator(testId('lesson-step')).getAttribute('data-value'), '2');
  await demo.selectOption(testId('demo-1-preset'), 'sns-fanout');
  await demo.click(testId('demo-1-load'));
  const caption = scenarioFile('sns-fanout').lesson[0].caption.en;
  await waitUntil(async () => (await frame(1).locator(testId('lesson-caption')).textContent()).trim() === caption, 'the load in frame 1');
  await demo.click(testId('demo-1-play'));
  await waitUntil(() => frame(1).locator(testId('pause')).isEnabled(), 'frame 1 playing');
  assert.equal(await frame(0).locator(testId('lesson-step')).getAttribute('data-value'), '2', 'frame 0 was not touched');
});
