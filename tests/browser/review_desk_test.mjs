// The review desk in a real browser (Debian's Chromium, driven by playwright-core). Started by
// review_desk_test.sh, which has processed a box whose every document went to review, added a clerk and
// started `mailroom review serve`. A clerk logs in and works every document the way the page offers:
// a wrong number is refused in words, a candidate is assigned after its persons were shown, a letter is
// split, an unreadable page is accounted for by hand, the rest are assigned by number; then the box is
// delivered in the ledger. Selects by role and label, as a person (or a screen reader) finds things.
//
// Usage: node review_desk_test.mjs --url URL --mailroom BIN --ledger FILE --out OUT_DIR --registry REG_DIR
//                                  --box BOX_ID --login LOGIN --password PASSWORD --screenshots DIR
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { check, runInBrowser, TestFailure } from './browser_run.mjs';

const OPTIONS = ['url', 'mailroom', 'ledger', 'out', 'registry', 'box', 'login', 'password', 'screenshots'];
const { values: arg } = parseArgs({ options: Object.fromEntries(OPTIONS.map((name) => [name, { type: 'string' }])) });
for (const name of OPTIONS) if (!arg[name]) throw new Error(`missing --${name}`);

const VIEW_TIMEOUT_MS = 15_000;
const NO_CASE = '99999BG9999999'; // office 99999 is no jobcenter of any generated registry

const log = (message) => console.log(`review_desk_test: ${message}`);

/** The registry's cases, for numbers to type: [{bg_number, jobcenter_id, ...}], one per person. */
function registryCases() {
  const [header, ...lines] = readFileSync(join(arg.registry, 'cases.csv'), 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}

/** The document's JSON in OUT_DIR/postkorb/<jobcenter>/<team>/, or null. */
function postkorbJson(documentId) {
  const postkorb = join(arg.out, 'postkorb');
  if (!existsSync(postkorb)) return null;
  for (const jobcenter of readdirSync(postkorb)) {
    for (const team of readdirSync(join(postkorb, jobcenter))) {
      const file = join(postkorb, jobcenter, team, `${documentId}.json`);
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    }
  }
  return null;
}

async function waitForView(page, view, what) {
  try {
    await page.waitForSelector(`body[data-view="${view}"]`, { timeout: VIEW_TIMEOUT_MS });
  } catch {
    const refusal = await page.locator('#refusal').textContent();
    throw new TestFailure(`${what}: the ${view} view did not appear; the page says: ${refusal || '(nothing)'}`);
  }
}

/** The documents of the list view, top to bottom: [{id, objection}]. */
async function listedDocuments(page) {
  return page.locator('#in-tray-rows tr[data-document]').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.dataset.document, objection: r.classList.contains('objection'),
      reason: r.querySelector('.reason').textContent, pages: Number(r.querySelector('.num').textContent) })));
}

async function openDocument(page, id) {
  await page.getByRole('link', { name: id, exact: true }).click();
  await waitForView(page, 'document', `opening ${id}`);
  check(await page.locator('#document-id').textContent() === id, `opened ${id}, the page shows another document`);
}

/** What the action did, as the page says it (the status line). */
async function notice(page) {
  await page.locator('#notice').waitFor({ state: 'visible', timeout: VIEW_TIMEOUT_MS });
  return page.locator('#notice').textContent();
}

/** Types (or picks) a case, checks the persons shown, confirms; returns to the list. */
async function assignConfirmed(page, id, pick) {
  await pick();
  const preview = page.locator('#preview');
  try {
    await preview.waitFor({ state: 'visible', timeout: VIEW_TIMEOUT_MS });
  } catch {
    throw new TestFailure(`${id}: no case was shown to confirm; the page says: ${await page.locator('#refusal').textContent()}`);
  }
  const persons = await page.getByRole('list', { name: 'Persons of the case' }).locator('li').allTextContents();
  check(persons.length > 0 && persons.every((p) => /, born \d{4}-\d\d-\d\d$/.test(p)),
    `${id}: the preview must show each person with name and birth date before confirming, it shows ${JSON.stringify(persons)}`);
  const bg = await page.locator('#preview-case').textContent();
  await page.getByRole('button', { name: 'Confirm: assign to this case' }).click();
  await waitForView(page, 'list', `${id}: after confirming`);
  const said = await notice(page);
  check(said.includes(id), `${id}: after the assignment the page says "${said}"`);
  const delivered = postkorbJson(id);
  check(delivered !== null, `${id}: no JSON in ${arg.out}/postkorb/ after the assignment`);
  check(delivered.resolved_by === arg.login, `${id}: resolved_by is ${delivered.resolved_by}, not ${arg.login}`);
  check(delivered.bg_number === bg, `${id}: delivered to case ${delivered.bg_number}, the clerk confirmed ${bg}`);
  log(`${id}: assigned to ${bg} (${persons.length} persons shown first)`);
}

/** A picture of the view for the README: from its top, tall enough for the decisions beside the page. */
async function screenshot(page, name) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport.width, height: 1000 });
  await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('.side')?.scrollTo(0, 0); });
  await page.screenshot({ path: join(arg.screenshots, name) });
  await page.setViewportSize(viewport);
  log(`screenshot: ${join(arg.screenshots, name)}`);
}

/** The box's row of `mailroom boxes --ledger`, spaces squeezed. */
async function boxRow() {
  const { stdout } = await promisify(execFile)(arg.mailroom, ['boxes', '--ledger', arg.ledger]);
  const row = stdout.split('\n').find((line) => line.startsWith(`${arg.box} `));
  check(row, `mailroom boxes does not list ${arg.box}:\n${stdout}`);
  return row.replace(/\s+/g, ' ');
}

async function typeNumber(page, number) {
  await page.getByLabel('BG or customer number').fill(number);
  await page.getByRole('button', { name: 'Show the case' }).click();
}

async function run(page, consoleErrors) {
  await page.goto(arg.url); // without a session: the web server's login form, then back to the desk
  await page.getByLabel('Login').fill(arg.login);
  await page.getByLabel('Password').fill(arg.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await waitForView(page, 'list', 'logging in');

  let listed = await listedDocuments(page);
  log(`in-tray: ${JSON.stringify(listed)}`);
  check(listed.length === 4, `expected the 4 review documents of the box, the list shows ${listed.length}`);
  check(listed[0].objection && listed.slice(1).every((d) => !d.objection), 'the objection must be on top, highlighted');
  await screenshot(page, 'review-desk-list.png');

  // The objection: its page, its candidate; a wrong number is refused in words; then its candidate.
  const objection = listed[0].id;
  await openDocument(page, objection);
  const image = page.getByRole('img', { name: /^Page 1 of 1/ });
  await image.waitFor({ timeout: VIEW_TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelector('.page-image')?.naturalWidth > 0, null, { timeout: VIEW_TIMEOUT_MS });
  const width = await image.evaluate((img) => img.naturalWidth);
  check(width > 600, `page 1's image is ${width} px wide; at 100 dpi a letter page is about 830`);
  check((await page.getByLabel('OCR text of page 1').textContent()).trim().length > 20, 'page 1 shows no OCR text');
  const candidates = await page.locator('#candidates li').count();
  check(candidates >= 1, `${objection}: the page shows no candidate case`);
  // Its candidate shares only the sender's surname: the page must say the evidence is weak.
  const warning = await page.locator('#candidates .warning').first().textContent();
  check(warning?.includes('Weak evidence'), `${objection}: a surname-only candidate must be marked weak`);
  await page.getByRole('button', { name: 'Zoom in page 1' }).click();
  await page.waitForFunction((w) => document.querySelector('.page-image').naturalWidth > w * 1.3, width,
    { timeout: VIEW_TIMEOUT_MS });
  await typeNumber(page, NO_CASE);
  const refusal = page.getByRole('alert').filter({ hasText: NO_CASE });
  await refusal.waitFor({ timeout: VIEW_TIMEOUT_MS });
  const said = await refusal.textContent();
  check(said.includes('neither a registered BG number nor a registered customer number'),
    `a wrong number must be refused with the reason, the page says "${said}"`);
  check(await page.locator('#preview').isHidden(), 'a refused number must show no case to confirm');
  log(`wrong number refused: ${said}`);
  await page.getByRole('button', { name: 'Zoom out page 1' }).click();
  await page.getByRole('button', { name: /^Assign to case / }).first().click();
  await page.locator('#preview').waitFor({ state: 'visible', timeout: VIEW_TIMEOUT_MS });
  await screenshot(page, 'review-desk-document.png');
  await assignConfirmed(page, objection, async () => {});

  // The three-page letter: split before page 2, into two documents.
  listed = await listedDocuments(page);
  const letter = listed.find((d) => d.pages === 3);
  check(letter, `no document of 3 pages in the list: ${JSON.stringify(listed)}`);
  await openDocument(page, letter.id);
  await page.getByLabel('Split before page').fill('2');
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await waitForView(page, 'list', `${letter.id}: after the split`);
  listed = await listedDocuments(page);
  const parts = listed.filter((d) => d.id.startsWith(`${letter.id}.`)).map((d) => [d.id, d.pages]);
  check(JSON.stringify(parts) === JSON.stringify([[`${letter.id}.1`, 1], [`${letter.id}.2`, 2]]),
    `the split must leave ${letter.id}.1 (1 page) and .2 (2 pages), the list shows ${JSON.stringify(listed)}`);
  log(`${letter.id}: split into ${parts.map((p) => p[0]).join(' and ')}`);

  // The unreadable page: accounted for by hand.
  const unreadable = listed.find((d) => d.reason.includes('empty file'));
  check(unreadable, `no document for the empty page file in the list: ${JSON.stringify(listed)}`);
  await openDocument(page, unreadable.id);
  await page.getByText('Account or rescan page 1').click();
  await page.getByLabel('Account page 1 as').selectOption('unreadable');
  await page.getByLabel('Why page 1 is accounted').fill('empty file from the scanner, paper kept with the box');
  await page.getByRole('button', { name: 'Account page 1' }).click();
  await waitForView(page, 'list', `${unreadable.id}: after accounting its page`);
  log(`${unreadable.id}: ${await notice(page)}`);
  check(existsSync(join(arg.out, 'accounted', `${unreadable.id}.json`)), `${unreadable.id} is not in ${arg.out}/accounted/`);

  const open = await boxRow();
  check(!/\bdelivered\b/.test(open), `${arg.box} must stay open while documents of it are in review: ${open}`);

  // The rest: by a candidate where there is one, else by finding a case by its person (a letter
  // without a number: the clerk types the sender's name and birth date).
  const anyCase = registryCases()[0]; // the clerk may work every jobcenter
  const findByPerson = async () => {
    await page.getByLabel('No number? Find the case by the person').fill(`${anyCase.surname} ${anyCase.birth_date}`);
    await page.getByRole('button', { name: 'Find the case' }).click();
    const found = page.locator('#person-results').getByRole('button', { name: `Assign to case ${anyCase.bg_number}` });
    await found.waitFor({ timeout: VIEW_TIMEOUT_MS });
    log(`found case ${anyCase.bg_number} by its person`);
    await found.click();
  };
  let forwarded = null; // the first document without a candidate: its case is not found, it goes to its jobcenter
  for (const d of await listedDocuments(page)) {
    await openDocument(page, d.id);
    const candidate = page.locator('#candidates').getByRole('button', { name: /^Assign to case / }).first();
    if ((await candidate.count()) === 0 && forwarded === null) {
      forwarded = d.id;
      await page.getByRole('button', { name: 'Forward to the jobcenter without a case' }).click();
      await page.getByRole('button', { name: 'Confirm: forward without a case' }).click();
      await waitForView(page, 'list', `${d.id}: after forwarding it`);
      const json = postkorbJson(d.id);
      check(json && json.bg_number === null && json.resolved_by === arg.login,
        `${d.id}: forwarded, its Postkorb JSON must have no BG number and resolved_by: ${JSON.stringify(json)}`);
      log(`${d.id}: forwarded to ${json.jobcenter_id} without a case`);
      continue;
    }
    const pick = (await candidate.count()) > 0 ? () => candidate.click() : findByPerson;
    await assignConfirmed(page, d.id, pick);
  }
  check(forwarded !== null, 'no document without a candidate was there to forward');
  check((await listedDocuments(page)).length === 0, 'documents are left in the list after all were worked');
  check(await page.getByText('Nothing in review.').isVisible(), 'the empty in-tray does not say so');

  // Every page delivered or accounted: the box is delivered in the ledger.
  const row = await boxRow();
  check(/\bdelivered\b/.test(row), `mailroom boxes must show ${arg.box} delivered once nothing is left in review: ${row}`);
  log(`ledger: ${row}`);
  check(consoleErrors.length === 0, `the browser console has errors:\n  ${consoleErrors.join('\n  ')}`);
}

// The browser logs every HTTP 422 (a refusal, which the page answers in words): expected here. Any other
// console error is a fault of the page or the server.
await runInBrowser({ name: 'review_desk_test', failureScreenshot: join(arg.screenshots, 'review-desk-failure.png'),
  ignoreConsole: /status of 422\b/ }, run);
