// Status links end to end in real headless Chromium under the Roskilde policy: a citizen writes
// through the web form with an e-mail address; the receipt says when to expect an answer and
// that the link is on its way by e-mail; the one confirmation e-mail reaches the SMTP sink
// (scripts/smtp_sink.py) with the same link, which opens the status page. "Har du mistet dit
// link?" sends a new link and the old one stops working. axe-core audits every page state, in
// Danish, English and German.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SHOTS, freshDatabase, start, newPage, audit } = require('./helpers');

let db;
let env;

const WORDS = {
  da: {
    expected: /Du kan forvente svar senest \d+\. \w+ \d{4}\./,
    emailed: 'Vi sender også linket til karen@example.dk',
    follow: 'Følg din henvendelse her: ',
    lost: 'Har du mistet linket til din henvendelse?',
    error: 'Skriv referencenummeret',
    done: 'Hvis referencenummeret og e-mailadressen passer',
    newLink: 'Du har bedt om et nyt link',
  },
  en: {
    expected: /You can expect an answer by \d+ \w+ \d{4}\./,
    emailed: 'We are also sending the link to karen@example.dk',
    follow: 'Follow your inquiry here: ',
    lost: 'Have you lost the link to your inquiry?',
    error: 'Enter the reference number',
    done: 'If the reference number and the e-mail address match',
    newLink: 'You asked for a new link',
  },
  de: {
    expected: /Sie erhalten eine Antwort spätestens am \d+\. \w+ \d{4}\./,
    emailed: 'Wir senden den Link auch an karen@example.dk',
    follow: 'Verfolgen Sie Ihr Anliegen hier: ',
    lost: 'Haben Sie den Link zu Ihrem Anliegen verloren?',
    error: 'Geben Sie die Referenznummer',
    done: 'Wenn die Referenznummer und die E-Mail-Adresse',
    newLink: 'Sie haben einen neuen Link',
  },
};

before(async () => {
  db = freshDatabase('roskilde');
  env = await start(db.common);
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

/** The text of a single-part e-mail as the citizen reads it (quoted-printable or base64). */
function mailText(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = ((head.match(/^Content-Transfer-Encoding:\s*(\S+)/im) || [])[1] || '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Waits until the sink holds more than `seen` messages; the texts of the new ones. */
async function newMails(seen, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const names = fs.existsSync(env.mail)
      ? fs.readdirSync(env.mail).filter((n) => n.endsWith('.eml')).sort()
      : [];
    if (names.length > seen) {
      return names.slice(seen).map((n) => mailText(fs.readFileSync(path.join(env.mail, n), 'utf8')));
    }
    assert.ok(Date.now() < deadline, 'no new e-mail reached the SMTP sink');
    await new Promise((r) => setTimeout(r, 200));
  }
}

function mailCount() {
  return fs.existsSync(env.mail) ? fs.readdirSync(env.mail).filter((n) => n.endsWith('.eml')).length : 0;
}

/** The absolute status links in `text`. */
function links(text) {
  return text.match(new RegExp(`${env.base}/status/[A-Za-z0-9_-]{43}`, 'g')) || [];
}

for (const lang of ['da', 'en', 'de']) {
  test(`the web form's confirmation e-mail brings the receipt's link, and a lost link is replaced (${lang})`, async () => {
    const w = WORDS[lang];
    const seen = mailCount();
    const page = await newPage(env.browser, lang, undefined, true);
    await page.goto(`${env.base}/skriv?lang=${lang}`);
    await page.fill('#subject', 'Affald');
    await page.fill('#message', 'Min skraldespand blev ikke tømt i går.');
    await page.fill('#name', 'Karen Jensen');
    await page.fill('#email', 'karen@example.dk');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const receipt = await page.textContent('main');
    assert.match(receipt, w.expected);
    assert.ok(receipt.includes(w.emailed), receipt);
    const reference = (await page.textContent('.reference')).trim();
    const shown = (await page.textContent('.status-link')).trim();
    assert.deepEqual(links(shown), [shown], 'the receipt shows the full link');
    await audit(page, `receipt with the e-mail on its way (${lang})`);
    await page.screenshot({ path: path.join(SHOTS, `receipt-link-${lang}.png`), fullPage: true });

    const [confirmation] = await newMails(seen);
    assert.equal(mailCount(), seen + 1, 'exactly one confirmation');
    assert.ok(confirmation.includes(`${w.follow}${shown}`), confirmation);
    assert.match(confirmation, w.expected);
    await page.goto(shown);
    assert.ok((await page.textContent('main')).includes(reference));
    await audit(page, `status page from the confirmation (${lang})`);

    // Lost: the form, its errors, then the same answer whatever was typed.
    await page.goto(`${env.base}/?lang=${lang}`);
    await Promise.all([page.waitForNavigation(), page.click(`a:text("${w.lost}")`)]);
    await audit(page, `lost link form (${lang})`);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    assert.ok((await page.textContent('.error-summary')).includes(w.error));
    await audit(page, `lost link form with errors (${lang})`);
    await page.fill('#reference', reference);
    await page.fill('#email', 'KAREN@example.dk');
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    assert.ok((await page.textContent('main')).includes(w.done));
    await audit(page, `lost link asked for (${lang})`);
    await page.screenshot({ path: path.join(SHOTS, `lost-link-${lang}.png`), fullPage: true });

    const [renewed] = await newMails(seen + 1);
    assert.ok(renewed.includes(w.newLink), renewed);
    const [fresh] = links(renewed);
    assert.ok(fresh && fresh !== shown, renewed);
    const old = await page.goto(shown);
    assert.equal(old.status(), 404, 'the old link no longer opens the page');
    const opened = await page.goto(fresh);
    assert.equal(opened.status(), 200);
    assert.ok((await page.textContent('main')).includes(reference));
    await page.context().close();
  });
}
