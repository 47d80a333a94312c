// The staff pages in real headless Chromium: a caseworker account made with `frist user
// create`, signing in through the form, the queue, an inquiry written through the citizen form,
// an acknowledgment sent with the pre-filled template and seen on the citizen's status page, a
// decision stopped for lack of complaint guidance, an axe-core audit of the staff pages in
// Danish and English, and screenshots of the queue and the inquiry page.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SHOTS, freshDatabase, start, newPage, audit, waitForText } = require('./helpers');

const PASSWORD = 'korrekt hest batteri';
// The reply form's button; the inquiry page has other forms (note, close, …) beside it.
const SEND = 'form[action$="/besked"] button[type=submit]';
let db;
let env;
let admin;

before(async () => {
  db = freshDatabase();
  const out = db.run(['user', 'create', '--username', 'mette', '--role', 'caseworker', '--password-stdin'], `${PASSWORD}\n`);
  assert.match(out, /Created user "mette"/);
  admin = db.run(['token', 'create', '--name', 'e2e-admin', '--role', 'admin']).trim().split('\n').pop().trim();
  env = await start(db.common);
  const res = await fetch(`${env.base}/api/v1/caseworkers/mette`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Mette Hansen', phone: '46 31 30 00' }),
  });
  assert.ok(res.ok, `caseworker: ${res.status} ${await res.text()}`);
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

/** A citizen writes through the form; returns { reference, status } (the status page's path). */
async function citizenWrites(subject = 'Affald', message = 'Min skraldespand blev ikke tømt i går.', cpr = '') {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/skriv`);
  await page.fill('#subject', subject);
  await page.fill('#message', message);
  await page.fill('#name', 'Karen Jensen');
  await page.fill('#email', 'karen@example.dk');
  if (cpr) await page.fill('#cpr', cpr);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const reference = (await page.textContent('.reference')).trim();
  const status = await page.getAttribute('a[href^="/status/"]', 'href');
  await page.context().close();
  return { reference, status };
}

/** Waits until the SMTP sink holds `n` messages (each delivery is asynchronous); their names. */
async function waitForMails(n, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const mails = fs.existsSync(env.mail)
      ? fs.readdirSync(env.mail).filter((f) => f.endsWith('.eml'))
      : [];
    if (mails.length >= n) {
      assert.equal(mails.length, n, `${n} e-mails at the SMTP server`);
      return mails;
    }
    assert.ok(Date.now() < deadline, `only ${mails.length} e-mails at the SMTP server`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(page, next = '/sager') {
  await page.goto(`${env.base}${next}`);
  assert.match(new URL(page.url()).pathname, /^\/login$/, 'staff pages need a session');
  await page.fill('#username', 'mette');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

/** Opens the inquiry with this reference from the queue's "Alle" tab. */
async function openFromQueue(page, reference) {
  await page.goto(`${env.base}/sager?vis=alle`);
  await Promise.all([page.waitForNavigation(), page.click(`table.queue a:text("${reference}")`)]);
}

test('a caseworker acknowledges with the template and the citizen sees name and date', async () => {
  const { reference, status } = await citizenWrites();
  const page = await newPage(env.browser);
  await signIn(page);
  assert.equal(new URL(page.url()).pathname, '/sager');
  await openFromQueue(page, reference);
  assert.match(await page.textContent('h1'), new RegExp(reference));
  assert.equal(await page.inputValue('#caseworker'), 'mette', 'signed by the user, from the directory');
  assert.match(await page.inputValue('#body'), /Venlig hilsen\nMette Hansen/, 'with a signature');
  const expected = await page.inputValue('#expected');
  assert.match(expected, /^\d{4}-\d{2}-\d{2}$/, 'the expected date is pre-filled');
  assert.equal(await page.inputValue('#kind'), 'acknowledgment');
  // Switching the kind replaces the text nobody has edited, and keeps a text that was edited.
  const acknowledgment = await page.inputValue('#body');
  await page.selectOption('#kind', 'decision');
  assert.match(await page.inputValue('#body'), /har truffet denne afgørelse/);
  assert.equal(await page.inputValue('#expected'), '', 'a decision promises no answer date');
  await page.selectOption('#kind', 'acknowledgment');
  assert.equal(await page.inputValue('#body'), acknowledgment);
  assert.equal(await page.inputValue('#expected'), expected);
  await page.fill('#next_step', 'Vi ringer til dig i morgen.');
  await page.selectOption('#kind', 'answer');
  assert.equal(await page.inputValue('#next_step'), 'Vi ringer til dig i morgen.', 'an edit is kept');
  await page.selectOption('#kind', 'acknowledgment');
  assert.equal(await page.inputValue('#body'), acknowledgment);
  await Promise.all([page.waitForNavigation(), page.click(SEND)]);
  // By e-mail: through the outbox to the SMTP server, then on the inquiry.
  assert.match(await page.textContent('[role=status]'), /lagt i udbakken/);
  await waitForText(page, '.timeline', /Besked sendt/);
  // The web form's confirmation and the acknowledgment, each about this inquiry.
  const mails = await waitForMails(2);
  for (const name of mails) {
    const mail = fs.readFileSync(path.join(env.mail, name), 'utf8');
    assert.match(mail, new RegExp(`${reference}`), 'the reference is in the e-mail');
  }
  await page.goto(`${env.base}${status}`);
  const main = await page.textContent('main');
  assert.match(main, /Mette Hansen/);
  const [y, m, d] = expected.split('-').map(Number);
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  assert.match(main, new RegExp(`${d}\\. ${months[m - 1]} ${y}`));
  await page.context().close();
});

test('an appealable decision without complaint guidance is stopped with an explanation', async () => {
  const { reference } = await citizenWrites('Tilladelse');
  const page = await newPage(env.browser);
  await signIn(page);
  await openFromQueue(page, reference);
  await page.selectOption('#kind', 'decision');
  await page.fill('#body', 'Du får ikke tilladelse.');
  await page.check('#appealable');
  await Promise.all([page.waitForNavigation(), page.click(SEND)]);
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /Beskeden er ikke sendt/);
  assert.match(summary, /klagevejledning/i);
  assert.match(summary, /FVL-25/);
  assert.equal(await page.inputValue('#body'), 'Du får ikke tilladelse.');
  assert.equal(await page.isChecked('#appealable'), true);
  await page.context().close();
});

test('a reply to an inquiry with a CPR number cannot go by e-mail, only by Digital Post', async () => {
  const { reference } = await citizenWrites('Boligstøtte', 'Mit CPR-nummer er 010190-1234. Hvornår får jeg svar?', '010190-1234');
  const page = await newPage(env.browser);
  await signIn(page);
  await openFromQueue(page, reference);
  assert.equal(await page.inputValue('#channel'), 'digital_post', 'Digital Post is pre-selected');
  await page.selectOption('#channel', 'email');
  await Promise.all([page.waitForNavigation(), page.click(SEND)]);
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /Beskeden er ikke sendt/);
  assert.match(summary, /CPR-nummer/);
  assert.match(summary, /Digital Post/);
  assert.equal(await page.inputValue('#channel'), 'email', 'what was chosen is kept');
  await page.selectOption('#channel', 'digital_post');
  await Promise.all([page.waitForNavigation(), page.click(SEND)]);
  assert.match(await page.textContent('[role=status]'), /lagt i udbakken/);
  await waitForText(page, '.timeline', /Besked sendt/);
  await page.context().close();
});

test('a letter to a sender without a postal address is refused in Danish, naming what is missing', async () => {
  const res = await fetch(`${env.base}/api/v1/inquiries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'letter', kind: 'general_question', received_at: new Date().toISOString(),
      subject: 'Brev om vejbump', body: 'Jeg skriver om vejbumpet.', sender: { name: 'Ole Olsen' },
    }),
  });
  const created = await res.text();
  assert.equal(res.status, 201, created);
  const { reference } = JSON.parse(created);
  const page = await newPage(env.browser, 'da', undefined, true);
  await signIn(page);
  await openFromQueue(page, reference);
  await page.selectOption('#channel', 'letter');
  await Promise.all([page.waitForNavigation(), page.click(SEND)]);
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /Brevet kan ikke sendes: der er ingen postadresse på afsenderen/);
  assert.doesNotMatch(await page.textContent('main'), /Udgående beskeder/, 'nothing was queued');
  await audit(page, 'inquiry with a letter refused (da)');
  await page.context().close();
});

test('the staff pages pass axe (WCAG 2.1 A/AA) in Danish and English', async () => {
  const { reference } = await citizenWrites('Tilgængelighed');
  const audited = [];
  for (const lang of ['da', 'en']) {
    const page = await newPage(env.browser, lang, undefined, true);
    await page.goto(`${env.base}/login?lang=${lang}`);
    await audit(page, `/login (${lang})`);
    await page.fill('#username', 'mette');
    await page.fill('#password', 'forkert');
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    await audit(page, `/login failed (${lang})`);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    await page.goto(`${env.base}/sager?vis=alle`);
    await audit(page, `/sager (${lang})`);
    await openFromQueue(page, reference);
    await audit(page, `/sager/{id} (${lang})`);
    await page.selectOption('#kind', 'decision');
    await page.check('#appealable');
    await page.fill('#expected', 'ikke en dato');
    await Promise.all([page.waitForNavigation(), page.click(SEND)]);
    await audit(page, `/sager/{id} with field errors (${lang})`);
    await page.fill('#expected', '');
    await Promise.all([page.waitForNavigation(), page.click(SEND)]);
    assert.ok(await page.isVisible('.error-summary'));
    await audit(page, `/sager/{id} with rule violations (${lang})`);
    await page.fill('#note_text', 'Ringet op, venter på bilag.');
    await page.check('#note_visible');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/note"] button[type=submit]')]);
    assert.match(await page.textContent('.timeline'), /Ringet op, venter på bilag\./);
    await audit(page, `/sager/{id} after a note (${lang})`);
    await page.selectOption('#close_reason', 'answered');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/luk"] button[type=submit]')]);
    assert.ok(await page.isVisible('#refusal'), 'closing as answered without an answer is refused');
    await audit(page, `/sager/{id} with a refused close (${lang})`);
    audited.push(`login, login-failed, queue, inquiry, inquiry-errors, inquiry-violations, inquiry-note, inquiry-close-refused (${lang})`);
    await page.context().close();
  }
  console.log(`axe: staff pages audited, 0 violations: ${audited.join('; ')}`);
});

test('screenshots of the queue and the inquiry page, desktop and phone', async () => {
  const { reference } = await citizenWrites('Skærmbillede');
  const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
  for (const [name, viewport] of Object.entries(sizes)) {
    const page = await newPage(env.browser, 'da', viewport);
    await signIn(page);
    await page.goto(`${env.base}/sager?vis=alle`);
    await page.screenshot({ path: path.join(SHOTS, `queue-${name}.png`), fullPage: true });
    await openFromQueue(page, reference);
    await page.screenshot({ path: path.join(SHOTS, `inquiry-${name}.png`), fullPage: true });
    await page.selectOption('#kind', 'decision');
    await page.check('#appealable');
    await Promise.all([page.waitForNavigation(), page.click(SEND)]);
    await page.screenshot({ path: path.join(SHOTS, `inquiry-refused-${name}.png`), fullPage: true });
    await page.context().close();
  }
});
