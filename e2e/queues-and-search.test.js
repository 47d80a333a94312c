// The queues and the search in real headless Chromium: a substitute's "Mine" with the open
// inquiries of the colleague they stand in for, marked as cover; the "Lukket" state filter;
// searching from the field in the header and opening a result, and a reference typed exactly
// going straight to its inquiry. Each page audited with axe-core, in Danish and English.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { freshDatabase, start, newPage, audit } = require('./helpers');

const PASSWORD = 'stedfortræder hele ugen';
let db;
let env;
let admin;
const refs = {};

async function api(method, path, body) {
  const res = await fetch(`${env.base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** An e-mail inquiry with this subject, assigned to `caseworker`; returns its reference. */
async function inquiry(subject, body, caseworker) {
  const created = await api('POST', '/inquiries', {
    channel: 'email', to: 'general', kind: 'general_question',
    received_at: new Date(Date.now() - 3600 * 1000).toISOString(),
    subject, body, sender: { name: 'Karen Østergaard', email: 'karen@example.dk' },
  });
  await api('POST', `/inquiries/${created.id}/events`, { type: 'assigned', caseworker });
  return { id: created.id, reference: created.reference };
}

before(async () => {
  db = freshDatabase();
  for (const user of ['mette', 'jonas']) {
    const out = db.run(['user', 'create', '--username', user, '--role', 'caseworker', '--password-stdin'], `${PASSWORD}\n`);
    assert.match(out, new RegExp(`Created user "${user}"`));
  }
  admin = db.run(['token', 'create', '--name', 'e2e-admin', '--role', 'admin']).trim().split('\n').pop().trim();
  env = await start(db.common);
  await api('PUT', '/caseworkers/jonas', { name: 'Jonas Berg' });
  const until = new Date(Date.now() + 14 * 86400 * 1000).toISOString().slice(0, 10);
  await api('PUT', '/caseworkers/mette', { name: 'Mette Hansen', absent: { until, substitute: 'jonas' } });
  refs.hers = await inquiry('Hegn mod naboen', 'Må jeg sætte et hegn op mod vejen?', 'mette');
  refs.his = await inquiry('Skiltning ved butikken', 'Vi ønsker et skilt.', 'jonas');
  refs.closed = await inquiry('Carport i haven', 'Skal en carport søges?', 'jonas');
  await api('POST', `/inquiries/${refs.closed.id}/events`, { type: 'closed', reason: 'duplicate' });
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

async function signIn(page) {
  await page.goto(`${env.base}/sager`);
  await page.fill('#username', 'jonas');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, '/sager');
}

for (const [lang, cover, closed] of [['da', 'Dækker for Mette Hansen', 'Lukket'], ['en', 'Covering for Mette Hansen', 'Closed']]) {
  test(`the substitute's Mine shows the absent colleague's open inquiries as cover (${lang})`, async () => {
    const page = await newPage(env.browser, lang, undefined, true);
    await signIn(page);
    await page.goto(`${env.base}/sager?lang=${lang}`);
    const table = await page.textContent('table.queue');
    assert.ok(table.includes(refs.hers.reference) && table.includes(refs.his.reference), table);
    assert.ok(!table.includes(refs.closed.reference), 'closed inquiries are not in Mine');
    const row = await page.textContent(`table.queue tr:has(a:text("${refs.hers.reference}"))`);
    assert.ok(row.includes(cover), row);
    const own = await page.textContent(`table.queue tr:has(a:text("${refs.his.reference}"))`);
    assert.ok(!own.includes(cover), 'his own inquiry is not marked');
    await audit(page, `the substitute's queue (${lang})`);
    await page.context().close();
  });

  test(`closed inquiries are shown under their own state filter (${lang})`, async () => {
    const page = await newPage(env.browser, lang, undefined, true);
    await signIn(page);
    await page.goto(`${env.base}/sager?vis=alle&lang=${lang}`);
    await page.selectOption('#filter-state', { label: closed });
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    assert.match(page.url(), /status=lukket/);
    const table = await page.textContent('table.queue');
    assert.ok(table.includes(refs.closed.reference), table);
    assert.ok(!table.includes(refs.hers.reference) && !table.includes(refs.his.reference));
    await audit(page, `the closed filter (${lang})`);
    await page.context().close();
  });

  test(`a search from the header finds an inquiry and opens it (${lang})`, async () => {
    const page = await newPage(env.browser, lang, undefined, true);
    await signIn(page);
    await page.goto(`${env.base}/skranke?lang=${lang}`);
    await page.fill('#site-search', 'hegn');
    await Promise.all([page.waitForNavigation(), page.press('#site-search', 'Enter')]);
    assert.equal(new URL(page.url()).pathname, '/soeg');
    const results = await page.textContent('table.queue');
    assert.ok(results.includes(refs.hers.reference), results);
    assert.ok(results.includes('Karen Østergaard'), 'the sender');
    await audit(page, `the search results (${lang})`);
    // Closed inquiries are found too; and nothing found says so.
    await page.fill('#search-q', 'carport');
    await Promise.all([page.waitForNavigation(), page.press('#search-q', 'Enter')]);
    assert.ok((await page.textContent('table.queue')).includes(refs.closed.reference));
    await page.fill('#search-q', 'drivhus');
    await Promise.all([page.waitForNavigation(), page.press('#search-q', 'Enter')]);
    assert.match(await page.textContent('[role=status]'), lang === 'da' ? /Ingen henvendelser passer/ : /No inquiries match/);
    await audit(page, `no results (${lang})`);
    // Opening a result, and a reference typed exactly going straight to its inquiry.
    await page.fill('#site-search', 'hegn');
    await Promise.all([page.waitForNavigation(), page.press('#site-search', 'Enter')]);
    await Promise.all([page.waitForNavigation(), page.click(`table.queue a:text("${refs.hers.reference}")`)]);
    assert.match(await page.textContent('h1'), new RegExp(refs.hers.reference));
    await page.fill('#site-search', refs.his.reference.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.press('#site-search', 'Enter')]);
    assert.equal(new URL(page.url()).pathname, `/sager/${refs.his.id}`);
    await page.context().close();
  });
}
