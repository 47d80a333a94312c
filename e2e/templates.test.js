// Message templates in real headless Chromium: an administrator edits the answer template for
// one case type on /admin/skabeloner (a bad placeholder is refused first, named in Danish), a
// caseworker's reply form on an inquiry of that case type starts from it, switching the kind
// swaps a text nobody edited and keeps one that was, and axe finds nothing on the admin
// template pages.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freshDatabase, start, newPage, audit } = require('./helpers');

const PASSWORD = 'korrekt hest batteri';
const ROOT = path.join(__dirname, '..');
const BYG = 'Vi har set på din byggesag {reference}, og {caseworker} svarer dig her.';
let db;
let env;
let token;
let policyFile;

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

async function inquiry(caseType) {
  const created = await api('POST', '/api/v1/inquiries', {
    channel: 'email', to: 'general', kind: 'application',
    received_at: new Date(Date.now() - 60000).toISOString(),
    subject: 'Carport', body: 'Må jeg bygge en carport?',
    sender: { name: 'Karen Jensen', email: 'karen@example.dk' },
    ...(caseType ? { case_type: caseType } : {}),
  });
  return created;
}

async function signIn(page, username, next) {
  await page.goto(`${env.base}${next}`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, next.split('?')[0]);
}

before(async () => {
  // Roskilde with a case type of its own: the shipped policies have none yet.
  policyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'frist-e2e-policy-')), 'roskilde.toml');
  fs.writeFileSync(policyFile, fs.readFileSync(path.join(ROOT, 'policies', 'roskilde.toml'), 'utf8') + [
    '', '[[case_type]]', 'id = "byggetilladelse"', 'name = "Byggetilladelse"', 'within = "40 working days"',
    'appealable = true', 'complaint_to = "Planklagenævnet"', '',
  ].join('\n'));
  db = freshDatabase(policyFile);
  for (const [user, role] of [['anne', 'admin'], ['mette', 'caseworker']]) {
    const out = db.run(['user', 'create', '--username', user, '--role', role, '--password-stdin'], `${PASSWORD}\n`);
    assert.match(out, new RegExp(`Created user "${user}"`));
  }
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
  if (policyFile) fs.rmSync(path.dirname(policyFile), { recursive: true, force: true });
});

test('an administrator edits the answer template for a case type, and its reply form starts from it', async () => {
  const building = await inquiry('byggetilladelse');
  const other = await inquiry(null);

  const admin = await newPage(env.browser, 'da', undefined, true);
  await signIn(admin, 'anne', '/admin');
  await Promise.all([admin.waitForNavigation(), admin.click('a[href="/admin/skabeloner"]')]);
  assert.equal(await admin.textContent('h1'), 'Skabeloner');
  await audit(admin, 'the template list');
  await Promise.all([
    admin.waitForNavigation(),
    admin.click('a[aria-label="Ret Svar, Byggetilladelse, Dansk"]'),
  ]);
  assert.match(await admin.textContent('h1'), /Svar: Byggetilladelse, Dansk/);
  // The form starts from the text in use now: the standard answer.
  assert.match(await admin.inputValue('#body'), /Tak for din henvendelse \(\{reference\}\)/);
  await audit(admin, 'the template form');

  await admin.fill('#body', 'Svar på {reference} senest {date}.');
  await Promise.all([admin.waitForNavigation(), admin.click('main form button[type=submit]')]);
  assert.match(await admin.textContent('#body-error'), /\{date\} kan ikke bruges i denne slags besked/);
  assert.equal(await admin.getAttribute('#body', 'aria-invalid'), 'true');
  await audit(admin, 'the template form with an error');

  await admin.fill('#body', BYG);
  await Promise.all([admin.waitForNavigation(), admin.click('main form button[type=submit]')]);
  assert.equal(new URL(admin.url()).pathname, '/admin/skabeloner');
  assert.match(await admin.textContent('[role=status]'), /Skabelonen er gemt/);
  await audit(admin, 'the template list after saving');
  await admin.context().close();

  const page = await newPage(env.browser);
  await signIn(page, 'mette', `/sager/${building.id}`);
  // An open acknowledgment deadline: the form starts as an acknowledgment.
  assert.equal(await page.inputValue('#kind'), 'acknowledgment');
  await page.selectOption('#kind', 'answer');
  const answer = await page.inputValue('#body');
  assert.match(answer, /^Kære Karen Jensen\n\nVi har set på din byggesag ROS-\d{4}-\d{6}, og Mette Hansen svarer dig her\./);
  assert.match(answer, /Venlig hilsen\nMette Hansen/);
  // Switching again swaps the text nobody edited …
  await page.selectOption('#kind', 'decision');
  assert.match(await page.inputValue('#body'), /har truffet denne afgørelse/);
  // … and keeps one that was edited.
  await page.fill('#body', 'Svaret er ja.');
  await page.selectOption('#kind', 'answer');
  assert.equal(await page.inputValue('#body'), 'Svaret er ja.');

  await page.goto(`${env.base}/sager/${other.id}`);
  await page.selectOption('#kind', 'answer');
  const plain = await page.inputValue('#body');
  assert.doesNotMatch(plain, /byggesag/);
  assert.match(plain, /Tak for din henvendelse/);
  await page.context().close();
});
