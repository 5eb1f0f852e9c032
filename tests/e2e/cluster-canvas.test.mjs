// The cluster's structure on the canvas: dotted links say what runs on which
// deployment and what a service selects, and the control plane opens into
// its members, each of which can be killed and revived with a press.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commit, launch, loadPreset, metric, openApp, testId, waitForMetric } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('cluster canvas: runs-on and selector links connect consumers, services and deployments', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'pod-failover');
  await page.locator(testId('runs-on-web-app-web-pods')).waitFor({ state: 'attached', timeout: 5_000 });
  await page.locator(testId('selects-web-web-pods')).waitFor({ state: 'attached', timeout: 5_000 });
  const tip = await page.locator('.link-runs-on title').first().textContent();
  assert.match(tip, /one instance per Running and Ready pod/);

  await loadPreset(page, 'zone-outage');
  await page.locator(testId('runs-on-shipping-shipping-pods')).waitFor({ state: 'attached', timeout: 5_000 });
  await page.locator(testId('runs-on-accounting-accounting-pods')).waitFor({ state: 'attached', timeout: 5_000 });
  assert.equal(await page.locator(testId('runs-on-web-app-web-pods')).count(), 0, 'the old preset’s links are gone');
});

test('cluster canvas: the control plane expands into its members; killing two etcd members takes the API down', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'etcd-quorum');
  const member = (key) => page.locator(testId(`cp-member-control-plane-${key}`));
  assert.equal(await member('etcd-0').count(), 0, 'collapsed at first');

  await page.click(testId('expand-control-plane'));
  for (const key of ['apiserver', 'etcd-0', 'etcd-1', 'etcd-2', 'scheduler', 'controller-manager']) {
    assert.equal(await member(key).getAttribute('data-state'), 'up', `${key} starts up`);
  }

  // One member down: etcd keeps its quorum (2 of 3) and the API answers.
  await member('etcd-0').dispatchEvent('pointerdown', { button: 0 });
  await page.locator(`${testId('cp-member-control-plane-etcd-0')}[data-state="down"]`).waitFor({ state: 'attached', timeout: 5_000 });
  assert.equal(await member('apiserver').getAttribute('data-state'), 'up');

  // Two down: no quorum, no API.
  await member('etcd-1').dispatchEvent('pointerdown', { button: 0 });
  await page.locator(`${testId('cp-member-control-plane-apiserver')}[data-state="down"]`).waitFor({ state: 'attached', timeout: 5_000 });

  // Revive one and let etcd elect a leader: the API is back.
  await member('etcd-1').dispatchEvent('pointerdown', { button: 0 });
  await page.click(testId('play'));
  await page.locator(`${testId('cp-member-control-plane-apiserver')}[data-state="up"]`).waitFor({ timeout: 10_000 });
  await page.click(testId('pause'));

  // The kills were live faults: the event log has them.
  await page.locator(testId('event-log')).getByText(/etcd/).first().waitFor({ state: 'attached', timeout: 5_000 });

  await page.click(testId('expand-control-plane'));
  assert.equal(await member('etcd-0').count(), 0, 'folded back');
});

test('cluster canvas: an ingress routes a wire by its path; a path no rule matches fails every request', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'ingress-and-node-port');
  await page.locator(testId('routes-gateway-books')).waitFor({ state: 'attached', timeout: 5_000 });
  await page.locator(testId('routes-gateway-food')).waitFor({ state: 'attached', timeout: 5_000 });

  // The books shop's requests go to /books/42: the books app gets them.
  await page.click(testId('play'));
  await waitForMetric(page, 'delivered-books-app', (n) => n > 20, { timeoutMs: 20_000 });
  await page.click(testId('pause'));

  // Change the request path to one no rule matches: every request fails at the gateway.
  await page.locator(testId('wire-books-shop-gateway')).click({ force: true });
  await page.locator(testId('field-path')).waitFor();
  assert.equal(await page.inputValue(testId('field-path')), '/books/42');
  await commit(page, 'field-path', 'toys');
  await page.getByText(/A path starts with '\/'/).waitFor({ timeout: 5_000 });
  await commit(page, 'field-path', '/toys');
  await page.click(testId('play'));
  await waitForMetric(page, 'lost-gateway', (n) => n > 20, { timeoutMs: 20_000 });
  await page.click(testId('pause'));
  const lostAfter = await metric(page, 'lost-gateway');
  assert.ok(lostAfter > 20);

  // Undo (outside the text field, where Ctrl+Z is the field's own) brings the path back.
  await page.locator(testId('field-path')).blur();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="field-path"]')?.value === '/books/42',
    null,
    { timeout: 5_000 },
  );
});

test('cluster canvas: direct calls to a Service fail while it has no Ready endpoint, and succeed again once pods are Ready', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'pod-failover');
  // Real time, so the scripted node kill at 30 s stays out of this test.
  await page.click(testId('skip-idle'));
  await page.click(testId('play'));
  // Three Ready pods serve the calls.
  await waitForMetric(page, 'delivered-web-app', (n) => n > 5, { timeoutMs: 20_000 });
  await page.click(testId('pause'));

  // Scale the deployment to zero: no endpoint, every call to the Service fails.
  await page.locator(testId('component-web-pods')).click();
  await page.fill(testId('field-scale'), '0');
  await page.click(testId('scale'));
  const lostBefore = await metric(page, 'lost-web');
  await page.click(testId('play'));
  await waitForMetric(page, 'lost-web', (n) => n >= lostBefore + 10, { timeoutMs: 20_000 });
  await page.click(testId('pause'));
  const delivered = await metric(page, 'delivered-web-app');

  // Scale back: once a pod is Ready, calls are delivered again and failures stop.
  await page.fill(testId('field-scale'), '3');
  await page.click(testId('scale'));
  await page.click(testId('play'));
  await waitForMetric(page, 'delivered-web-app', (n) => n > delivered + 10, { timeoutMs: 20_000 });
  const lostSettled = await metric(page, 'lost-web');
  await page.waitForTimeout(1_500);
  assert.equal(await metric(page, 'lost-web'), lostSettled, 'no call fails while endpoints are Ready');
});
