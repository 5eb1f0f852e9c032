// Cluster components in the app, as far as this version goes: the cluster
// presets load and run, nodes, deployments and the rest are boxes with their
// kind, their settings show in the inspector, the palette adds them, and a
// selected node can be killed and revived.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, loadPreset, openApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('cluster: the zone outage preset draws its cluster, shows its settings, and a node dies and returns', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'zone-outage');
  for (const [id, kind] of [
    ['a-1', 'node'],
    ['shipping-pods', 'deployment'],
    ['control-plane', 'control-plane'],
    ['shipping', 'consumer'],
  ]) {
    assert.equal(await page.locator(testId(`component-${id}`)).getAttribute('data-kind'), kind, id);
  }

  await page.click(testId('component-a-1'));
  // Its settings are editable fields (tests/e2e/cluster-inspector.test.mjs edits them).
  const zone = page.locator(testId('field-zone'));
  await zone.waitFor();
  assert.equal(await zone.inputValue(), 'zone-a');

  const node = page.locator(testId('component-a-1'));
  assert.equal(await node.getAttribute('data-state'), 'running');
  await page.click(testId('kill'));
  await page.waitForFunction(
    () => document.querySelector('[data-testid="component-a-1"]')?.dataset.state === 'down',
    null,
    { timeout: 5_000 },
  );
  await page.click(testId('revive'));
  await page.waitForFunction(
    () => document.querySelector('[data-testid="component-a-1"]')?.dataset.state === 'running',
    null,
    { timeout: 5_000 },
  );
  assert.deepEqual(page.appErrors, []);
});

test('cluster: the palette adds each cluster kind, bringing the one control plane along', async (t) => {
  const page = await openApp(browser, '/', { t });
  await page.click(testId('palette-node'));
  await page.locator(testId('component-node-1')).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(testId('component-node-1')).getAttribute('data-kind'), 'node');
  assert.equal(
    await page.locator(testId('component-control-plane-1')).getAttribute('data-kind'),
    'control-plane',
    'a cluster needs a control plane: the first node brings it',
  );
  for (const kind of ['deployment', 'service', 'ingress']) {
    await page.click(testId(`palette-${kind}`));
    const box = page.locator(testId(`component-${kind}-1`));
    await box.waitFor({ timeout: 5_000 });
    assert.equal(await box.getAttribute('data-kind'), kind);
  }
  // A second control plane is refused with the reason.
  await page.click(testId('palette-control-plane'));
  await page.getByText('exactly one control plane').waitFor({ timeout: 5_000 });
  assert.equal(await page.locator('[data-testid^="component-control-plane-"]').count(), 1);
  assert.deepEqual(page.appErrors, []);
});
