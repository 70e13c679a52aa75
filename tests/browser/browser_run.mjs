// The frame of a real-browser test: Debian's Chromium (playwright-core never downloads a browser), one
// page of 1366x768 in Berlin time, the console's errors collected, PASS or FAIL printed and the exit
// status set, and a picture of the page when it fails.
import { chromium } from 'playwright-core';

/** A check that failed: its message is the whole story (no stack trace printed). */
export class TestFailure extends Error {}

export const check = (ok, message) => { if (!ok) throw new TestFailure(message); };

/**
 * Runs `run(page, consoleErrors)` and exits the process: 0 when it returned, 1 when it threw.
 * `name` prefixes every line; `ignoreConsole` tells the console errors that are expected: a RegExp
 * matched against the text, or a function of playwright's ConsoleMessage; on failure the page is
 * saved as `failureScreenshot`.
 */
export async function runInBrowser({ name, failureScreenshot, ignoreConsole = null }, run) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  let status = 0;
  try {
    const consoleErrors = [];
    const expected = (m) => (typeof ignoreConsole === 'function' ? ignoreConsole(m) : ignoreConsole?.test(m.text()));
    page.on('console', (m) => {
      if (m.type() === 'error' && !expected(m)) consoleErrors.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
    await run(page, consoleErrors);
    console.log(`${name}: PASS`);
  } catch (err) {
    console.error(`${name}: FAIL: ${err instanceof TestFailure ? err.message : err.stack}`);
    status = 1;
    await page.screenshot({ path: failureScreenshot, fullPage: true })
      .then(() => console.log(`${name}: screenshot: ${failureScreenshot}`), () => {});
  } finally {
    await browser.close();
  }
  process.exit(status);
}
