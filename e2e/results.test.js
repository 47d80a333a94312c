// The public results page in real headless Chromium, without signing in: /resultater in Danish,
// English and German (axe finds nothing), its figures equal to /resultater.json, the CSV and
// `frist report` for the same period, and screenshots at 1280×800 and 390×844 to look at.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const helpers = require('./helpers');

const { freshDatabase, start, newPage, audit } = helpers;
let db;
let env;

before(async () => {
  db = freshDatabase('roskilde');
  // Inquiries over the last 90 days with plausible, sometimes late, outcomes.
  db.run(['demo', '--inquiries', '600', '--days', '90', '--seed', '4']);
  env = await start(db.common);
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

const COUNTS = ['total', 'met', 'met_late', 'breached', 'pending', 'waived'];

function csvRows(text) {
  const [header, ...lines] = text.trim().split('\r\n');
  const names = header.split(',');
  return lines.map((line) => {
    // Only the name column is ever quoted; it may hold commas.
    const cells = [];
    let rest = line;
    while (rest.length) {
      if (rest.startsWith('"')) {
        const end = rest.indexOf('",', 1) === -1 ? rest.length - 1 : rest.indexOf('",', 1);
        cells.push(rest.slice(1, end).replaceAll('""', '"'));
        rest = rest.slice(end + 2);
      } else {
        const comma = rest.indexOf(',');
        cells.push(comma === -1 ? rest : rest.slice(0, comma));
        rest = comma === -1 ? '' : rest.slice(comma + 1);
      }
    }
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

test('the results are public, agree with the files and the report, and pass axe in three languages', async () => {
  const res = await fetch(`${env.base}/resultater.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /application\/json/);
  const data = await res.json();
  assert.equal(data.schema_version, 1);
  assert.ok(data.goals.length > 0, 'the demo has deadlines in the period');
  assert.equal(data.months.length, 12);

  // The CSV says the same.
  const csv = await (await fetch(`${env.base}/resultater.csv`)).text();
  const rows = csvRows(csv);
  for (const g of data.goals) {
    const r = rows.find((x) => x.section === 'goal' && x.group === g.group);
    assert.ok(r, `goal ${g.group} in the CSV`);
    for (const k of COUNTS) assert.equal(Number(r[k]), g[k], `${g.group} ${k}`);
    assert.equal(r.name, g.promise);
  }
  assert.equal(rows.filter((x) => x.section === 'month').length, 12);

  // And `frist report` for the same period.
  const report = JSON.parse(db.run(['report', '--from', data.from, '--to', data.to, '--group-by', 'goal', '--format', 'json']));
  assert.deepEqual(
    report.map((r) => [r.group, ...COUNTS.map((k) => r[k])]),
    data.goals.map((g) => [g.group, ...COUNTS.map((k) => g[k])]),
  );

  for (const lang of ['da', 'en', 'de']) {
    const page = await newPage(env.browser, lang, undefined, true);
    const response = await page.goto(`${env.base}/resultater`);
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/resultater', 'no sign-in');
    const heading = await page.textContent('h1');
    assert.equal(heading.trim(), { da: 'Sådan holder vi vores løfter', en: 'How we keep our promises', de: 'So halten wir unsere Versprechen' }[lang]);
    // The first goal's row: decided deadlines = met + late + missed, as in the JSON.
    const g = data.goals[0];
    const cells = await page.$$eval('#goals-heading ~ div tbody tr:first-child td', (tds) => tds.map((td) => td.textContent.trim()));
    assert.equal(Number(cells[0]), g.met + g.met_late + g.breached, `${lang}: ${cells}`);
    assert.equal(Number(cells[1]), g.met);
    await audit(page, `results (${lang})`);
    if (lang === 'da') {
      for (const [w, h, name] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: path.join(helpers.SHOTS, `results-${name}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page fits ${w} px (tables scroll inside their region): ${overflow}`);
      }
      // The goals page links here.
      await page.goto(`${env.base}/forventninger`);
      await Promise.all([page.waitForNavigation(), page.click('a[href="/resultater"]')]);
      assert.equal(new URL(page.url()).pathname, '/resultater');
    }
    await page.close();
  }
});
