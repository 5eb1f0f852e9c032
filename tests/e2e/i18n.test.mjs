// The interface in English and Korean: switched from the header, remembered
// in this browser, overridden for one visit by ?lang=, and Korean from the
// start for a browser whose language is Korean.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dragWire, launch, loadPreset, openApp, openAppInContext, reloadApp, testId } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The texts the test reads, in one place, as a person would see them. */
async function labels(page) {
  const text = async (selector) => (await page.locator(selector).first().textContent())?.trim();
  return {
    htmlLang: await page.evaluate(() => document.documentElement.lang),
    switchValue: await page.locator(testId('lang')).inputValue(),
    publisher: await text(`${testId('palette-publisher')} .palette-label`),
    paletteHeading: await text('.palette .panel-title'),
    play: await text(`${testId('play')} .button-label`),
    playTitle: await page.locator(testId('play')).getAttribute('title'),
    eventLogTab: await text(testId('tab-event-log')),
    firstTile: await text('.metric-tile .metric-label'),
  };
}

test('the header switch turns the interface Korean, and a reload keeps it', async (t) => {
  const page = await openApp(browser, '/', { t });
  const english = await labels(page);
  assert.equal(english.htmlLang, 'en');
  assert.equal(english.switchValue, 'en');
  assert.equal(english.publisher, 'Publisher');
  assert.equal(english.play, 'Play');
  assert.equal(english.playTitle, 'Play (Space)');

  await page.selectOption(testId('lang'), 'ko');
  await page.locator(`${testId('palette-publisher')} .palette-label`, { hasText: '발행자' }).waitFor({ timeout: 5_000 });
  const korean = await labels(page);
  assert.deepEqual(korean, {
    htmlLang: 'ko',
    switchValue: 'ko',
    publisher: '발행자',
    paletteHeading: '구성 요소',
    play: '재생',
    playTitle: '재생 (Space)',
    eventLogTab: '이벤트 로그',
    firstTile: '발행',
  });
  assert.match(await page.locator(testId('palette-queue')).getAttribute('title'), /^SQS Standard 큐: /);
  assert.equal(await page.locator(testId('share')).textContent(), '공유');

  // The inspector: a new queue's heading, a setting's label and default note.
  await page.click(testId('palette-queue'));
  await page.locator('aside.inspector h2', { hasText: 'SQS 큐' }).waitFor({ timeout: 5_000 });
  const retention = page.locator('.field', { has: page.locator(testId('field-retention_ms')) });
  assert.equal(await retention.locator('.field-label').textContent(), '보존 기간');
  assert.match(await retention.locator('.field-default').textContent(), /^기본값 4 d — SQS$/);
  await page.keyboard.press('Escape');

  await reloadApp(page);
  assert.deepEqual(await labels(page), korean, 'the choice is remembered in this browser');

  // Back to English with the same switch, remembered too.
  await page.selectOption(testId('lang'), 'en');
  await page.locator(`${testId('play')} .button-label`, { hasText: 'Play' }).waitFor({ timeout: 5_000 });
  await reloadApp(page);
  assert.deepEqual(await labels(page), english);
});

test('what the playback host says follows the language: fault words, the script, the lesson caption', async (t) => {
  const page = await openApp(browser, '/', { t });
  await page.selectOption(testId('lang'), 'ko');
  await loadPreset(page, 'direct-coupling');
  // The lesson bar reads the language the switch set on <html lang>.
  await page.click(testId('lesson-start'));
  await page.locator(testId('lesson-caption'), { hasText: 'StoreFront가 주문이 생길 때마다' }).waitFor({ timeout: 5_000 });

  await page.click(testId('tab-fault-script'));
  await page.fill(testId('field-fault-at'), '5');
  await page.selectOption(testId('field-fault-action'), 'kill');
  await page.selectOption(testId('field-fault-target'), 'shipping');
  await page.click(testId('fault-add'));
  assert.match(await page.locator(testId('fault-row-0')).innerText(), /5 s\s+Shipping 죽이기/);
  assert.equal(await page.locator(testId('tab-fault-script')).textContent(), '장애 스크립트 (1)');
  assert.equal(await page.locator(testId('fault-mark-0')).getAttribute('title'), '5 s: Shipping 죽이기');

  // A live switch re-renders what is already on screen.
  await page.selectOption(testId('lang'), 'en');
  await page.locator(testId('fault-row-0'), { hasText: 'kill Shipping' }).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(testId('tab-fault-script')).textContent(), 'Fault script (1)');
  assert.equal(await page.locator(testId('fault-mark-0')).getAttribute('title'), 'at 5 s: kill Shipping');
});

test('?lang=en opens English over a remembered Korean, for that visit only', async (t) => {
  const page = await openApp(browser, '/', { t });
  await page.selectOption(testId('lang'), 'ko');
  await page.locator(`${testId('play')} .button-label`, { hasText: '재생' }).waitFor({ timeout: 5_000 });

  const visit = await openAppInContext(page.context(), '/?lang=en');
  const english = await labels(visit);
  assert.equal(english.htmlLang, 'en');
  assert.equal(english.play, 'Play');
  assert.equal(english.publisher, 'Publisher');
  assert.equal(await visit.evaluate(() => localStorage.getItem('fanout.lang')), 'ko', 'a parameter is not remembered');

  const again = await openAppInContext(page.context(), '/');
  assert.equal((await labels(again)).play, '재생');
});

test('a browser whose language is Korean starts in Korean, and ?lang=en still opens English', async (t) => {
  const page = await openApp(browser, '/', { t, locale: 'ko-KR' });
  const korean = await labels(page);
  assert.equal(korean.htmlLang, 'ko');
  assert.equal(korean.switchValue, 'ko');
  assert.equal(korean.publisher, '발행자');
  assert.equal(korean.playTitle, '재생 (Space)');

  const english = await openAppInContext(page.context(), '/?lang=en');
  assert.equal((await labels(english)).playTitle, 'Play (Space)');
});

test('a refused wire says why in Korean, as the rules of the interface language say it', async (t) => {
  const page = await openApp(browser, '/', { t, locale: 'ko-KR' });
  await loadPreset(page, 'sns-sqs-per-service');
  await dragWire(page, 'shipping-queue', 'accounting-queue');
  const refusal = page.locator(testId('wire-refusal'));
  await refusal.waitFor({ timeout: 5_000 });
  assert.equal((await refusal.textContent()).trim(), '큐는 다른 큐로 전달하지 않습니다.');
  assert.equal(await page.locator(testId('wire-shipping-queue-accounting-queue')).count(), 0);
});

test('in Korean, a damaged link and a bad setting are explained in Korean', async (t) => {
  const page = await openApp(browser, '/#s=2.abcde', { t, locale: 'ko-KR' });
  const banner = page.locator(testId('error'));
  await banner.waitFor({ timeout: 5_000 });
  assert.match(await banner.textContent(), /이 링크는 손상되었습니다: 중간에 잘렸습니다/);
  await page.click(testId('error-dismiss'));

  await loadPreset(page, 'direct-coupling');
  await page.locator(testId('component-storefront')).click();
  await page.fill(testId('field-rate_per_s'), 'abc');
  await page.press(testId('field-rate_per_s'), 'Enter');
  const problem = page.locator(testId('field-error-rate_per_s'));
  await problem.waitFor({ timeout: 5_000 });
  assert.match(await problem.textContent(), /속도를 입력하세요/);
});

test('in Korean, CPU amounts read as Korean counts: a node\'s default note and the echo while typing', async (t) => {
  const page = await openApp(browser, '/?lang=ko', { t });
  await loadPreset(page, 'pod-failover');
  await page.locator(testId('component-node-1')).click();
  const inspector = page.locator('aside.inspector');
  // The default allocatable CPU: 4,000 millicores, "4 CPUs" in English.
  await page.locator(testId('field-cpu_millicores')).waitFor({ timeout: 5_000 });
  assert.match(await inspector.textContent(), /4,000 \(CPU 4개\)/);
  await page.fill(testId('field-cpu_millicores'), '2 cpu');
  assert.match(await inspector.locator('.field-echo').first().textContent(), /= CPU 2개/);
  assert.doesNotMatch(await inspector.textContent(), /CPUs/);
});
