// The promise actions on the inquiry page in real headless Chromium, under the Høje-Taastrup
// policy (phone messages carry a 2-working-day callback deadline, HTK-7): a call back that did
// not reach the citizen, then one that did; "Næste sag" after it; an unclassified e-mail that
// asks what it is about and is classified; a closed inquiry without the reply form, reopened with
// a reason. In Danish and English (the staff language switch), with an axe-core audit of every
// page state.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SHOTS, freshDatabase, start, newPage, audit } = require('./helpers');

const PASSWORD = 'korrekt hest batteri';
let db;
let env;
let token;

// What each language's pages say, as far as these tests look.
const WORDS = {
  da: {
    attempted: /Forsøget er registreret/,
    attemptInTimeline: /Forsøgt ringet op \(borgeren blev ikke truffet\)/,
    noAnswer: /Nej, der blev ikke taget telefonen/,
    completed: /fristen for at ringe tilbage er overholdt/,
    next: /^Næste sag: /,
    ask: 'Hvad drejer henvendelsen sig om?',
    reclassified: /Klassificeringen er gemt/,
    reclassifiedInTimeline: /Omklassificeret/,
    closedHeading: 'Lukket',
    reopenRefused: /Skriv, hvorfor henvendelsen genåbnes\./,
    reopened: /Henvendelsen er genåbnet\./,
  },
  en: {
    attempted: /The attempt is recorded/,
    attemptInTimeline: /Tried to call back \(the citizen was not reached\)/,
    noAnswer: /No, nobody answered/,
    completed: /the callback deadline is met/,
    next: /^Next inquiry: /,
    ask: 'What is the inquiry about?',
    reclassified: /The classification is saved/,
    reclassifiedInTimeline: /Reclassified/,
    closedHeading: 'Closed',
    reopenRefused: /Write why the inquiry is reopened\./,
    reopened: /The inquiry is reopened\./,
  },
};

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

/** An inquiry received a minute ago and assigned to mette; returns its id. */
async function mine(fields) {
  const created = await api('POST', '/api/v1/inquiries', {
    to: 'general', received_at: new Date(Date.now() - 60000).toISOString(), ...fields,
  });
  await api('POST', `/api/v1/inquiries/${created.id}/events`, { type: 'assigned', caseworker: 'mette' });
  return created.id;
}

before(async () => {
  db = freshDatabase('hoeje-taastrup');
  const out = db.run(['user', 'create', '--username', 'mette', '--role', 'caseworker', '--password-stdin'], `${PASSWORD}\n`);
  assert.match(out, /Created user "mette"/);
  token = db.run(['token', 'create', '--name', 'e2e', '--role', 'admin']).trim().split('\n').pop().trim();
  env = await start(db.common);
  await api('PUT', '/api/v1/caseworkers/mette', { name: 'Mette Hansen', phone: '43 59 10 00' });
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

/** Signs in with the staff pages in `lang` (the switch: `?lang=` sets the language cookie). */
async function signIn(lang) {
  const page = await newPage(env.browser, lang, undefined, true);
  await page.goto(`${env.base}/login?lang=${lang}`);
  await page.fill('#username', 'mette');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  return page;
}

async function submit(page, action) {
  await Promise.all([page.waitForNavigation(), page.click(`form[action$="/${action}"] button[type=submit]`)]);
}

for (const lang of ['da', 'en']) {
  const w = WORDS[lang];

  test(`a call back not reached, then reached, then "next inquiry" (${lang})`, async () => {
    const phone = await mine({
      channel: 'phone', kind: 'general_question', subject: `Ring tilbage (${lang})`,
      body: 'Vil gerne ringes op om affald.', sender: { name: 'Karen Jensen', phone: '+45 20 30 40 50' },
    });
    await mine({
      channel: 'email', kind: 'general_question', subject: `Næste (${lang})`, body: 'Et spørgsmål.',
      sender: { name: 'Ole Berg', email: 'ole@example.dk' },
    });
    const page = await signIn(lang);
    await page.goto(`${env.base}/sager/${phone}`);
    await audit(page, `/sager/{id} with a callback deadline (${lang})`);
    await page.check('#callback-no_answer');
    await submit(page, 'ringet');
    assert.match(await page.textContent('[role=status]'), w.attempted);
    const timeline = await page.textContent('.timeline');
    assert.match(timeline, w.attemptInTimeline);
    assert.match(timeline, w.noAnswer);
    assert.ok(await page.isVisible('#callback-reached'), 'the callback is still open');
    await audit(page, `/sager/{id} after a call back attempt (${lang})`);
    await page.check('#callback-reached');
    await page.fill('#callback_summary', 'Forklarede reglerne for storskrald.');
    await submit(page, 'ringet');
    assert.match(await page.textContent('[role=status]'), w.completed);
    assert.match(await page.textContent('.timeline'), /Forklarede reglerne for storskrald\./);
    assert.equal(await page.isVisible('#callback-reached'), false, 'nothing left to call back');
    const next = page.locator('.next-inquiry a');
    assert.match(await next.textContent(), w.next);
    await audit(page, `/sager/{id} after a completed call back, with "next inquiry" (${lang})`);
    if (lang === 'da') await page.screenshot({ path: path.join(SHOTS, 'inquiry-callback-next.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), next.click()]);
    const landed = Number(new URL(page.url()).pathname.split('/').pop());
    assert.ok(Number.isInteger(landed) && landed !== phone, `another inquiry: ${page.url()}`);
    assert.match(await page.textContent('h1'), /HTK-/);
    await page.context().close();
  });

  test(`an unclassified e-mail asks what it is about and is classified (${lang})`, async () => {
    const email = await mine({
      channel: 'email', kind: 'other', subject: `Uklassificeret (${lang})`, body: 'Hvornår hentes haveaffald?',
      sender: { name: 'Karen Jensen', email: 'karen@example.dk' },
    });
    const page = await signIn(lang);
    await page.goto(`${env.base}/sager/${email}`);
    assert.equal((await page.textContent('#ask-heading')).trim(), w.ask);
    await audit(page, `/sager/{id} asking what it is about (${lang})`);
    if (lang === 'da') await page.screenshot({ path: path.join(SHOTS, 'inquiry-ask-kind.png'), fullPage: true });
    await page.selectOption('#classify_kind', 'general_question');
    await submit(page, 'klassificer');
    assert.match(await page.textContent('[role=status]'), w.reclassified);
    assert.match(await page.textContent('.timeline'), w.reclassifiedInTimeline);
    assert.equal(await page.locator('#ask-heading').count(), 0, 'asked once');
    assert.equal(await page.inputValue('#classify_kind'), 'general_question');
    await audit(page, `/sager/{id} after classifying (${lang})`);
    await page.context().close();
  });

  test(`a closed inquiry has no reply form and is reopened with a reason (${lang})`, async () => {
    const email = await mine({
      channel: 'email', kind: 'general_question', subject: `Lukkes (${lang})`, body: 'Køb billige ure!',
      sender: { name: 'Ukendt', email: 'spam@example.com' },
    });
    const page = await signIn(lang);
    await page.goto(`${env.base}/sager/${email}`);
    await page.selectOption('#close_reason', 'spam');
    await submit(page, 'luk');
    assert.equal((await page.textContent('#reply-heading')).trim(), w.closedHeading);
    assert.equal(await page.locator('form[action$="/besked"]').count(), 0, 'no reply form');
    assert.equal(await page.locator('form[action$="/overdrag"], form[action$="/luk"]').count(), 0);
    await audit(page, `/sager/{id} closed (${lang})`);
    if (lang === 'da') await page.screenshot({ path: path.join(SHOTS, 'inquiry-closed.png'), fullPage: true });
    await submit(page, 'genaabn');
    assert.match(await page.textContent('#refusal'), w.reopenRefused);
    await audit(page, `/sager/{id} reopen refused without a reason (${lang})`);
    await page.fill('#reopen_reason', 'Ikke spam: borgeren ringede og forklarede.');
    await submit(page, 'genaabn');
    assert.match(await page.textContent('[role=status]'), w.reopened);
    assert.match(await page.textContent('.timeline'), /Ikke spam: borgeren ringede og forklarede\./);
    assert.equal(await page.locator('form[action$="/besked"]').count(), 1, 'the reply form is back');
    await audit(page, `/sager/{id} reopened (${lang})`);
    await page.context().close();
  });
}
