// Staff sign-in through an identity provider (OpenID Connect, code flow with PKCE) in real
// headless Chromium: `oidc-provider` runs in this process on a free loopback port with its
// development login form, and `frist serve` is configured for it. A caseworker signs in there
// and lands in the queue with the caseworker's role, then signs out; someone whose groups give
// no role in Frist is refused with a page that says so; a cancelled sign-in and a forged answer
// get pages of their own. A second Frist with `local_passwords = false` shows no password form
// and refuses a posted password. axe-core audits the sign-in page and the refusal.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { SHOTS, freePort, freshDatabase, start, newPage, audit } = require('./helpers');

const CLIENT_SECRET = 'e2e-klienthemmelighed-der-er-lang-nok';
const BUTTON = 'Log ind med Testkommunens login';
const HELP = 'Kontakt IT-servicedesk på telefon 4335 1000.';

// The provider's people: `findAccount` gives each their claims. Anna's groups make her a
// caseworker in Borgerservice; Bo's give no role in Frist.
const ACCOUNTS = {
  anna: {
    preferred_username: 'anna.berg',
    name: 'Anna Berg',
    email: 'anna.berg@kommune.example',
    groups: ['alle-ansatte', 'frist-sagsbehandlere', 'afd-borgerservice'],
  },
  bo: {
    preferred_username: 'bo.dam',
    name: 'Bo Dam',
    email: 'bo.dam@kommune.example',
    groups: ['alle-ansatte', 'kantine'],
  },
};

let db;
let env;
let idp;
let admin;

/** `oidc-provider` on `port`, with one confidential client whose callback is Frist's. */
async function startProvider(port, fristBase) {
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [{
      client_id: 'frist',
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${fristBase}/login/oidc/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
      groups: ['groups'],
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    pkce: { required: () => true },
    cookies: { keys: ['frist-e2e-oidc-cookies'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  // The development pages log warnings about themselves; the test has no use for them.
  provider.on('server_error', (_ctx, e) => console.error('oidc-provider:', e));
  const server = http.createServer(provider.callback());
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

before(async () => {
  db = freshDatabase();
  admin = db.run(['token', 'create', '--name', 'e2e-admin', '--role', 'admin']).trim().split('\n').pop().trim();
  const [fristPort, idpPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${fristPort}`;
  idp = await startProvider(idpPort, base);
  env = await start(db.common, {
    port: fristPort,
    config: [
      '[oidc]',
      `issuer = "http://127.0.0.1:${idpPort}"`,
      'client_id = "frist"',
      `client_secret = "${CLIENT_SECRET}"`,
      `button_label = "${BUTTON}"`,
      'scopes = ["profile", "email", "groups"]',
      `access_help = "${HELP}"`,
      '[oidc.roles]',
      'caseworker = ["frist-sagsbehandlere"]',
      'lead = ["frist-ledere"]',
      '[oidc.units]',
      'borgerservice = ["afd-borgerservice"]',
    ],
  });
  const res = await fetch(`${env.base}/api/v1/units/borgerservice`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Borgerservice' }),
  });
  assert.ok(res.ok, `unit: ${res.status} ${await res.text()}`);
});

after(async () => {
  if (env) {
    await env.browser.close();
    env.server.kill('SIGTERM');
  }
  if (idp) idp.close();
  if (db) fs.rmSync(db.tmp, { recursive: true, force: true });
});

/** A page whose requests off this machine fail at once (the provider's pages load a web font). */
async function localPage(bypassCSP = false) {
  const page = await newPage(env.browser, 'da', undefined, bypassCSP);
  await page.context().route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

/**
 * From Frist's sign-in page through the provider's login form (and its consent page, the
 * first time) back to Frist; resolves to the response of Frist's callback.
 */
async function signInAtProvider(page, login) {
  await Promise.all([page.waitForURL(/\/interaction\//), page.click('#login-provider')]);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'hvad som helst');
  const callback = page.waitForResponse((r) => new URL(r.url()).pathname === '/login/oidc/callback');
  await page.click('button.login-submit');
  // The consent page, unless the provider remembers the grant; then Frist's callback.
  const first = await Promise.race([
    callback.then(() => 'frist'),
    page.waitForSelector('button.login-submit', { timeout: 10000 }).then(() => 'consent'),
  ]);
  if (first === 'consent' && new URL(page.url()).pathname.startsWith('/interaction/')) {
    await page.click('button.login-submit');
  }
  const response = await callback;
  await page.waitForLoadState('load');
  return response;
}

test('the sign-in page shows the provider button beside the password form, and passes axe', async () => {
  const page = await localPage(true);
  await page.goto(`${env.base}/sager`);
  assert.equal(new URL(page.url()).pathname, '/login', 'staff pages need a session');
  assert.equal((await page.textContent('#login-provider')).trim(), BUTTON);
  const href = await page.getAttribute('#login-provider', 'href');
  assert.equal(href, '/login/oidc?next=/sager', 'the page asked for comes back after the provider');
  assert.ok(await page.isVisible('#password'), 'local_passwords defaults to true');
  await audit(page, 'sign-in page with the provider button');
  await page.screenshot({ path: path.join(SHOTS, 'oidc-login.png'), fullPage: true });
  await page.context().close();
});

test('a caseworker signs in at the provider, lands in the queue as a caseworker and signs out', async () => {
  const page = await localPage();
  await page.goto(`${env.base}/login`);
  const callback = await signInAtProvider(page, 'anna');
  assert.equal(callback.status(), 303, 'the callback starts a session and sends the browser on');
  assert.equal(new URL(page.url()).pathname, '/sager', 'a caseworker lands in the queue');
  assert.match(await page.textContent('.signed-in'), /Logget ind som\s+anna\.berg/);
  const nav = await page.textContent('.site-nav');
  assert.match(nav, /Sager/);
  assert.doesNotMatch(nav, /Overblik|Administration/, 'a caseworker sees neither the dashboard nor the administration');
  // The role works as a caseworker's: the dashboard is for leads.
  const dashboard = await page.goto(`${env.base}/ledelse`);
  assert.equal(dashboard.status(), 403);
  // The directory knows her by the provider's name and e-mail, in the unit her group names.
  const res = await fetch(`${env.base}/api/v1/caseworkers/anna.berg`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  assert.equal(res.status, 200);
  const entry = await res.json();
  assert.equal(entry.name, 'Anna Berg');
  assert.equal(entry.unit, 'borgerservice');
  assert.equal(entry.email, 'anna.berg@kommune.example');
  // Signing out ends Frist's session: a staff page sends the browser to sign in again.
  await page.goto(`${env.base}/sager`);
  await Promise.all([page.waitForURL(/\/login$/), page.click('.header-tools form button[type=submit]')]);
  await page.goto(`${env.base}/sager`);
  assert.equal(new URL(page.url()).pathname, '/login', 'signed out');
  const cookies = await page.context().cookies(env.base);
  assert.ok(!cookies.some((c) => c.name === 'frist_session' && c.value), 'no session cookie is left');
  assert.ok(!cookies.some((c) => c.name === 'frist_oidc' && c.value), 'the sign-in cookie is gone');
  await page.context().close();
});

test('someone whose groups give no role in Frist is refused with a page that says whom to ask', async () => {
  const page = await localPage(true);
  await page.goto(`${env.base}/login?next=/sager`);
  const callback = await signInAtProvider(page, 'bo');
  assert.equal(callback.status(), 403);
  assert.equal(new URL(page.url()).pathname, '/login/oidc/callback');
  assert.equal((await page.textContent('h1')).trim(), 'Du har ikke adgang til Frist');
  const main = await page.textContent('main');
  assert.match(main, /ikke med i nogen af de grupper/);
  assert.match(main, /Bed din leder eller kommunens it-afdeling/);
  assert.ok(main.includes(HELP), 'the installation says whom to ask');
  assert.ok(!(await page.isVisible('.signed-in')), 'nobody is signed in');
  await audit(page, 'the refusal of someone without a role');
  await page.screenshot({ path: path.join(SHOTS, 'oidc-no-access.png'), fullPage: true });
  // No session was made: the queue still asks for a sign-in.
  await page.goto(`${env.base}/sager`);
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.context().close();
});

test('a sign-in cancelled at the provider ends on a page that says so', async () => {
  const page = await localPage();
  await page.goto(`${env.base}/login`);
  await Promise.all([page.waitForURL(/\/interaction\//), page.click('#login-provider')]);
  const callback = page.waitForResponse((r) => new URL(r.url()).pathname === '/login/oidc/callback');
  await page.click('a[href*="/abort"]');
  assert.equal((await callback).status(), 403);
  await page.waitForLoadState('load');
  assert.equal((await page.textContent('h1')).trim(), 'Log ind blev afbrudt');
  await page.goto(`${env.base}/sager`);
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.context().close();
});

test('an answer that no sign-in of this browser waits for starts no session', async () => {
  const res = await fetch(`${env.base}/login/oidc/callback?code=forfalsket&state=forfalsket`, {
    redirect: 'manual',
  });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Log ind kunne ikke afsluttes/);
  assert.ok(!(res.headers.get('set-cookie') || '').includes('frist_session='));
});

test('with local_passwords = false the password form is gone and a posted password is refused', async () => {
  const other = freshDatabase();
  other.run(['user', 'create', '--username', 'mette', '--role', 'caseworker', '--password-stdin'], 'korrekt hest batteri\n');
  const second = await start(other.common, {
    config: [
      '[oidc]',
      'issuer = "http://127.0.0.1:9"',
      'client_id = "frist"',
      `client_secret = "${CLIENT_SECRET}"`,
      `button_label = "${BUTTON}"`,
      'local_passwords = false',
      '[oidc.roles]',
      'caseworker = ["frist-sagsbehandlere"]',
    ],
  });
  try {
    const page = await newPage(second.browser, 'da', undefined, true);
    await page.goto(`${second.base}/login`);
    assert.equal((await page.textContent('#login-provider')).trim(), BUTTON);
    assert.equal(await page.$('#password'), null, 'no password field');
    assert.equal(await page.$('form[action="/login"]'), null, 'no password form');
    await audit(page, 'sign-in page without passwords');
    // A password posted anyway (with the page's own CSRF token) is refused unread.
    const cookies = await page.context().cookies(second.base);
    const csrf = cookies.find((c) => c.name === 'frist_csrf').value;
    const res = await fetch(`${second.base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `frist_csrf=${csrf}` },
      body: new URLSearchParams({ csrf, username: 'mette', password: 'korrekt hest batteri', next: '' }).toString(),
    });
    assert.equal(res.status, 403);
    assert.ok(!(res.headers.get('set-cookie') || '').includes('frist_session='), 'no session');
    assert.match(await res.text(), /Log ind med brugernavn og adgangskode er slået fra/);
    await page.context().close();
  } finally {
    await second.browser.close();
    second.server.kill('SIGTERM');
    fs.rmSync(other.tmp, { recursive: true, force: true });
  }
});
