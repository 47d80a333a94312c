// The front desk, absence, the lead dashboard and administration in real headless Chromium,
// under the Høje-Taastrup policy (its phone messages carry a 2-working-day callback deadline):
// a front-desk user registers a phone message and finds it again by phone number; a colleague
// is marked absent and the inquiry page names the substitute; a lead sees the compliance table;
// a caseworker cannot open the dashboard or administration; an axe-core audit of every one of
// these pages in Danish and English; screenshots of the dashboard and the front desk.
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

/** The first minutes of this month in Copenhagen (or a minute ago, on the month's first minutes). */
function startOfMonth() {
  const now = new Date();
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit' })
    .formatToParts(now);
  const year = parts.find((p) => p.type === 'year').value;
  const month = parts.find((p) => p.type === 'month').value;
  const first = new Date(`${year}-${month}-01T00:05:00+01:00`);
  const aMinuteAgo = new Date(now.getTime() - 60000);
  return (first < aMinuteAgo ? first : aMinuteAgo).toISOString();
}

before(async () => {
  db = freshDatabase('hoeje-taastrup');
  for (const [user, role] of [['frida', 'caseworker'], ['lars', 'lead'], ['ada', 'admin']]) {
    const out = db.run(['user', 'create', '--username', user, '--role', role, '--password-stdin'], `${PASSWORD}\n`);
    assert.match(out, new RegExp(`Created user "${user}"`));
  }
  token = db.run(['token', 'create', '--name', 'e2e', '--role', 'admin']).trim().split('\n').pop().trim();
  env = await start(db.common);
  await api('PUT', '/api/v1/units/borgerservice', { name: 'Borgerservice', email: 'borgerservice@htk.dk', phone: '43 59 10 00' });
  await api('PUT', '/api/v1/units/byg', { name: 'Byg og Miljø', email: 'byg@htk.dk' });
  for (const [id, name] of [['frida', 'Frida Holm'], ['lars', 'Lars Pedersen'], ['ada', 'Ada Nielsen']]) {
    await api('PUT', `/api/v1/caseworkers/${id}`, { name, unit: 'borgerservice', phone: '43 59 10 00' });
  }
  // Work due this month, for the dashboard: e-mails received on the month's first minutes.
  for (let i = 0; i < 3; i += 1) {
    const created = await api('POST', '/api/v1/inquiries', {
      channel: 'email', unit: 'byg', kind: 'general_question', received_at: startOfMonth(),
      subject: `Byggesag ${i}`, body: 'Hvornår er der svar?', sender: { name: `Borger ${i}`, email: `b${i}@example.dk` },
      external_id: `e2e-dashboard-${i}`,
    });
    await api('POST', `/api/v1/inquiries/${created.id}/events`, { type: 'assigned', caseworker: 'frida' });
  }
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

async function signIn(page, username, next = '/sager') {
  await page.goto(`${env.base}${next}`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

const REGISTER = 'form[action="/skranke"] button[type=submit]';

test('a front-desk user registers a phone message and finds it again by phone number', async () => {
  const page = await newPage(env.browser);
  await signIn(page, 'frida', '/skranke');
  assert.equal(new URL(page.url()).pathname, '/skranke');
  // The fewest fields a phone message needs: the number and what it is about.
  await page.check('#how-phone');
  await page.fill('#phone', '+45 20 30 40 50');
  await page.fill('#name', 'Karen Jensen');
  await page.fill('#subject', 'Spørgsmål om parkeringstilladelse');
  await page.fill('#body', 'Vil gerne ringes op om formiddagen.');
  await page.selectOption('#unit', 'borgerservice');
  await Promise.all([page.waitForNavigation(), page.click(REGISTER)]);
  const status = await page.textContent('.panel-success');
  const reference = status.match(/HTK-\d{4}-\d{6}/)[0];
  await Promise.all([page.waitForNavigation(), page.click('.panel-success a')]);
  assert.match(await page.textContent('h1'), new RegExp(reference));
  assert.match(await page.textContent('main'), /Telefon/);
  assert.match(await page.textContent('main'), /HTK-7/, 'the callback deadline of HTK-7 applies');

  // The next call from the same number: the earlier message is found, newest first, and the
  // number is ready in the form.
  await page.goto(`${env.base}/skranke`);
  await page.fill('#q', '20304050');
  await Promise.all([page.waitForNavigation(), page.click('main form[role=search] button')]);
  assert.match(await page.textContent('.search-results'), new RegExp(reference));
  assert.equal(await page.inputValue('#phone'), '20304050');
  assert.equal(await page.inputValue('#name'), 'Karen Jensen');

  // A phone message without a number to call is refused, and what was typed is kept.
  await page.fill('#phone', '');
  await page.fill('#subject', 'Mangler nummer');
  await Promise.all([page.waitForNavigation(), page.click(REGISTER)]);
  assert.match(await page.textContent('.error-summary'), /telefonnummer/);
  assert.equal(await page.inputValue('#subject'), 'Mangler nummer');
  await page.context().close();
});

test('a letter received on paper is registered at the desk with its scan', async () => {
  const page = await newPage(env.browser, 'da', undefined, true);
  await signIn(page, 'frida', '/skranke');
  await page.check('#how-letter');
  await page.fill('#name', 'Søren Ærø');
  await page.fill('#subject', 'Ansøgning om parkeringstilladelse');
  await Promise.all([page.waitForNavigation(), page.click(REGISTER)]);
  assert.match(new URL(page.url()).pathname, /^\/sager\/\d+$/, 'the letter opens for its scan');
  assert.match(await page.textContent('[role=status]'), /Tilføj scanningen herunder/);
  assert.match(await page.textContent('main'), /brev/i);
  const pdf = Buffer.from('%PDF-1.4\n% scanned letter\n', 'utf8');
  await page.setInputFiles('#scan', { name: 'brev.pdf', mimeType: 'application/pdf', buffer: pdf });
  await Promise.all([page.waitForNavigation(), page.click('form[action*="/scanning?csrf="] button')]);
  assert.match(await page.textContent('[role=status]'), /Scanningen er gemt/);
  const href = await page.getAttribute('#scanning table a', 'href');
  const opened = await page.request.get(`${env.base}${href}`);
  assert.equal(opened.status(), 200);
  assert.equal(opened.headers()['content-type'], 'application/pdf');
  assert.deepEqual(Buffer.from(await opened.body()), pdf, 'the scan is kept byte for byte');
  await audit(page, 'inquiry with a scan (da)');
  await page.context().close();
});

test('an absent colleague: the substitute is shown on the open inquiries', async () => {
  const page = await newPage(env.browser);
  await signIn(page, 'lars', '/fravaer');
  const until = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  await page.selectOption('#who', 'frida');
  await page.fill('#until', until);
  await page.selectOption('#substitute', 'lars');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/fravaer"] button[type=submit]')]);
  assert.match(await page.textContent('[role=status]'), /Fraværet er gemt/);
  assert.match(await page.textContent('table'), /Frida Holm/);
  await Promise.all([page.waitForNavigation(), page.click('a:text("Vis henvendelserne")')]);
  assert.match(await page.textContent('table.queue'), /stedfortræder: Lars Pedersen/);
  await Promise.all([page.waitForNavigation(), page.click('table.queue tbody a >> nth=0')]);
  assert.match(await page.textContent('.facts'), /Frida Holm \(fraværende til og med .*; stedfortræder: Lars Pedersen\)/);
  await page.goto(`${env.base}/fravaer`);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/fravaer/slut"] button')]);
  assert.match(await page.textContent('main'), /Ingen er meldt fraværende/);
  await page.context().close();
});

test('a caseworker extends a deadline with a notice and registers an error', async () => {
  const page = await newPage(env.browser);
  await signIn(page, 'frida', '/sager?vis=mine');
  await Promise.all([page.waitForNavigation(), page.click('table.queue tbody a >> nth=0')]);
  const options = await page.$$eval('#extend_which option', (os) => os.map((o) => o.value));
  assert.ok(options.length > 0, 'an open deadline can be extended');
  // A Monday well ahead is a working day unless it is a holiday; try the next few Mondays.
  let extended = false;
  for (let weeks = 6; weeks < 10 && !extended; weeks += 1) {
    const day = new Date(Date.now() + weeks * 7 * 86400000);
    day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
    await page.selectOption('#extend_which', options[options.length - 1]);
    await page.fill('#extend_date', day.toISOString().slice(0, 10));
    await page.fill('#extend_reason', 'vi venter på en udtalelse fra Byg og Miljø');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/forlaeng"] button')]);
    extended = (await page.textContent('main')).includes('Fristen er forlænget');
  }
  assert.ok(extended, 'the deadline was extended');
  const timeline = await page.textContent('.timeline');
  assert.match(timeline, /vi venter på en udtalelse fra Byg og Miljø/);
  // An earlier date than the current deadline is refused in plain words, and nothing changes.
  await page.fill('#extend_date', '2001-01-02');
  await page.fill('#extend_reason', 'for tidligt');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/forlaeng"] button')]);
  assert.ok(await page.isVisible('#refusal'));
  await page.fill('#error_text', 'Kvitteringen blev ikke sendt i tide.');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/fejl"] button')]);
  assert.match(await page.textContent('[role=status]'), /Fejlen er registreret/);
  assert.match(await page.textContent('.timeline'), /Kvitteringen blev ikke sendt i tide\./);
  await page.context().close();
});

test('the reply form checks the rules while the caseworker types (the one script)', async () => {
  const page = await newPage(env.browser);
  await signIn(page, 'frida', '/sager?vis=mine');
  await Promise.all([page.waitForNavigation(), page.click('table.queue tbody a >> nth=0')]);
  // The pre-filled acknowledgment keeps the rules.
  await page.waitForSelector('#live-rules .live-rules-ok');
  // A decision that can be appealed needs complaint guidance: said at once, nothing sent.
  await page.selectOption('#kind', 'decision');
  await page.check('#appealable');
  await page.fill('#complaint_body', '');
  await page.fill('#complaint_how', '');
  await page.waitForSelector('#live-rules .live-rules-blocked');
  assert.match(await page.textContent('#live-rules'), /klagevejledning/i);
  const events = await page.$$eval('.timeline li', (li) => li.length);
  await page.reload();
  assert.equal(await page.$$eval('.timeline li', (li) => li.length), events, 'the check stores nothing');
  await page.context().close();
});

test('a lead sees the compliance table; a caseworker may not', async () => {
  const page = await newPage(env.browser);
  await signIn(page, 'lars', '/ledelse');
  assert.equal(new URL(page.url()).pathname, '/ledelse');
  const goals = await page.textContent('table:has(caption:text("Overholdelse pr. servicemål"))');
  assert.match(goals, /HTK-\d+/);
  const channels = await page.textContent('table:has(caption:text("Overholdelse pr. kanal"))');
  assert.match(channels, /E-mail/);
  const load = await page.textContent('table:has(caption:text("Åbne henvendelser pr. sagsbehandler"))');
  assert.match(load, /Frida Holm/);
  await page.context().close();

  const caseworker = await newPage(env.browser);
  await signIn(caseworker, 'frida', '/ledelse');
  const response = await caseworker.goto(`${env.base}/ledelse`);
  assert.equal(response.status(), 403);
  assert.equal((await caseworker.goto(`${env.base}/admin`)).status(), 403);
  assert.equal(await caseworker.locator('nav a[href="/ledelse"]').count(), 0);
  await caseworker.context().close();
});

test('a lead sees whether promises are kept, follows a number to its deadlines, and reads the trend', async () => {
  // Two e-mails received 45 days ago, one assigned at once, neither answered: last month and
  // this have decided (missed) deadlines for the overall share and the trend.
  const past = new Date(Date.now() - 45 * 86400000).toISOString();
  for (const [i, answered] of [[0, true], [1, false]]) {
    const created = await api('POST', '/api/v1/inquiries', {
      channel: 'email', unit: 'byg', kind: 'general_question', received_at: past,
      subject: `Gammel sag ${i}`, body: 'Hvornår er der svar?', sender: { name: `Borger ${i}`, email: `g${i}@example.dk` },
      external_id: `e2e-trend-${i}`,
    });
    if (answered) {
      await api('POST', `/api/v1/inquiries/${created.id}/events`, {
        type: 'assigned', caseworker: 'frida', at: new Date(Date.parse(past) + 3600000).toISOString(),
      });
    }
  }
  const page = await newPage(env.browser, 'da', undefined, true);
  await signIn(page, 'lars', '/ledelse');
  assert.match(await page.textContent('#overall-heading'), /Holder vi vores løfter\?/);
  // The trend: one chart per goal with a name, and the same figures in a table.
  const charts = await page.$$eval('.trend-chart svg[role="img"]', (svgs) => svgs.map((s) => s.getAttribute('aria-labelledby')));
  assert.ok(charts.length >= 1, 'a chart per goal');
  for (const id of charts) assert.match(await page.textContent(`#${id}`), /Andel til tiden pr\. måned for HTK-/);
  const trendRows = await page.$$eval('table:has(caption:text("Andel til tiden pr. måned og servicemål")) tbody tr', (tr) => tr.length);
  assert.equal(trendRows, 12);
  for (const [w, h, name] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(SHOTS, `lead-${name}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    assert.ok(overflow <= 0, `the dashboard fits ${w} px: ${overflow} ${wide}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  // Every figure of the goal table is a link to the deadlines behind it, as many as it says.
  const goalTable = 'table:has(caption:text("Overholdelse pr. servicemål"))';
  const total = page.locator(`${goalTable} tbody tr:first-child td:first-of-type a`);
  const count = Number((await total.textContent()).trim());
  assert.ok(count > 0);
  await Promise.all([page.waitForNavigation(), total.click()]);
  assert.equal(new URL(page.url()).pathname, '/ledelse/frister');
  const listed = await page.$$eval('tbody tr th a', (links) => links.map((a) => a.getAttribute('href')));
  assert.equal(listed.length, Math.min(count, 50));
  for (const href of listed) assert.match(href, /^\/sager\/\d+$/);
  await audit(page, 'deadlines behind a figure');
  await Promise.all([page.waitForNavigation(), page.click(`a[href="${listed[0]}"]`)]);
  assert.match(new URL(page.url()).pathname, /^\/sager\/\d+$/);
  // A hand-made link with an unknown outcome is a plain bad request, not an error.
  const bad = await page.goto(`${env.base}/ledelse/frister?gruppering=maal&gruppe=HTK-1&udfald=nogle`);
  assert.equal(bad.status(), 400);
  await page.context().close();
});

test('an administrator adds a department and a member of staff', async () => {
  const page = await newPage(env.browser);
  await signIn(page, 'ada', '/admin');
  await page.fill('#unit-id', 'skole');
  await page.fill('#unit-name', 'Skole og Dagtilbud');
  await page.fill('#unit-email', 'skole@htk.dk');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/afdelinger"] button')]);
  assert.match(await page.textContent('table:has(caption:text("Afdelinger og deres postkasser"))'), /Skole og Dagtilbud/);
  await page.fill('#username', 'nina');
  await page.fill('#staff-name', 'Nina Berg');
  await page.selectOption('#staff-unit', 'skole');
  await page.fill('#password', 'kort');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/medarbejdere"] button')]);
  assert.match(await page.textContent('.error-summary'), /mindst 12 tegn/);
  assert.equal(await page.inputValue('#staff-name'), 'Nina Berg');
  assert.equal(await page.inputValue('#password'), '', 'a password is never sent back');
  await page.fill('#password', 'et langt kodeord til nina');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/medarbejdere"] button')]);
  assert.match(await page.textContent('table:has(caption:text("Medarbejdere med adgang til Frist"))'), /Nina Berg/);
  assert.match(await page.textContent('.policy-text'), /reference_prefix = "HTK"/);
  await page.context().close();
});

test('the desk, absence, dashboard and administration pages pass axe in Danish and English', async () => {
  const audited = [];
  for (const lang of ['da', 'en']) {
    const page = await newPage(env.browser, lang, undefined, true);
    await page.goto(`${env.base}/login?lang=${lang}`);
    await page.fill('#username', 'ada');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    const visit = async (url, label) => {
      await page.goto(`${env.base}${url}`);
      await audit(page, `${label} (${lang})`);
      audited.push(`${label} (${lang})`);
    };
    await visit('/skranke', 'desk');
    await visit('/skranke?q=20304050', 'desk search');
    await visit('/skranke?q=x', 'desk search too short');
    await Promise.all([page.waitForNavigation(), page.click(REGISTER)]);
    await audit(page, `desk with errors (${lang})`);
    audited.push(`desk with errors (${lang})`);
    await visit('/fravaer', 'absence');
    await page.fill('#until', '2001-01-01');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/fravaer"] button[type=submit]')]);
    await audit(page, `absence with errors (${lang})`);
    audited.push(`absence with errors (${lang})`);
    await visit('/ledelse', 'dashboard');
    await visit('/ledelse/service?efter=afsender', 'service report');
    await visit('/ledelse/frister?gruppering=kanal&gruppe=email&udfald=', 'deadlines behind a figure');
    await visit('/post/markeret', 'mail to check');
    await visit('/admin', 'admin');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/afdelinger"] button')]);
    await audit(page, `admin with errors (${lang})`);
    audited.push(`admin with errors (${lang})`);
    await visit('/sager?vis=alle&frist=overskredet&status=ny&enhed=byg', 'queue filtered');
    await visit('/sager?vis=alle&sagsbehandler=frida', 'queue of a colleague');
    // An inquiry page with colleagues to hand over to and departments to refer to.
    await visit('/sager/1', 'inquiry with hand-over and referral lists');
    assert.ok(await page.isVisible('#hand_over_to') && await page.isVisible('#refer_to'));
    await page.fill('#extend_date', '2001-01-02');
    await page.fill('#extend_reason', 'for tidligt');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/forlaeng"] button')]);
    await audit(page, `inquiry with a refused extension (${lang})`);
    audited.push(`inquiry with a refused extension (${lang})`);
    await page.context().close();
    // A caseworker who opens a page for leads gets a plain refusal.
    const caseworker = await newPage(env.browser, lang, undefined, true);
    await caseworker.goto(`${env.base}/login?lang=${lang}`);
    await caseworker.fill('#username', 'frida');
    await caseworker.fill('#password', PASSWORD);
    await Promise.all([caseworker.waitForNavigation(), caseworker.click('main button[type=submit]')]);
    await caseworker.goto(`${env.base}/ledelse`);
    await audit(caseworker, `dashboard refused to a caseworker (${lang})`);
    audited.push(`dashboard refused to a caseworker (${lang})`);
    await caseworker.context().close();
  }
  console.log(`axe: desk, absence, dashboard and admin audited, 0 violations in ${audited.length} page views: ${audited.join(', ')}`);
});

test('screenshots of the dashboard and the front desk, desktop and phone', async () => {
  const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
  for (const [name, viewport] of Object.entries(sizes)) {
    const page = await newPage(env.browser, 'da', viewport);
    await signIn(page, 'lars', '/ledelse');
    await page.screenshot({ path: path.join(SHOTS, `dashboard-${name}.png`), fullPage: true });
    await page.goto(`${env.base}/skranke?q=20304050`);
    await page.screenshot({ path: path.join(SHOTS, `desk-${name}.png`), fullPage: true });
    await page.goto(`${env.base}/fravaer`);
    await page.screenshot({ path: path.join(SHOTS, `absence-${name}.png`), fullPage: true });
    await page.context().close();
  }
});
