// Shared by the e2e tests: a `frist serve` on a free port with a temporary SQLite file, real
// headless Chromium, and the axe-core audit (WCAG 2.1 A and AA).
'use strict';

const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
// The debug binary `cargo build -p frist` made, wherever cargo puts its target directory.
const BIN =
  process.env.FRIST_BIN ||
  path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'frist');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = path.join(__dirname, 'screenshots');
// Without the networking flags Chromium waits on connections that this machine refuses.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHealth(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`frist serve did not answer at ${url} in time`);
}

/** Reloads `page` until `pattern` matches the text of `selector` (a delivery is asynchronous). */
async function waitForText(page, selector, pattern, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = (await page.textContent(selector)) || '';
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`${selector} never matched ${pattern}: ${text}`);
    await new Promise((r) => setTimeout(r, 250));
    await page.reload();
  }
}

/** A fresh database, the `--database-url`/`--policy` arguments for it, and a runner of the CLI. */
function freshDatabase(policy = 'roskilde') {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'frist-e2e-'));
  const common = ['--database-url', `sqlite://${path.join(tmp, 'frist.db')}`, '--policy', policy];
  const run = (args, input) => execFileSync(BIN, [...args, ...common], { input }).toString();
  return { tmp, common, run };
}

/**
 * The SMTP server replies go to (scripts/smtp_sink.py, aiosmtpd): records each message in `dir`.
 * Resolves to { port, process } once it accepts connections.
 */
function startSmtpSink(dir) {
  return new Promise((resolve, reject) => {
    const sink = spawn('python3', [path.join(ROOT, 'scripts', 'smtp_sink.py'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    sink.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ port: Number(line.trim()), process: sink });
    });
    sink.on('error', reject);
    sink.on('exit', (code) => reject(new Error(`the SMTP sink exited (${code}); is aiosmtpd installed?`)));
  });
}

/**
 * Starts `frist serve` with its outbox delivering (e-mail to an SMTP sink, Digital Post and
 * letters into directories, polled every second) and a browser; returns { base, server, browser,
 * mail } (`mail`: the directory the sink records messages in). `options.port` chooses the port
 * (one a test made known elsewhere first, e.g. to an identity provider); `options.config` are
 * lines put at the top of the configuration file (top-level keys, then sections of their own).
 */
async function start(common, options = {}) {
  const port = options.port ?? await freePort();
  const base = `http://127.0.0.1:${port}`;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'frist-e2e-outbox-'));
  const mail = path.join(out, 'mail');
  const sink = await startSmtpSink(mail);
  const config = path.join(out, 'frist.toml');
  fs.writeFileSync(config, [
    ...(options.config ?? []), '',
    '[smtp]', 'host = "127.0.0.1"', `port = ${sink.port}`, 'security = "none"',
    'from_address = "post@kommune.example"', '',
    '[digital_post]', `outbox_dir = ${JSON.stringify(path.join(out, 'digital-post'))}`, '',
    '[print]', `outbox_dir = ${JSON.stringify(path.join(out, 'print'))}`, '',
    '[outbox]', 'poll_seconds = 1', '',
    // The tests count the e-mails their actions make; in working hours the scheduler's digests
    // would join them. notifications.test.js runs the scheduler itself.
    '[scheduler]', 'enabled = false', '',
  ].join('\n'));
  const server = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--config', config, ...common], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The sink lives as long as the server.
  server.on('exit', () => {
    sink.process.kill();
    fs.rmSync(out, { recursive: true, force: true });
  });
  // A start that fails half-way stops what it started: the test file's `after` has nothing to
  // stop then, and a server left running would outlive the run.
  try {
    await waitForHealth(base, Date.now() + 15000);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    fs.mkdirSync(SHOTS, { recursive: true });
    return { base, server, browser, mail };
  } catch (e) {
    server.kill('SIGTERM');
    throw e;
  }
}

// `bypassCSP` only so axe can be injected; the pages' own CSP stays in force elsewhere.
async function newPage(browser, lang = 'da', viewport = { width: 1280, height: 800 }, bypassCSP = false) {
  const context = await browser.newContext({
    viewport, bypassCSP, locale: { en: 'en-GB', de: 'de-DE' }[lang] ?? 'da-DK',
  });
  return context.newPage();
}

async function audit(page, label) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  const found = result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
  }));
  assert.deepEqual(found, [], `axe violations on ${label}:\n${JSON.stringify(found, null, 2)}`);
  return result.passes.length;
}

module.exports = { BIN, SHOTS, freePort, freshDatabase, start, newPage, audit, waitForText };
