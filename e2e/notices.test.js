// An extension and an information request, end to end in real headless Chromium under the
// Roskilde policy: a citizen writes through the web form with an e-mail address; a caseworker
// extends the deadline and asks for information on the inquiry page; both go through the outbox
// to the SMTP sink (scripts/smtp_sink.py), and the citizen's status page shows what is asked, by
// when, and the new date, in Danish and English, with an axe-core audit of every page state.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SHOTS, freshDatabase, start, newPage, audit } = require('./helpers');

const PASSWORD = 'korrekt hest batteri';
const REASON = 'vi venter på en udtalelse fra Byg og Miljø';
const ASKED = 'Et foto af skraldespanden, hvor den står.';
let db;
let env;
let token;

const WORDS = {
  da: {
    extended: /Fristen er forlænget\. Beskeden til borgeren er lagt i udbakken/,
    requested: /Anmodningen er lagt i udbakken/,
    heading: 'Det har vi brug for fra dig',
    by: /Svar senest/,
    moved: /Du hører fra os senest /,
  },
  en: {
    extended: /The deadline has been extended\. The message to the citizen is in the outbox/,
    requested: /The request is in the outbox/,
    heading: 'What we need from you',
    by: /Please reply by/,
    moved: /You will hear from us by /,
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

before(async () => {
  db = freshDatabase('roskilde');
  const out = db.run(['user', 'create', '--username', 'mette', '--role', 'caseworker', '--password-stdin'], `${PASSWORD}\n`);
  assert.match(out, /Created user "mette"/);
  token = db.run(['token', 'create', '--name', 'e2e', '--role', 'admin']).trim().split('\n').pop().trim();
  env = await start(db.common);
  await api('PUT', '/api/v1/caseworkers/mette', { name: 'Mette Hansen', phone: '46 31 30 00' });
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

/** A citizen writes through the form; returns { status, reference } (the status page's path). */
async function write(lang) {
  const page = await newPage(env.browser, lang);
  await page.goto(`${env.base}/skriv?lang=${lang}`);
  await page.fill('#subject', 'Affald');
  await page.fill('#message', 'Min skraldespand blev ikke tømt i går.');
  await page.fill('#name', 'Karen Jensen');
  await page.fill('#email', 'karen@example.dk');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const status = await page.getAttribute('a[href^="/status/"]', 'href');
  const reference = (await page.textContent('.reference')).trim();
  await page.context().close();
  return { status, reference };
}

/** A working day (a Monday, holidays aside) `weeks` from now, as YYYY-MM-DD. */
function monday(weeks) {
  const day = new Date(Date.now() + weeks * 7 * 86400000);
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}

/** The .eml files the SMTP sink has recorded. */
function received() {
  if (!fs.existsSync(env.mail)) return [];
  return fs.readdirSync(env.mail).filter((n) => n.endsWith('.eml'));
}

async function deliveredAll(id, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { outgoing } = await api('GET', `/api/v1/inquiries/${id}`);
    if (outgoing.length > 0 && outgoing.every((o) => o.state === 'sent')) return outgoing;
    assert.ok(Date.now() < deadline, `not delivered: ${JSON.stringify(outgoing)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const lang of ['da', 'en']) {
  test(`an extension and an information request reach the SMTP sink and the status page (${lang})`, async () => {
    const w = WORDS[lang];
    const { status, reference } = await write(lang);
    const { id } = await api('GET', `/api/v1/inquiries/by-reference/${reference}`);
    // The web form's confirmation e-mail goes first.
    await deliveredAll(id);
    const before = received().length;

    const page = await newPage(env.browser, lang, undefined, true);
    await page.goto(`${env.base}/login?lang=${lang}`);
    await page.fill('#username', 'mette');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    await page.goto(`${env.base}/sager/${id}`);
    await audit(page, `inquiry page with the request form (${lang})`);

    // A Monday well ahead is a working day unless it is a holiday; try the next few.
    let extended = false;
    for (let weeks = 6; weeks < 10 && !extended; weeks += 1) {
      await page.fill('#extend_date', monday(weeks));
      await page.fill('#extend_reason', REASON);
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/forlaeng"] button')]);
      extended = w.extended.test((await page.textContent('main')) || '');
    }
    assert.ok(extended, 'the deadline was extended and the page says the notice is queued');
    await audit(page, `extension queued (${lang})`);

    await page.fill('#request_text', ASKED);
    await page.fill('#request_date', monday(3));
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/afvent"] button')]);
    assert.match(await page.textContent('[role=status]'), w.requested);
    await audit(page, `information request queued (${lang})`);
    await page.context().close();

    const outgoing = await deliveredAll(id);
    assert.deepEqual(
      outgoing.map((o) => o.kind).sort(),
      ['extension_notice', 'information_request', 'status_link'],
    );
    const mails = received();
    assert.equal(mails.length, before + 2, `two messages reached the sink: ${mails}`);
    for (const name of mails.slice(before)) {
      assert.match(fs.readFileSync(path.join(env.mail, name), 'utf8'), /karen@example\.dk/);
    }

    const citizen = await newPage(env.browser, lang, undefined, true);
    await citizen.goto(`${env.base}${status}?lang=${lang}`);
    const main = await citizen.textContent('main');
    assert.match(await citizen.textContent('#request-heading'), new RegExp(w.heading));
    assert.ok(main.includes(ASKED), main);
    assert.match(main, w.by);
    assert.match(main, w.moved);
    assert.ok(main.includes(REASON), 'the extension and its reason');
    await audit(citizen, `status page with the request and the new date (${lang})`);
    await citizen.screenshot({ path: path.join(SHOTS, `status-request-${lang}.png`), fullPage: true });
    await citizen.context().close();
  });
}
