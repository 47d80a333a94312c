// The citizen pages in Det Fælles Designsystem (DKFDS): the vendored CSS and fonts load from
// the binary and apply, nothing a page asks for fails or is refused by the CSP, the error
// summary's links take the keyboard to their fields, the pages fit a 390 px phone, and
// screenshots of the form, the receipt and the status page at 1280×800 and 390×844 are taken
// beside DKFDS's own markup of the same components (docs/dkfds-components.html, served here next
// to the vendored files). They go to e2e/screenshots/ (not tracked), so a test run leaves the
// checkout clean; `FRIST_UPDATE_SCREENSHOTS=1 node --test e2e/dkfds.test.js` refreshes the
// looked-at set in docs/screenshots/, which docs/screenshots/README.md pairs up.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const helpers = require('./helpers');

const { audit } = helpers;
const ROOT = path.resolve(__dirname, '..');
const SHOTS = process.env.FRIST_UPDATE_SCREENSHOTS
  ? path.join(ROOT, 'docs', 'screenshots')
  : helpers.SHOTS;
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const CITIZEN = {
  subject: 'Affald',
  message: 'Min skraldespand blev ikke tømt i går.\nKan I komme forbi?',
  name: 'Karen Jensen',
  email: 'karen@example.dk',
};

let server;
let browser;
let base;
let apiToken;
let tmp;
let docs;
let docsBase;

/** Serves docs/ and the vendored DKFDS files at the paths the component page links to. */
function serveDocs() {
  const roots = {
    '/static/dkfds/': path.join(ROOT, 'crates', 'frist-web', 'static', 'dkfds'),
    '/docs/': path.join(ROOT, 'docs'),
  };
  const types = { '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.html': 'text/html; charset=utf-8' };
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    const file = prefix && path.join(roots[prefix], path.normalize(url.pathname.slice(prefix.length)));
    if (!file || !file.startsWith(roots[prefix]) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'content-security-policy': "default-src 'self'",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

before(async () => {
  const db = helpers.freshDatabase('roskilde');
  tmp = db.tmp;
  const out = db.run(['token', 'create', '--name', 'e2e', '--role', 'caseworker']);
  apiToken = out.trim().split('\n').pop().trim();
  ({ base, server, browser } = await helpers.start(db.common));
  docs = await serveDocs();
  docsBase = `http://127.0.0.1:${docs.address().port}`;
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (docs) docs.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * A page that records every resource it loaded that failed or was answered with an error, and
 * every console error (a CSP refusal shows up there). The page itself may be a 422 (a form with
 * errors); the browser's own favicon request, which no page makes, shows only as a console
 * "Failed to load resource" and is left out with the rest of those (the response events already
 * have every resource the page asked for). `bypassCSP` only where axe is injected.
 */
async function watchedPage(viewport = SIZES.desktop, bypassCSP = false) {
  const page = await helpers.newPage(browser, 'da', viewport, bypassCSP);
  page.problems = [];
  page.on('requestfailed', (r) => page.problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') page.problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      page.problems.push(`console: ${m.text()} (${m.location().url})`);
    }
  });
  return page;
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

async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`#${name}`, value);
}

async function submit(page, fields) {
  await page.goto(`${base}/skriv`);
  await fill(page, fields);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

/** Acknowledges and answers the inquiry, waits until both went out, and closes it. */
async function answer(reference) {
  const { id } = await api('GET', `/api/v1/inquiries/by-reference/${reference}`);
  await api('POST', `/api/v1/inquiries/${id}/messages`, {
    kind: 'acknowledgment', channel: 'email',
    body: 'Tak for din henvendelse. Mette Hansen behandler den, og du får svar senest 30. december 2026.',
    caseworker: 'Mette Hansen', contact: 'Mette Hansen, 46 31 30 00',
    next_step: 'Vi kontakter renovatøren.', expected_answer_date: '2026-12-30',
  });
  await api('POST', `/api/v1/inquiries/${id}/messages`, {
    kind: 'answer', channel: 'email',
    body: 'Renovatøren kommer forbi i morgen.\n\nMed venlig hilsen\nMette Hansen, 46 31 30 00',
    caseworker: 'Mette Hansen', contact: 'Mette Hansen, 46 31 30 00',
  });
  const deadline = Date.now() + 20000;
  for (;;) {
    const { outgoing } = await api('GET', `/api/v1/inquiries/${id}`);
    if (outgoing.length > 0 && outgoing.every((o) => o.state === 'sent')) break;
    assert.ok(Date.now() < deadline, `not delivered: ${JSON.stringify(outgoing)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await api('POST', `/api/v1/inquiries/${id}/events`, { type: 'closed', reason: 'answered' });
}

/** The page's look comes from DKFDS: its font loaded, its colours on its classes. */
async function assertDkfds(page, label) {
  const look = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      family: getComputedStyle(document.body).fontFamily,
      plexLoaded: document.fonts.check('16px "IBM Plex Sans"')
        && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'IBM Plex Sans' && f.status === 'loaded'),
      rootSize: getComputedStyle(document.documentElement).fontSize,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  assert.match(look.family, /^"?IBM Plex Sans"?,/, `${label}: body font`);
  assert.ok(look.plexLoaded, `${label}: IBM Plex Sans was not loaded from the vendored woff2`);
  assert.equal(look.rootSize, '10px', `${label}: DKFDS sets the root font size to 62.5%`);
  assert.equal(look.overflow, 0, `${label}: the page is wider than the window`);
}

test('every citizen page loads DKFDS from the binary, and nothing it asks for fails or is refused', async () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const page = await watchedPage(viewport);
    for (const p of ['/', '/skriv', '/forventninger', '/tilgaengelighed', '/privatliv', '/status/nyt-link']) {
      const res = await page.goto(`${base}${p}`);
      assert.equal(res.status(), 200, p);
      assert.match(res.headers()['content-security-policy'], /^default-src 'self';/);
      await assertDkfds(page, `${p} (${size})`);
    }
    await submit(page, CITIZEN);
    await assertDkfds(page, `receipt (${size})`);
    await page.click('main a[href^="/status/"].button');
    await assertDkfds(page, `status (${size})`);
    assert.deepEqual(page.problems, [], `requests that failed (${size})`);
    await page.context().close();
  }
  const css = await fetch(`${base}/static/dkfds/dkfds.min.css`);
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.match(css.headers.get('cache-control'), /max-age=/);
  const font = await fetch(`${base}/static/dkfds/fonts/IBMPlexSans-Regular.woff2`);
  assert.equal(font.headers.get('content-type'), 'font/woff2');
  assert.equal((await fetch(`${base}/static/dkfds/..%2Ffrist.css`)).status, 404);
  assert.equal((await fetch(`${base}/static/dkfds/dkfds.min.css.map`)).status, 404);
});

test('after a failed submit, DKFDS error summary links take the keyboard to each field', async () => {
  const page = await watchedPage();
  await submit(page, { ...CITIZEN, name: '', email: 'not-an-address' });
  const summary = page.locator('main .alert.alert-error.error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.deepEqual(
    await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['#name', '#email'],
  );
  // DKFDS's error look on the field: the red rule on its form-group and the message in red.
  const group = page.locator('.form-group.form-error:has(#name)');
  assert.equal(await group.evaluate((g) => getComputedStyle(g).borderLeftColor), 'rgb(204, 0, 0)');
  assert.equal(await page.locator('#name-error').evaluate((e) => getComputedStyle(e).color), 'rgb(204, 0, 0)');
  for (const field of ['name', 'email']) {
    await summary.locator(`a[href="#${field}"]`).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), field, `the link to #${field}`);
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    assert.match(await page.inputValue(`#${field}`), /x$/, `typing after the link goes into #${field}`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('screenshots of the form, the receipt and the status page beside the DKFDS components, each page axe-clean', async () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const page = await watchedPage(viewport, true);
    const shot = async (name) => {
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
    };
    await page.goto(`${base}/skriv`);
    await audit(page, `form (${size})`);
    await shot('form');
    await submit(page, { ...CITIZEN, name: '', email: 'not-an-address' });
    await audit(page, `form with errors (${size})`);
    await shot('form-errors');
    await submit(page, CITIZEN);
    await audit(page, `receipt (${size})`);
    await shot('receipt');
    const reference = (await page.textContent('.receipt .reference')).trim();
    const status = await page.getAttribute('main a[href^="/status/"].button', 'href');
    await answer(reference);
    await page.goto(`${base}${status}`);
    assert.match(await page.textContent('main'), /Mette Hansen/);
    await audit(page, `status (${size})`);
    await shot('status');

    await page.goto(`${docsBase}/docs/dkfds-components.html`);
    await assertDkfds(page, `DKFDS components (${size})`);
    await audit(page, `DKFDS components (${size})`);
    await shot('dkfds-components');
    for (const id of ['text-field', 'error-summary', 'receipt']) {
      await page.locator(`#${id}`).screenshot({ path: path.join(SHOTS, `dkfds-${id}-${size}.png`) });
    }
    await page.locator('footer').screenshot({ path: path.join(SHOTS, `dkfds-footer-${size}.png`) });
    assert.deepEqual(page.problems, [], `requests that failed (${size})`);
    await page.context().close();
  }
});
