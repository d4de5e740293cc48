// The demo app (www/, what `make demo` serves) in headless Chromium, from its Vite production build (www/dist):
// every tab does one real action, no page error or console error is allowed, and screenshots go to target/demo-*.png.
// Build first: `bash scripts/build-pkg.sh && node_modules/.bin/vite build --config www/vite.config.mjs`.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './chromium.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'www', 'dist');
const shots = path.join(root, 'target');

test('demo (www/dist) in Chromium: every tab, no errors', { timeout: 180000 }, async (t) => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'www/dist missing: run `node_modules/.bin/vite build --config www/vite.config.mjs` first');
  fs.mkdirSync(shots, { recursive: true });
  const { server, url } = await serve(dist);
  const browser = await launch();
  const errors = [];
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
    page.setDefaultTimeout(20000);

    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const shot = async (name) => page.screenshot({ path: path.join(shots, `demo-${name}.png`), fullPage: true });
    const noIssueBoxInPanel = async (id) => {
      // A thrown error would show as an issues box in the panel header area; the tabs' own "bad input" examples are
      // inside result areas. Here: the panel must have content.
      const n = await page.locator(`#panel-${id} *`).count();
      assert.ok(n > 20, `panel ${id} is (nearly) empty`);
    };

    await t.test('calendar & money: National Day 2026 and an amount', async () => {
      await page.click('#tab-calendar');
      const oct1 = page.locator('.cal-day[data-date="2026-10-01"]');
      assert.equal(await oct1.getAttribute('data-kind'), 'holiday');
      assert.equal(await page.locator('.cal-day[data-date="2026-10-10"]').getAttribute('data-kind'), 'makeupWorkday');
      await page.click('.cal-day[data-date="2026-10-12"]');
      await page.waitForSelector('.cal-day.from[data-date="2026-10-12"]');
      await page.fill('#panel-calendar input[type="date"]', '2026-09-30');
      await page.waitForSelector('.cal-day.due[data-date="2026-10-10"]'); // 3 working days after 30 Sep: the week off skipped
      await page.fill('#amount', '12.345');
      await page.waitForSelector('#panel-calendar .issues :text("AMOUNT_TOO_PRECISE")');
      await page.fill('#amount', '￥１,２３４.５');
      await page.waitForSelector('#panel-calendar :text("¥1,234.50")');
      // A year the calendar does not know is an explicit issue, and the empty 2027 placeholder is refused.
      for (let i = 0; i < 3; i++) await page.click('button[aria-label="下个月"]');
      await page.waitForSelector('#panel-calendar .issues :text("CALENDAR_YEAR_UNKNOWN")');
      await page.click('button:has-text("loadCalendarYear(2027.json")');
      await page.waitForSelector('#load-2027 .issues :text("CALENDAR_YEAR_EMPTY")');
      for (let i = 0; i < 3; i++) await page.click('button[aria-label="上个月"]');
      await page.waitForSelector('.cal-day[data-date="2026-10-01"]');
      await noIssueBoxInPanel('calendar');
      await shot('calendar');
    });

    await t.test('validation: the return form shows issues at their paths; a bad ID card', async () => {
      await page.click('#tab-validation');
      // The bad sample is pre-filled: issues appear under their fields, by path.
      await page.waitForSelector('[data-path="items[0].gtin"].has-error .msg');
      await page.waitForSelector('[data-path="requestDate"].has-error');
      await page.click('#panel-validation button:has-text("填入正确示例")');
      await page.waitForSelector('#panel-validation .form-result .ok-box');
      await page.fill('#single-idCard', '440304198808153626');
      await page.waitForSelector('#out-idCard .issues :text("ID_CARD_CHECKSUM")');
      await page.fill('#single-idCard', '110105199003071239');
      await page.waitForSelector('#out-idCard .ok-box :text("北京市")');
      await page.fill('#single-idCard', '440304198808153626');
      await page.click('[data-form="memberSignUp"]');
      await page.waitForSelector('[data-path="idCard"].has-error');
      await shot('validation');
    });

    await t.test('returns: a decision with deadlines, refund split and rule trace', async () => {
      await page.click('#tab-returns');
      await page.waitForSelector('#ret-status');
      await page.selectOption('#ret-order', 'store-dyson');
      await page.click('#ret-evaluate');
      await page.waitForSelector('#ret-decision table.allowed');
      const text = await page.locator('#ret-decision').innerText();
      assert.match(text, /三包|three guarantees/);
      assert.match(text, /储值卡|stored-value/);
      assert.match(text, /law:three-guarantees/);
      // A bad request (now before the sale) is shown as its issues, not a blank panel.
      await page.fill('#ret-now', '2026-04-01T10:00');
      await page.waitForSelector('#ret-decision .issues :text("REQUEST_TIME_ORDER")');
      await page.selectOption('#ret-order', 'online-shoes');
      await page.waitForSelector('#ret-decision table.allowed');
      await shot('returns');
    });

    await t.test('points: earn, balance, tier, parking', async () => {
      await page.click('#tab-points');
      await page.waitForSelector('#earn-total');
      assert.equal(await page.locator('#earn-total').innerText(), '6,458'); // docs/points.md worked example
      await page.selectOption('#pts-member', 'silver-bday');
      await page.waitForSelector('#panel-points .bar-label:text("生日月双倍积分")');
      assert.match(await page.locator('#parking-fee').innerText(), /¥/);
      assert.match(await page.locator('#panel-points').innerText(), /银卡会员/);
      await shot('points');
    });

    await t.test('finder: pinyin search, a route with steps, accessible mode, nearest restroom', async () => {
      await page.click('#tab-finder');
      await page.fill('#finder-search', 'xbk');
      await page.waitForSelector('#search-hits :text("星巴克")');
      await page.click('#search-hits li:first-child button');
      await page.waitForSelector('#route-steps li.arrive');
      const steps = await page.locator('#route-steps li').count();
      assert.ok(steps >= 3, `only ${steps} steps`);
      assert.ok(await page.locator('svg.map polyline.route').count() > 0, 'route drawn on the map');
      await page.selectOption('#finder-mode', 'accessible');
      await page.click('#finder-route');
      await page.waitForSelector('#panel-finder :text("无障碍路线")');
      await page.click('#finder-restroom');
      await page.waitForSelector('#nearest-out');
      await page.selectOption('#finder-mode', 'default');
      await page.click('#finder-route');
      await page.waitForSelector('#route-steps li.arrive');
      await shot('finder');
      // A destination closed at the chosen time is an issue with its code, not a blank panel.
      await page.fill('#finder-at', '2026-05-02T23:30');
      await page.click('#finder-route');
      await page.waitForSelector('#panel-finder .issues :text("ROUTE_DESTINATION_CLOSED")');
      await page.fill('#finder-at', '2026-05-02T14:00');
      await page.click('#finder-route');
      await page.waitForSelector('#route-steps li.arrive');
      // Another level drawn from the venue.
      await page.click('.levels button[data-level="L3"]');
      await page.waitForSelector('svg.map [data-place^="s-3-"]');
    });

    await t.test('English', async () => {
      await page.click('[data-locale="en"]');
      await page.waitForSelector('#tab-finder:has-text("Finder")');
      await page.click('#tab-returns');
      await page.waitForSelector('#ret-decision :text("Allowed resolutions")');
      await shot('returns-en');
      await page.click('#tab-validation');
      await page.waitForSelector('#out-idCard .issues');
      assert.match(await page.locator('#out-idCard').innerText(), /check/i);
      await page.click('[data-locale="zh-CN"]');
    });
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(errors, [], `errors in the page:\n${errors.join('\n')}`);
  console.log(`# demo: every tab clicked through; screenshots in ${path.relative(root, shots)}/demo-*.png`);
});
