// Cluster settings in the inspector, used the way a person would: scale a
// deployment and see more pods, switch the scheduler to bin-packing and see
// them packed, run a new consumer on the deployment, type values the cluster
// refuses and see why (with nothing applied), edit taints, tolerations, a
// service and an ingress, and walk it all back with Ctrl+Z.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { commit, launch, loadPreset, openApp, simTimeMs, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Selects a component by clicking near its top-left corner (a node's middle
 * is covered by its pod chips, which explain the pod instead) and waits for
 * its inspector.
 */
async function selectBox(page, id) {
  await page.locator(testId(`component-${id}`)).click({ position: { x: 14, y: 10 } });
  await inspecting(page, id);
}

/** Waits until the inspector shows component `id` (a new one is selected at once). */
async function inspecting(page, id) {
  await page.locator(`aside.inspector code.component-id:text-is("${id}")`).waitFor({ timeout: 5_000 });
}

/** The pods drawn inside each node: { node: [pod name, …] }. */
async function podsByNode(page) {
  const nodes = await page
    .locator('[data-testid^="component-"][data-kind="node"]')
    .evaluateAll((boxes) => boxes.map((b) => b.dataset.testid.slice('component-'.length)));
  const result = {};
  for (const node of nodes) {
    result[node] = await page
      .locator(`${testId(`component-${node}`)} [data-testid^="pod-"]`)
      .evaluateAll((chips) => chips.map((c) => c.dataset.testid.slice('pod-'.length)));
  }
  return result;
}

/** Polls `check()` until it returns something truthy. */
async function until(page, what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    assert.ok(Date.now() < deadline, `${what} did not happen (sim time ${await simTimeMs(page)} ms)`);
    await page.waitForTimeout(100);
  }
}

/** Takes focus out of the inspector (as clicking its text does), so Ctrl+Z is the document's. */
async function undo(page) {
  await page.locator('aside.inspector .inspector-intro').click();
  await page.keyboard.press('Control+z');
}

/** The inline refusal under a field, once it shows. */
async function refusal(page, setting) {
  const error = page.locator(testId(`field-error-${setting}`));
  await error.waitFor({ timeout: 5_000 });
  return error.textContent();
}

test('cluster inspector: replicas, scoring strategy and runs_on change the run; refused values apply nothing; Ctrl+Z undoes', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'pod-failover');

  // Scale the deployment from its preset's 3 to 5 replicas.
  await selectBox(page, 'web-pods');
  assert.equal(await page.locator(testId('field-replicas')).inputValue(), '3');
  assert.match(await page.locator('aside.inspector').textContent(), /default 3 — Fanout \(Kubernetes: 1\)/);
  await commit(page, 'field-replicas', '5');
  assert.equal(await page.locator(testId('field-replicas')).inputValue(), '5');
  assert.equal(await page.locator(testId('field-error-replicas')).count(), 0);

  // Five pods come up on the nodes, spread out (LeastAllocated).
  await page.click(testId('play'));
  const spread = await until(page, 'five Running pods', async () => {
    const running = await page.locator('[data-kind="node"] [data-testid^="pod-"][data-phase="Running"]').count();
    return running === 5 && (await podsByNode(page));
  });
  assert.ok(Object.values(spread).every((pods) => pods.length < 5), `LeastAllocated spreads: ${JSON.stringify(spread)}`);

  // Switching the scheduler to MostAllocated while it runs resets the run,
  // as any edit of what is simulated does.
  await selectBox(page, 'control-plane');
  assert.equal(await page.locator(testId('field-scoring')).inputValue(), 'least-allocated');
  await page.selectOption(testId('field-scoring'), 'most-allocated');
  await page.getByText('scenario changed — reset').waitFor({ timeout: 5_000 });
  assert.equal(await simTimeMs(page), 0);
  assert.equal(await page.locator('[data-kind="node"] [data-testid^="pod-"]').count(), 0, 'the old run is gone');

  // A refused value: 9 etcd members. The reason shows, nothing changes.
  await commit(page, 'field-etcd_members', '9');
  assert.match(await refusal(page, 'etcd_members'), /between 1 and 7/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(testId('field-etcd_members')).inputValue(), '3');
  assert.match(await page.locator(testId('component-control-plane')).textContent(), /etcd ×3/);

  // A new consumer runs on the deployment: its instances follow the pods.
  await page.click(testId('palette-consumer'));
  const consumer = 'consumer-1';
  await inspecting(page, consumer);
  assert.equal(await page.locator(testId('field-runs_on')).inputValue(), '');
  assert.equal(await page.locator(testId('field-instances')).count(), 1);
  await page.selectOption(testId('field-runs_on'), 'web-pods');
  assert.equal(await page.locator(testId('field-instances')).count(), 0, 'on a deployment the pods are the instances');
  assert.match(
    await page.locator('aside.inspector').textContent(),
    /One instance per Running and Ready pod of web pods \(it asks for 5 replicas\)/,
  );
  const runsOnHelp = await page.locator(testId('field-runs_on')).evaluate((select) => select.closest('.field').title);
  assert.match(runsOnHelp, /instance count follows the Running \+ Ready pods/);

  // A refused node value: -5 millicores, with the reason and nothing applied.
  await selectBox(page, 'node-2');
  await commit(page, 'field-cpu_millicores', '-5');
  assert.match(await refusal(page, 'cpu_millicores'), /between 1 and 1,000,000 millicores/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(testId('field-cpu_millicores')).inputValue(), '4000');
  // A value only the whole pod template can judge: a probe timeout as long as its period.
  await selectBox(page, 'web-pods');
  await commit(page, 'field-liveness_probe_timeout_ms', '10 s');
  assert.match(await refusal(page, 'liveness_probe_timeout_ms'), /timeout must be above 0 and below its period/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(testId('field-liveness_probe_timeout_ms')).inputValue(), '1000');

  // MostAllocated packs all five pods onto one node, and the consumer gets
  // one instance per Ready pod.
  await page.click(testId('play'));
  const packed = await until(page, 'five pods packed on one node', async () => {
    const running = await page.locator('[data-kind="node"] [data-testid^="pod-"][data-phase="Running"]').count();
    const byNode = await podsByNode(page);
    return running === 5 && Object.values(byNode).some((pods) => pods.length === 5) && byNode;
  });
  assert.ok(packed);
  await until(page, 'the consumer to have five workers', async () =>
    /busy \d+\/5/.test(await page.locator(testId(`component-${consumer}`)).textContent()));
  await page.click(testId('pause'));

  // Undo walks back: runs_on, the new consumer, the scoring, the replicas.
  await selectBox(page, consumer);
  await undo(page);
  assert.equal(await page.locator(testId('field-runs_on')).inputValue(), '');
  assert.equal(await page.locator(testId('field-instances')).count(), 1);
  await undo(page);
  await page.locator(testId(`component-${consumer}`)).waitFor({ state: 'detached', timeout: 5_000 });
  await selectBox(page, 'control-plane');
  await undo(page);
  assert.equal(await page.locator(testId('field-scoring')).inputValue(), 'least-allocated');
  await selectBox(page, 'web-pods');
  await undo(page);
  assert.equal(await page.locator(testId('field-replicas')).inputValue(), '3');
  assert.deepEqual(page.appErrors, []);
});

test('cluster inspector: taints and tolerations steer pods, a service picks its deployment, an ingress gets rules', async (t) => {
  const page = await openApp(browser, '/', { t });
  await loadPreset(page, 'readiness-probe');

  // Taint node-1: no pod of either deployment may land there.
  await selectBox(page, 'node-1');
  await page.click(testId('field-taints-add'));
  assert.equal(await page.locator(testId('field-taint-0-key')).inputValue(), 'dedicated');
  assert.equal(await page.locator(testId('field-taint-0-value')).inputValue(), 'batch');
  assert.equal(await page.locator(testId('field-taint-0-effect')).inputValue(), 'no-schedule');
  await commit(page, 'field-taint-0-key', ' ');
  assert.match(await refusal(page, 'taint-0-key'), /needs a key/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(testId('field-taint-0-key')).inputValue(), 'dedicated');
  // A second taint, removed again.
  await page.click(testId('field-taints-add'));
  await page.locator(testId('field-taint-1-key')).waitFor();
  await page.click(testId('field-taint-1-remove'));
  assert.equal(await page.locator(testId('field-taint-1-key')).count(), 0);

  await page.click(testId('play'));
  const tainted = await until(page, 'three pods, none on node-1', async () => {
    const byNode = await podsByNode(page);
    return byNode['node-2'].length === 3 && byNode;
  });
  assert.deepEqual(tainted['node-1'], [], 'nothing tolerates the taint');

  // web-stable tolerates it: its pods may now use node-1 (and spread onto it).
  await selectBox(page, 'web-stable');
  await page.click(testId('field-tolerations-add'));
  assert.equal(await page.locator(testId('field-toleration-0-key')).inputValue(), 'dedicated');
  assert.equal(await page.locator(testId('field-toleration-0-operator')).inputValue(), 'equal');
  await commit(page, 'field-toleration-0-toleration_ms', 'a while');
  assert.match(await refusal(page, 'toleration-0-toleration_ms'), /Enter a duration/);
  await page.keyboard.press('Escape');
  await page.click(testId('play'));
  const tolerated = await until(page, 'a web-stable pod on node-1', async () => {
    const byNode = await podsByNode(page);
    return byNode['node-1'].length > 0 && byNode;
  });
  assert.ok(tolerated['node-1'].every((pod) => pod.startsWith('web-stable-')), JSON.stringify(tolerated));
  await page.click(testId('pause'));

  // The service selects both deployments by a shared label; point it at one.
  await selectBox(page, 'web');
  assert.equal(await page.locator(testId('field-selector')).inputValue(), 'custom');
  assert.equal(await page.locator(testId('field-selector_labels')).inputValue(), 'tier=web');
  assert.match(await page.locator('aside.inspector').textContent(), /Ready pods of web-stable, web-canary/);
  await page.selectOption(testId('field-selector'), 'web-canary');
  assert.equal(await page.locator(testId('field-selector_labels')).inputValue(), 'app=web-canary');
  assert.match(await page.locator('aside.inspector').textContent(), /Ready pods of web-canary\./);
  // NodePort: a port in the node-port range, refused outside it.
  await page.selectOption(testId('field-service_type'), 'node-port');
  await commit(page, 'field-node_port', '29999');
  assert.match(await refusal(page, 'node_port'), /between 30,000 and 32,767/);
  await commit(page, 'field-node_port', '30080');
  assert.equal(await page.locator(testId('field-error-node_port')).count(), 0);
  await page.selectOption(testId('field-service_type'), 'cluster-ip');
  assert.equal(await page.locator(testId('field-node_port')).count(), 0, 'ClusterIP has no node port');

  // An ingress from the palette routes /api on a host to the service.
  await page.click(testId('palette-ingress'));
  await inspecting(page, 'ingress-1');
  await page.click(testId('field-rules-add'));
  assert.equal(await page.locator(testId('field-rule-0-service')).inputValue(), 'web');
  await commit(page, 'field-rule-0-host', 'shop.example.com');
  await commit(page, 'field-rule-0-path_prefix', '/api');
  assert.equal(await page.locator(testId('field-rule-0-host')).inputValue(), 'shop.example.com');
  assert.equal(await page.locator(testId('field-rule-0-path_prefix')).inputValue(), '/api');
  assert.match(await page.locator(testId('component-ingress-1')).textContent(), /1 rules/);
  await page.click(testId('field-rule-0-remove'));
  assert.equal(await page.locator(testId('field-rule-0-host')).count(), 0);
  await undo(page);
  assert.equal(await page.locator(testId('field-rule-0-path_prefix')).inputValue(), '/api');
  assert.deepEqual(page.appErrors, []);
});
