// The operations dashboard in a real browser (Debian's Chromium, driven by playwright-core).
// Started by dashboard_test.sh, which has registered one sample box, added a user and started
// `mailroom dashboard`. Is sent to the login page, is refused a wrong password, logs in through the
// form, resumes the scan station the script paused, processes the box, and checks that the page
// follows live, without a reload; then logs out
// and is sent to the login page again.
//
// Usage: node dashboard_test.mjs --url URL --mailroom BIN --work DIR --ledger FILE --origin JOBCENTER
//                                --login LOGIN --password PASSWORD --screenshot PNG
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { check, runInBrowser, TestFailure } from './browser_run.mjs';

const OPTIONS = ['url', 'mailroom', 'work', 'ledger', 'origin', 'login', 'password', 'screenshot'];
const { values: arg } = parseArgs({ options: Object.fromEntries(OPTIONS.map((name) => [name, { type: 'string' }])) });
for (const name of OPTIONS) if (!arg[name]) throw new Error(`missing --${name}`);

const LIVE_TIMEOUT_MS = 60_000;     // the page must show the processed box within this after `process` ends
const PROCESS_TIMEOUT_MS = 180_000; // OCR of a 7-page sample box on one thread, with room for a slow machine

const log = (message) => console.log(`dashboard_test: ${message}`);

/** The figures the page shows (data-value of every data-figure element), for checks and failure messages. */
const figures = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('[data-figure]')].map((e) => [e.dataset.figure, e.dataset.value ?? e.textContent])));

/** The header's status line as a person reads it ("live updated 10:15:02"). */
const statusLine = (page) => page.evaluate(() => document.querySelector('.status').innerText.replace(/\s+/g, ' ').trim());

async function processBox() {
  const started = Date.now();
  const args = ['process', `${arg.work}/sample/box`, '--registry', `${arg.work}/sample/registry`,
    '--out', `${arg.work}/out`, '--ledger', arg.ledger, '--operator', 'op-1', '--quiet'];
  try {
    await promisify(execFile)(arg.mailroom, args, { timeout: PROCESS_TIMEOUT_MS });
  } catch (err) {
    throw new TestFailure(`mailroom ${args.join(' ')} failed (${err.code ?? err.signal}):\n${err.stderr ?? err.message}`);
  }
  log(`processed the box in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Fills in and sends the login form the page shows. */
async function submitLogin(page, password) {
  await page.fill('#login', arg.login);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}

/** Without a session the page sends the browser to the login form; a wrong password is refused there. */
async function logIn(page) {
  await page.goto(arg.url);
  check(new URL(page.url()).pathname === '/login', `without a login the page should be the login form, it is ${page.url()}`);
  await submitLogin(page, `${arg.password} but wrong`);
  check(new URL(page.url()).pathname === '/login', `a wrong password led to ${page.url()}, not back to the form`);
  const refusal = await page.textContent('.error');
  check(refusal.includes('wrong login or password'), `the login form says "${refusal}" after a wrong password`);
  await submitLogin(page, arg.password);
  check(page.url() === arg.url, `after the login the browser is at ${page.url()}, not the dashboard ${arg.url}`);
  log(`logged in as ${arg.login}`);
}

/** The paused station's row offers Resume; a click asks the station to go on (the ledger's request). */
async function resumeStation(page) {
  const row = page.locator('[data-station="scan-1"]');
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  check(text.includes('paused') && text.includes('Paper jam at sheet 3'), `the station row says "${text}", not paused on the jam`);
  const button = row.locator('button[data-resume="scan-1"]');
  check(await button.textContent() === 'Resume', `the paused station's button says "${await button.textContent()}"`);
  await button.click();
  try {
    await page.waitForSelector('[data-station="scan-1"] button[data-resume]:disabled', { timeout: 10_000 });
  } catch {
    throw new TestFailure(`after Resume the button is not disabled; the stations note says "${await page.textContent('#stations-error')}"`);
  }
  const { stdout } = await promisify(execFile)(arg.mailroom, ['station', 'status', '--json', '--ledger', arg.ledger]);
  const station = JSON.parse(stdout).find((s) => s.station === 'scan-1');
  check(station && station.resume_requested === true, `after Resume the ledger has no resume request: ${stdout}`);
  log('resumed station scan-1');
}

/** The logout button ends the session: the dashboard then sends the browser to the login form again. */
async function logOut(page) {
  check(await page.textContent('#user') === arg.login, `the header names "${await page.textContent('#user')}", not ${arg.login}`);
  await Promise.all([page.waitForNavigation(), page.click('#logout')]);
  check(new URL(page.url()).pathname === '/login', `after logging out the browser is at ${page.url()}`);
  await page.goto(arg.url);
  check(new URL(page.url()).pathname === '/login', `after logging out the dashboard still opens (${page.url()})`);
  log('logged out');
}

async function run(page, consoleErrors) {
  await logIn(page);
  try {
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
  } catch {
    throw new TestFailure(`the page never finished its first update (body[data-loaded="true"]); ` +
      `status line: ${await statusLine(page)}`);
  }
  // A marker on window: it is gone if the page reloads, so the checks below prove a live update.
  await page.evaluate(() => { window.notReloaded = true; });

  let shown = await figures(page);
  log(`first update: ${JSON.stringify(shown)}`);
  check(shown.boxes === '1', `totals: expected 1 box (the registered one), the page shows ${shown.boxes}`);
  check(shown.pages_delivered === '0', `totals: expected 0 pages delivered before processing, the page shows ${shown.pages_delivered}`);
  check(shown['boxes_by_state.received'] === '1',
    `boxes by state: expected the registered box as received, the page shows ${shown['boxes_by_state.received']}`);
  await resumeStation(page);
  const updatesBefore = Number(await page.getAttribute('body', 'data-updates'));

  await processBox();
  try {
    await page.waitForFunction(() => {
      const value = (name) => Number(document.querySelector(`[data-figure="${name}"]`)?.dataset.value);
      return value('pages_delivered') > 0 && value('boxes_by_state.delivered') === 1;
    }, null, { timeout: LIVE_TIMEOUT_MS, polling: 250 });
  } catch {
    shown = await figures(page);
    throw new TestFailure(`within ${LIVE_TIMEOUT_MS / 1000} s of processing, the page did not show pages delivered > 0 ` +
      `and 1 delivered box: pages_delivered=${shown.pages_delivered}, ` +
      `boxes_by_state.delivered=${shown['boxes_by_state.delivered']}; status line: ${await statusLine(page)}`);
  }
  shown = await figures(page);
  log(`after processing: ${JSON.stringify(shown)}`);
  check(await page.evaluate(() => window.notReloaded === true), 'the page was reloaded; it must update in place');
  check(Number(await page.getAttribute('body', 'data-updates')) > updatesBefore, 'data-updates did not grow');
  check(await page.textContent('#live') === 'live', `the indicator says "${await page.textContent('#live')}", not live`);
  check(Number(shown.pages_open) === 0, `a delivered box leaves no open pages, the page shows ${shown.pages_open}`);
  check(await page.locator(`[data-jobcenter="${arg.origin}"]`).count() === 0,
    `the backlog still lists ${arg.origin} although its only box is delivered`);
  check(await page.locator('#throughput rect.postkorb, #throughput rect.review').count() > 0,
    'the throughput chart shows no bar for the pages just processed');
  check(consoleErrors.length === 0, `the browser console has errors:\n  ${consoleErrors.join('\n  ')}`);
  await page.screenshot({ path: arg.screenshot, fullPage: true });
  log(`screenshot: ${arg.screenshot}`);
  await logOut(page);
}

// The refused login the test provokes is answered 401, which Chromium reports as an error. The picture of
// a failure lies beside where the good screenshot would be.
const refusedLogin = (m) => m.text().includes('status of 401') && new URL(m.location().url).pathname === '/login';
await runInBrowser({ name: 'dashboard_test', failureScreenshot: arg.screenshot.replace(/\.png$/, '-failure.png'),
  ignoreConsole: refusedLogin }, run);
