// Notices to staff in real headless Chromium: a caseworker with an inquiry due today sees the
// count in the navigation, finds the scheduler's warning and digest on /notifikationer with a
// link to the inquiry, turns the daily digest off (and a pass then queues no digest for them),
// and axe finds nothing on the page.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const helpers = require('./helpers');

const { freshDatabase, start, newPage, audit } = helpers;

const PASSWORD = 'korrekt hest batteri';
let db;
let env;
let token;

async function api(method, url, body) {
  const res = await fetch(`${env.base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// A working-day instant well within opening hours, today or the next working day: the pass
// runs there, and the inquiry received two weeks before it is overdue or close.
function nextWorkingMorning() {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(9, 0, 0, 0);
  return d;
}

before(async () => {
  db = freshDatabase('roskilde');
  db.run(['user', 'create', '--username', 'mette', '--role', 'caseworker', '--password-stdin'], `${PASSWORD}\n`);
  token = db.run(['token', 'create', '--name', 'e2e', '--role', 'admin']).trim().split('\n').pop().trim();
  env = await start(db.common);
  await api('PUT', '/api/v1/units/borgerservice', { name: 'Borgerservice', email: 'borgerservice@roskilde.example' });
  await api('PUT', '/api/v1/caseworkers/mette', {
    name: 'Mette Hansen', unit: 'borgerservice', email: 'mette@roskilde.example',
  });
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

test('a caseworker finds her counts, her notices and the digest switch', async () => {
  const morning = nextWorkingMorning();
  const received = new Date(morning.getTime() - 14 * 24 * 3600 * 1000);
  const created = await api('POST', '/api/v1/inquiries', {
    channel: 'email', to: 'general', kind: 'general_question',
    received_at: received.toISOString(), unit: 'borgerservice', caseworker: 'mette',
    subject: 'Affaldsspand', body: 'Hvornår kommer den nye spand?',
    sender: { name: 'Karen Jensen', email: 'karen@example.dk' },
  });
  const pass = db.run(['scheduler', 'run', '--once', '--now', morning.toISOString()]);
  assert.match(pass, /queued \d+ warnings, \d+ escalations, 1 digests/);

  // axe is injected as a script: the page's CSP is bypassed for the audit only.
  const page = await newPage(env.browser, 'da', undefined, true);
  await page.goto(`${env.base}/notifikationer`);
  await page.fill('#username', 'mette');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/notifikationer');

  // The navigation says how many of hers are due today and overdue, in words for a screen reader.
  const spoken = await page.textContent('nav .visually-hidden');
  assert.match(spoken, /Mine sager: \d+ forfalder i dag, \d+ overskredet/);

  // The digest and the notice about her inquiry, each with a link.
  const rows = await page.$$eval('main tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes('Dagligt overblik')), rows.join('\n'));
  const reference = created.reference;
  const about = page.locator('main tbody a', { hasText: reference });
  assert.ok((await about.count()) >= 1, rows.join('\n'));
  await audit(page, 'notifications');
  // For a person to look at (e2e/screenshots is not tracked).
  fs.mkdirSync(helpers.SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(helpers.SHOTS, 'notifications.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), about.first().click()]);
  assert.equal(new URL(page.url()).pathname, `/sager/${created.id}`);

  // Turning the digest off: the page says so, and the next working day's pass queues none.
  await page.goto(`${env.base}/notifikationer`);
  assert.ok(await page.isChecked('#digest'));
  await page.uncheck('#digest');
  await Promise.all([page.waitForNavigation(), page.click('aside button[type=submit]')]);
  assert.match(await page.textContent('[role=status]'), /ikke længere et dagligt overblik/);
  assert.equal(await page.isChecked('#digest'), false);
  await audit(page, 'notifications, digest off');
  const later = new Date(morning);
  do later.setUTCDate(later.getUTCDate() + 1); while ([0, 6].includes(later.getUTCDay()));
  const next = db.run(['scheduler', 'run', '--once', '--now', later.toISOString()]);
  assert.match(next, / 0 digests/);
  await page.close();
});
