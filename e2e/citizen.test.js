// The citizen pages in real headless Chromium: a citizen writes and follows the inquiry, a
// form with a missing field keeps its input, every public page passes an axe-core audit
// (WCAG 2.1 A and AA) in Danish, English and German, and screenshots go to e2e/screenshots/.
//
// Builds nothing: it runs target/debug/frist (or $FRIST_BIN) with a temporary SQLite file
// (see helpers.js).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const helpers = require('./helpers');

const { SHOTS, audit } = helpers;

let server;
let browser;
let base;
let apiToken;
let tmp;

before(async () => {
  const db = helpers.freshDatabase('roskilde');
  tmp = db.tmp;
  // A caseworker's API token, to answer an inquiry so the status page shows the feedback form.
  const out = db.run(['token', 'create', '--name', 'e2e', '--role', 'caseworker']);
  apiToken = out.trim().split('\n').pop().trim();
  ({ base, server, browser } = await helpers.start(db.common));
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function newPage(lang = 'da', viewport = { width: 1280, height: 800 }, bypassCSP = false) {
  return helpers.newPage(browser, lang, viewport, bypassCSP);
}

async function fillForm(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    await page.fill(`#${name}`, value);
  }
}

const CITIZEN = {
  subject: 'Affald',
  message: 'Min skraldespand blev ikke tømt i går.\nKan I komme forbi?',
  name: 'Karen Jensen',
  email: 'karen@example.dk',
};

/** Submits the form and returns the status page's path. */
async function submit(page, fields = CITIZEN) {
  await page.goto(`${base}/skriv`);
  await fillForm(page, fields);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const href = await page.getAttribute('a[href^="/status/"]', 'href');
  assert.ok(href, 'the receipt links to the status page');
  return href;
}

async function api(method, urlPath, body) {
  const res = await fetch(`${base}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${urlPath}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Acknowledges, answers and closes the inquiry with this reference through the JSON API. */
async function answer(reference) {
  const inquiry = await api('GET', `/api/v1/inquiries/by-reference/${reference}`);
  const id = inquiry.id;
  await api('POST', `/api/v1/inquiries/${id}/messages`, {
    kind: 'acknowledgment', channel: 'email',
    body: 'Tak for din henvendelse. Mette Hansen behandler den, og du får svar senest 30. december 2026.',
    caseworker: 'Mette Hansen', contact: 'Mette Hansen, 46 31 30 00',
    next_step: 'Vi kontakter renovatøren.', expected_answer_date: '2026-12-30',
  });
  await api('POST', `/api/v1/inquiries/${id}/messages`, {
    kind: 'answer', channel: 'email',
    body: 'Renovatøren kommer forbi i morgen. Med venlig hilsen Mette Hansen, 46 31 30 00',
    caseworker: 'Mette Hansen', contact: 'Mette Hansen, 46 31 30 00',
  });
  await delivered(id);
  // Satisfaction is asked once the inquiry is closed (SKA-9).
  await api('POST', `/api/v1/inquiries/${id}/events`, { type: 'closed', reason: 'answered' });
}

/** Waits until the outbox has delivered every message of inquiry `id` (to the SMTP sink). */
async function delivered(id, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { outgoing } = await api('GET', `/api/v1/inquiries/${id}`);
    if (outgoing.length > 0 && outgoing.every((o) => o.state === 'sent')) return;
    assert.ok(Date.now() < deadline, `not delivered: ${JSON.stringify(outgoing)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a citizen submits the form and opens the status page', async () => {
  const page = await newPage();
  const status = await submit(page);
  const reference = (await page.textContent('.reference')).trim();
  assert.match(reference, /^ROS-\d{4}-\d+$/);
  await page.click('a[href^="/status/"]');
  assert.equal(new URL(page.url()).pathname, status);
  assert.equal((await page.textContent('dd.reference')).trim(), reference);
  assert.match(await page.textContent('main'), /Affald/);
  await page.context().close();
});

test('a form with a missing field keeps what was typed and names the problem', async () => {
  const page = await newPage();
  await page.goto(`${base}/skriv`);
  await fillForm(page, { ...CITIZEN, name: '' });
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  assert.equal(await page.inputValue('#subject'), CITIZEN.subject);
  assert.equal(await page.inputValue('#message'), CITIZEN.message);
  assert.equal(await page.inputValue('#email'), CITIZEN.email);
  assert.match(await page.textContent('.error-summary'), /Skriv dit navn/);
  assert.equal(await page.getAttribute('#name', 'aria-invalid'), 'true');
  await page.click('.error-summary a[href="#name"]');
  await page.context().close();
});

test('the citizen rates the service once the inquiry is answered', async () => {
  const page = await newPage();
  const status = await submit(page);
  const reference = (await page.textContent('.reference')).trim();
  await answer(reference);
  await page.goto(`${base}${status}`);
  assert.match(await page.textContent('main'), /Mette Hansen/);
  assert.match(await page.textContent('main'), /30\. december 2026/);
  await page.check('#score-4');
  await page.fill('#comment', 'Hurtigt og venligt svar.');
  await Promise.all([page.waitForNavigation(), page.click('.feedback button[type=submit]')]);
  assert.match(await page.textContent('main'), /Tak for din vurdering/);
  await page.context().close();
});

test('every public page passes axe (WCAG 2.1 A/AA) in Danish, English and German', async () => {
  const audited = [];
  for (const lang of ['da', 'en', 'de']) {
    const page = await newPage(lang, undefined, true);
    const go = async (p) => page.goto(`${base}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
    for (const p of ['/', '/forventninger', '/skriv', '/tilgaengelighed', '/privatliv', '/status/ukendt', '/findes-ikke']) {
      await go(p);
      await audit(page, `${p} (${lang})`);
      audited.push(`${p} ${lang}`);
    }
    // The form with errors.
    await go('/skriv');
    await fillForm(page, { ...CITIZEN, name: '', email: 'not-an-address' });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await audit(page, `/skriv with errors (${lang})`);
    audited.push(`/skriv-errors ${lang}`);
    // The receipt, the new status page, and the answered one with the feedback form.
    const status = await submit(page);
    await audit(page, `receipt (${lang})`);
    audited.push(`receipt ${lang}`);
    const reference = (await page.textContent('.reference')).trim();
    await page.goto(`${base}${status}`);
    await audit(page, `status (${lang})`);
    audited.push(`status ${lang}`);
    await answer(reference);
    await page.goto(`${base}${status}`);
    await audit(page, `answered status with feedback form (${lang})`);
    audited.push(`status-answered ${lang}`);
    await page.click('.feedback button[type=submit]');
    await page.waitForSelector('.error-summary');
    await audit(page, `feedback with errors (${lang})`);
    audited.push(`feedback-errors ${lang}`);
    await page.context().close();
  }
  console.log(`axe: ${audited.length} page views audited, 0 violations: ${audited.join(', ')}`);
});

test('screenshots of the form and the status page, desktop and phone', async () => {
  const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
  for (const [name, viewport] of Object.entries(sizes)) {
    const page = await newPage('da', viewport);
    await page.goto(`${base}/`);
    await page.screenshot({ path: path.join(SHOTS, `front-${name}.png`), fullPage: true });
    await page.goto(`${base}/skriv`);
    await page.screenshot({ path: path.join(SHOTS, `form-${name}.png`), fullPage: true });
    await fillForm(page, { ...CITIZEN, name: '' });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.screenshot({ path: path.join(SHOTS, `form-errors-${name}.png`), fullPage: true });
    const status = await submit(page);
    await page.screenshot({ path: path.join(SHOTS, `receipt-${name}.png`), fullPage: true });
    const reference = (await page.textContent('.reference')).trim();
    await answer(reference);
    await page.goto(`${base}${status}`);
    await page.screenshot({ path: path.join(SHOTS, `status-${name}.png`), fullPage: true });
    await page.context().close();
  }
});

test('German pages: the switcher offers three languages, and screenshots of the form and status page', async () => {
  const page = await newPage('de');
  await page.goto(`${base}/skriv`);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.match(await page.textContent('h1'), /Schreiben Sie der Gemeinde/);
  const langs = await page.$$eval('.lang-switch a', (as) => as.map((a) => [a.lang, a.textContent.trim(), a.getAttribute('aria-current')]));
  assert.deepEqual(langs, [['da', 'Dansk', null], ['en', 'English', null], ['de', 'Deutsch', 'true']]);
  await page.screenshot({ path: path.join(SHOTS, 'form-de.png'), fullPage: true });
  const status = await submit(page);
  const reference = (await page.textContent('.reference')).trim();
  await answer(reference);
  await page.goto(`${base}${status}`);
  assert.match(await page.textContent('main'), /Stand Ihres Anliegens/);
  await page.screenshot({ path: path.join(SHOTS, 'status-de.png'), fullPage: true });
  await page.goto(`${base}/forventninger`);
  assert.match(await page.textContent('main'), /Arbeitstag/);
  await page.screenshot({ path: path.join(SHOTS, 'goals-de.png'), fullPage: true });
  await page.context().close();
});
