// The cluster made visible: nodes hold their pods as chips, a dead zone's
// pods are evicted and rescheduled on the other zone while the queue grows
// and drains, cluster faults come from the faults strip, and a Pending pod
// explains itself per node.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, loadPreset, metric, openApp, setSpeed, simTimeMs, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The pods drawn inside a node: { name: phase }. */
function podsIn(page, node) {
  return page
    .locator(`${testId(`component-${node}`)} [data-testid^="pod-"]`)
    .evaluateAll((chips) => Object.fromEntries(chips.map((c) => [c.dataset.testid.slice(4), c.dataset.phase])));
}

/** Waits (polling, as sim time runs) until `check()` returns something truthy. */
async function until(page, what, check, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    assert.ok(Date.now() < deadline, `${what} did not happen (sim time ${await simTimeMs(page)} ms)`);
    await page.waitForTimeout(100);
  }
}

test('cluster ui: a zone dies, its pods move to the other zone, the queue grows then drains, nothing is lost', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'zone-outage');
  await page.click(testId('play'));
  const zoneA = ['a-1', 'a-2'];
  const zoneB = ['b-1', 'b-2'];
  // Eight pods come up, Running and Ready, spread over the four nodes.
  const before = await until(page, 'eight Running pods', async () => {
    const all = [];
    for (const node of [...zoneA, ...zoneB]) all.push(...Object.entries(await podsIn(page, node)));
    return all.length === 8 && all.every(([, phase]) => phase === 'Running') && all;
  });
  const onA = new Set();
  for (const node of zoneA) for (const name of Object.keys(await podsIn(page, node))) onA.add(name);
  assert.ok(onA.size > 0, `some pods run in zone-a: ${JSON.stringify(before)}`);

  // Kill the zone from the strip (before the script would, at 60 s).
  await page.click(testId('component-a-1'));
  await page.click(testId('kill-zone'));
  await page.click(testId('pause'));
  for (const node of zoneA) {
    assert.equal(await page.locator(testId(`component-${node}`)).getAttribute('data-state'), 'down', node);
  }
  const killedAt = await simTimeMs(page);
  // The event log tells the cluster's side of the story, merged with the broker's.
  await page.click(testId('tab-event-log'));
  await page.locator(testId('event-log')).getByText('node a-1 died').waitFor({ timeout: 5_000 });
  await page.click(testId('play'));
  await setSpeed(page, 100);

  // The queue grows while half the consumers are gone.
  await until(page, 'the shipping queue to grow', async () => (await metric(page, 'in_queue-shipping-queue')) > 20);
  // zone-a's nodes stop counting as running: NotReady after the grace period.
  await until(page, 'a-1 NotReady', async () =>
    (await page.locator(testId('component-a-1')).getAttribute('data-status')) === 'NotReady');
  // Eviction: zone-a's pods disappear, replacements run in zone-b.
  await until(page, 'zone-a pods gone and eight pods Running in zone-b', async () => {
    const a = { ...(await podsIn(page, 'a-1')), ...(await podsIn(page, 'a-2')) };
    const b = { ...(await podsIn(page, 'b-1')), ...(await podsIn(page, 'b-2')) };
    const running = Object.values(b).filter((phase) => phase === 'Running').length;
    return Object.values(a).every((phase) => phase === 'Terminating') && running === 8;
  }, 60_000);
  for (const name of onA) {
    const inB = { ...(await podsIn(page, 'b-1')), ...(await podsIn(page, 'b-2')) };
    assert.ok(!(name in inB), `${name} did not move: pods are replaced, not moved`);
  }
  // The backlog drains once the replacements run.
  await until(page, 'the shipping queue to drain', async () => (await metric(page, 'in_queue-shipping-queue')) < 10, 60_000);
  assert.ok((await simTimeMs(page)) - killedAt > 300_000, 'eviction waited for the toleration');
  assert.equal(await metric(page, 'lost'), 0);
  assert.deepEqual(page.appErrors, []);
});

test('cluster ui: a killed node leaves pods Pending, and the placement view explains why per node', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'pod-failover');
  await page.click(testId('play'));
  await until(page, 'pods Running', async () =>
    (await page.locator('[data-testid^="pod-"][data-phase="Running"]').count()) > 0);
  // Every pod chip explains its placement when pressed.
  const chip = page.locator('[data-testid^="pod-"][data-phase="Running"]').first();
  await chip.click();
  const panel = page.locator(testId('placement'));
  await panel.waitFor({ timeout: 5_000 });
  assert.match(await panel.textContent(), /Why here/);
  const nodes = await page.locator('[data-testid^="component-"][data-kind="node"]')
    .evaluateAll((boxes) => boxes.map((b) => b.dataset.testid.slice('component-'.length)));
  for (const node of nodes) await page.locator(testId(`why-${node}`)).waitFor({ timeout: 5_000 });
  await page.click(testId('placement-close'));

  // Kill node-1 and cordon the others from the strip: once node-1's pod is
  // evicted, its replacement fits nowhere and waits Pending.
  await page.click(testId('component-node-1'));
  await page.click(testId('kill'));
  for (const node of ['node-2', 'node-3']) {
    await page.click(testId(`component-${node}`));
    await page.click(testId('cordon'));
    await page.locator(testId('uncordon')).waitFor({ timeout: 5_000 });
  }
  await setSpeed(page, 100);
  const pending = page.locator(`${testId('component-web-pods')} [data-phase="Pending"]`).first();
  await pending.waitFor({ timeout: 40_000 });
  await page.locator(testId('badge-pending-web-pods')).waitFor({ timeout: 5_000 });
  await pending.click();
  await panel.waitFor({ timeout: 5_000 });
  assert.match(await panel.textContent(), /Why pending/);
  for (const node of nodes) {
    const row = page.locator(testId(`why-${node}`));
    assert.equal(await row.getAttribute('data-fits'), 'false', node);
    assert.match(await row.textContent(), node === 'node-1' ? /taint/ : /unschedulable/, node);
  }
  // Scaling up adds another Pending pod; the deployment's badge counts them.
  await page.click(testId('component-web-pods'));
  await page.fill(testId('field-scale'), '4');
  await page.click(testId('scale'));
  await page.locator(testId('badge-pending-web-pods')).getByText('2 pending').waitFor({ timeout: 10_000 });
  assert.deepEqual(page.appErrors, []);
});

test('cluster ui: killing etcd members loses quorum, and kubectl-like faults are then refused', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'zone-outage');
  await page.click(testId('component-control-plane'));
  await page.click(testId('kill-etcd'));
  await page.click(testId('kill-etcd'));
  const controlPlane = page.locator(testId('component-control-plane'));
  await until(page, 'the API to go down', async () => /API down/.test(await controlPlane.textContent()));
  await page.click(testId('component-shipping-pods'));
  await page.click(testId('kill-pod'));
  // The banner says why; the narration region says it too, in its own words.
  await page.locator(testId('error')).getByText(/API server is unavailable/).waitFor({ timeout: 5_000 });
  await page.click(testId('component-control-plane'));
  await page.click(testId('revive-etcd'));
  // A new etcd leader is elected as time runs.
  await page.click(testId('play'));
  await until(page, 'the API to come back', async () => /API up/.test(await controlPlane.textContent()));
  // The fault script offers the cluster's faults too.
  await page.click(testId('tab-fault-script'));
  await page.selectOption(testId('field-fault-action'), 'kill-zone');
  await page.selectOption(testId('field-fault-target'), 'zone-b');
  await page.fill(testId('field-fault-at'), '90');
  await page.click(testId('fault-add'));
  await page.getByText('kill zone zone-b').waitFor({ timeout: 5_000 });
  assert.deepEqual(page.appErrors, []);
});
