// The review desk: the in-tray (#/) and one document (#/document/<id>), from the JSON API of
// review/server/include/mailroom/review/desk_server.h. Every action is one POST carrying the session's
// CSRF token; a refusal (HTTP 403/404/422) is shown to the clerk in words, as the server gave it.
// Every text from the JSON goes into the page as a text node or an attribute value, never as HTML.
'use strict';

const DPI_STEPS = [100, 150, 200, 300]; // page image resolutions: the first is the default, the others zoom in

let session = null; // GET /api/session: {login, csrf_token, jobcenters, all_jobcenters}
let shown = null;   // the document on screen (GET /api/review/<id>), for the actions
let keepNotice = false; // the next change of view comes from an action: keep saying what it did

// ---- small DOM helpers ------------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const $ = (id) => document.getElementById(id);

function showView(name) {
  for (const view of ['list', 'document']) $(`${view}-view`).hidden = view !== name;
  document.body.dataset.view = name;
}

/** What an action did, kept across the change of view that follows it. */
function notify(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
}

/** Why the server refused, in its words; cleared by the next action. */
function refuse(text) {
  $('refusal').textContent = text;
  $('refusal').hidden = !text;
}

// ---- the API ----------------------------------------------------------------------------------

/** An answer the clerk must read: a refusal (4xx) or a failure of the server (5xx). */
class Refused extends Error {}

class LoggedOut extends Error {}

/** The JSON of `path`; throws Refused with the server's {error} for any answer but 2xx. */
async function api(method, path, body = undefined) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && session) headers['X-CSRF-Token'] = session.csrf_token;
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new Refused(`the review desk is not reachable (${err.message})`);
  }
  const json = await response.json().catch(() => null);
  if (response.status === 401) throw new LoggedOut(json?.error || 'not logged in');
  if (!response.ok) {
    const why = json?.error || `${response.status} ${response.statusText}`.trim();
    throw new Refused(response.status >= 500 ? `the review desk failed: ${why}` : why);
  }
  return json;
}

const documentPath = (id) => `/api/review/${encodeURIComponent(id)}`;

/** Runs an action; shows a refusal instead of throwing, and the login form when the session ended. */
async function guarded(action) {
  refuse('');
  try {
    await action();
  } catch (err) {
    if (err instanceof LoggedOut) showLogin();
    else if (err instanceof Refused) refuse(err.message);
    else {
      console.error(err); // a bug in the page or the server's JSON: the console is where tests look
      refuse(`the page cannot show this (${err.message})`);
    }
  }
}

// ---- the session ------------------------------------------------------------------------------

/** The web server's login form, back to this view afterwards (a session ended, or none yet). */
function showLogin() {
  session = null;
  location.assign(`/login?next=${encodeURIComponent(location.pathname + location.hash)}`);
}

async function loadSession() {
  session = await api('GET', '/api/session');
  const scope = session.all_jobcenters ? 'all jobcenters' : (session.jobcenters || []).join(', ');
  $('who').textContent = `${session.login} (${scope})`;
  $('logout').hidden = false;
}

$('logout').addEventListener('click', () => guarded(async () => {
  // The server answers 303 to its login form; the page follows it itself.
  await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': session.csrf_token }, credentials: 'same-origin' });
  showLogin();
}));

// ---- the in-tray ------------------------------------------------------------------------------

function inTrayRow(d) {
  const marker = d.priority
    ? el('span', { class: 'marker', title: 'objection: its deadline runs' }, '!', el('span', { class: 'visually-hidden' }, 'objection'))
    : null;
  return el('tr', { class: d.priority ? 'objection' : null, 'data-document': d.document_id },
    el('td', { class: 'priority' }, marker),
    el('td', {}, d.box_id),
    el('th', { scope: 'row' }, el('a', { href: `#/document/${encodeURIComponent(d.document_id)}` }, d.document_id)),
    el('td', {}, d.doc_type),
    el('td', { class: 'reason' }, d.reason),
    el('td', { class: 'time' }, d.waiting),
    el('td', { class: 'num' }, String(d.pages)));
}

async function showList() {
  const tray = await api('GET', '/api/review');
  const rows = tray.documents.map(inTrayRow);
  if (rows.length === 0) rows.push(el('tr', { class: 'empty' }, el('td', { colspan: 7 }, 'Nothing in review.')));
  $('in-tray-rows').replaceChildren(...rows);
  const objections = tray.documents.filter((d) => d.priority).length;
  $('list-count').textContent = `${tray.documents.length} open` + (objections ? `, ${objections} objection on top` : '');
  $('problems').hidden = tray.problems.length === 0;
  $('problem-list').replaceChildren(...tray.problems.map((p) => el('li', {}, p)));
  shown = null;
  showView('list');
}

// ---- one document -----------------------------------------------------------------------------

function renderFacts(d) {
  const facts = [
    ['Box', d.box_id], ['From jobcenter', d.origin], ['Waiting', d.waiting], ['Reason', d.reason],
    ['Type (classifier)', d.doc_type], ['Confidence', d.confidence.toFixed(2)],
    ['Evidence', d.evidence.join(', ') || 'none'], ['Person fields matched', d.person_match.join(', ') || 'none'],
  ];
  if (d.contested_decision_date) facts.push(['Contested decision of', d.contested_decision_date]);
  $('facts').replaceChildren(...facts.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', {}, value))));
}

/** One candidate case with why it is offered; candidates alone (an older review JSON) give the number only. */
function candidateItem(c) {
  const why = [];
  if (c.numbers?.length) why.push(`numbers read: ${c.numbers.join(', ')}`);
  if (c.person_match?.length) why.push(`person fields matched: ${c.person_match.join(', ')}`);
  if (c.score !== undefined) why.push(`score ${Number(c.score).toFixed(2)}`);
  // No number of the case on the page and no birth date: a namesake is as likely as the person.
  const weak = c.score !== undefined &&
    (c.score < 0.5 || (!c.numbers?.length && !(c.person_match ?? []).includes('birth_date')));
  return el('li', { 'data-case': c.bg_number },
    el('p', { class: 'case' }, el('strong', {}, c.bg_number), c.jobcenter_id ? ` ${c.jobcenter_id}` : null),
    why.length ? el('p', { class: 'muted' }, why.join('; ')) : null,
    weak ? el('p', { class: 'warning' },
      'Weak evidence: no number of this case and no birth date on the page. Check the person before assigning.')
      : null,
    el('button', { type: 'button', class: 'assign-candidate', 'data-case': c.bg_number,
      'aria-label': `Assign to case ${c.bg_number}` }, 'Assign to this case'));
}

function renderCandidates(d) {
  const candidates = d.candidate_evidence?.length ? d.candidate_evidence : d.candidates.map((bg) => ({ bg_number: bg }));
  $('candidates').replaceChildren(...candidates.map(candidateItem));
  $('candidates').hidden = candidates.length === 0;
  $('no-candidates').hidden = candidates.length > 0;
}

function renderAssignForm(detail) {
  const d = detail.document;
  $('doc-type').replaceChildren(...detail.doc_types.map((t) => el('option', { value: t, selected: t === d.doc_type }, t)));
  $('case-number').value = '';
  $('person-query').value = '';
  $('person-results').replaceChildren();
  $('forward-confirm').hidden = true;
  $('preview').hidden = true;
  $('split-at').max = String(detail.pages.length);
  $('split-at').value = '';
  $('split-form').hidden = detail.pages.length < 2;
}

function zoomButtons(page, image) {
  let step = 0;
  const zoom = (by) => {
    step = Math.min(DPI_STEPS.length - 1, Math.max(0, step + by));
    image.src = pageImage(page.index, DPI_STEPS[step]);
    // The default fits the column; zoomed, the page is shown at its rendered size and its frame scrolls.
    image.classList.toggle('fit', step === 0);
    zoomIn.disabled = step === DPI_STEPS.length - 1;
    zoomOut.disabled = step === 0;
    image.dataset.dpi = String(DPI_STEPS[step]);
  };
  const zoomIn = el('button', { type: 'button', 'aria-label': `Zoom in page ${page.index}` }, 'Zoom in');
  const zoomOut = el('button', { type: 'button', 'aria-label': `Zoom out page ${page.index}`, disabled: true }, 'Zoom out');
  zoomIn.addEventListener('click', () => zoom(+1));
  zoomOut.addEventListener('click', () => zoom(-1));
  return el('p', { class: 'zoom' }, zoomOut, zoomIn);
}

const pageImage = (index, dpi) => `${documentPath(shown.document.document_id)}/pages/${index}.png?dpi=${dpi}`;

/** Accounting a page by hand and sending it to be scanned again: one small form each. */
function pageForms(page, kinds) {
  const n = page.index;
  const account = el('form', { class: 'page-form', 'data-action': 'account' },
    el('label', { for: `account-kind-${n}` }, `Account page ${n} as`),
    el('select', { id: `account-kind-${n}`, name: 'kind' }, ...kinds.map((k) => el('option', { value: k }, k))),
    el('label', { for: `account-reason-${n}` }, `Why page ${n} is accounted`),
    el('input', { id: `account-reason-${n}`, name: 'reason', required: true }),
    el('button', { type: 'submit' }, `Account page ${n}`));
  account.addEventListener('submit', (event) => {
    event.preventDefault();
    act('account', { page: page.name, kind: account.elements.kind.value, reason: account.elements.reason.value });
  });
  const rescan = el('form', { class: 'page-form', 'data-action': 'rescan' },
    el('label', { for: `rescan-reason-${n}` }, `Why page ${n} must be scanned again`),
    el('input', { id: `rescan-reason-${n}`, name: 'reason', required: true }),
    el('button', { type: 'submit' }, `Send page ${n} to rescan`));
  rescan.addEventListener('submit', (event) => {
    event.preventDefault();
    act('rescan', { page: page.name, reason: rescan.elements.reason.value });
  });
  return el('details', { class: 'page-actions' }, el('summary', {}, `Account or rescan page ${n}`), account, rescan);
}

function renderPages(detail) {
  $('pdf-problem').hidden = !detail.pdf_error;
  $('pdf-problem').textContent = detail.pdf_error || '';
  const total = detail.pages.length;
  $('pages').replaceChildren(...detail.pages.map((page) => {
    const image = el('img', { src: pageImage(page.index, DPI_STEPS[0]), 'data-dpi': DPI_STEPS[0],
      alt: `Page ${page.index} of ${total} (${page.name})`, class: 'page-image fit' });
    const text = el('pre', { class: 'ocr', tabindex: 0, 'aria-label': `OCR text of page ${page.index}` },
      page.text || '(no text was read on this page)');
    return el('li', { class: 'page', 'data-page': page.name },
      el('h4', {}, `Page ${page.index} of ${total}: ${page.name}`),
      el('div', { class: 'page-body' },
        el('figure', {}, el('div', { class: 'scroller' }, image), zoomButtons(page, image)),
        el('div', { class: 'page-side' }, text, pageForms(page, detail.hand_account_kinds))));
  }));
}

async function showDocument(id) {
  shown = await api('GET', documentPath(id));
  const d = shown.document;
  $('document-id').textContent = d.document_id;
  $('document-priority').hidden = !d.priority;
  renderFacts(d);
  renderCandidates(d);
  renderAssignForm(shown);
  renderPages(shown);
  showView('document');
}

// ---- the actions ------------------------------------------------------------------------------

/** POSTs one action on the document on screen; then the document again, or the in-tray where it left review. */
function act(action, body) {
  const id = shown.document.document_id;
  return guarded(async () => {
    const outcome = await api('POST', `${documentPath(id)}/${action}`, body);
    notify(outcome.summary + (outcome.box_delivered ? ` Box ${shown.document.box_id} is delivered.` : ''));
    if (outcome.documents.includes(id)) {
      await showDocument(id);
    } else {
      keepNotice = true; // the in-tray is shown because of this action: its notice stays
      location.hash = '#/';
    }
  });
}

let previewed = null; // the assignment whose case the clerk sees, until confirmed or cancelled

function preview(number) {
  const assignment = { number, doc_type: $('doc-type').value };
  return guarded(async () => {
    $('preview').hidden = true;
    const found = await api('POST', `${documentPath(shown.document.document_id)}/preview`, assignment);
    previewed = assignment;
    $('preview-case').textContent = found.bg_number;
    $('preview-where').textContent = `${found.jobcenter_id}, team ${found.team}, as ${found.doc_type}`;
    $('preview-persons').replaceChildren(...found.persons.map((p) => el('li', {}, p)));
    $('preview').hidden = false;
    $('confirm-assign').focus();
  });
}

$('preview-form').addEventListener('submit', (event) => {
  event.preventDefault();
  preview($('case-number').value);
});

$('candidates').addEventListener('click', (event) => {
  const button = event.target.closest('button.assign-candidate');
  if (!button) return;
  $('case-number').value = button.dataset.case;
  preview(button.dataset.case);
});

// A letter without a number: the clerk types the sender read on it; two facts of one person must
// agree, and only cases of the jobcenters granted are offered.
$('person-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(async () => {
    const found = await api('GET', `/api/cases?q=${encodeURIComponent($('person-query').value)}`);
    const items = found.cases.map((c) => el('li', { 'data-case': c.bg_number },
      el('p', { class: 'case' }, el('strong', {}, c.bg_number), ` ${c.jobcenter_id}`),
      el('ul', {}, ...c.persons.map((p) => el('li', {}, p))),
      el('button', { type: 'button', class: 'assign-candidate', 'data-case': c.bg_number,
        'aria-label': `Assign to case ${c.bg_number}` }, 'Assign to this case')));
    $('person-results').replaceChildren(...(items.length ? items
      : [el('li', { class: 'muted' }, 'No person of the jobcenters you work matches.')]));
  });
});

$('person-results').addEventListener('click', (event) => {
  const button = event.target.closest('button.assign-candidate');
  if (!button) return;
  $('case-number').value = button.dataset.case;
  preview(button.dataset.case);
});

// Mail whose case nobody at the desk can find goes to its jobcenter, whose staff research it.
$('forward').addEventListener('click', () => {
  $('forward-to').textContent = shown.document.origin;
  $('forward-confirm').hidden = false;
  $('confirm-forward').focus();
});
$('confirm-forward').addEventListener('click', () => act('forward', { doc_type: $('doc-type').value }));
$('cancel-forward').addEventListener('click', () => { $('forward-confirm').hidden = true; });

$('confirm-assign').addEventListener('click', () => act('assign', previewed));
$('cancel-assign').addEventListener('click', () => { $('preview').hidden = true; previewed = null; });

$('split-form').addEventListener('submit', (event) => {
  event.preventDefault();
  act('split', { at: Number($('split-at').value) });
});

$('join').addEventListener('click', () => act('join', {}));

// ---- routing ----------------------------------------------------------------------------------

async function route() {
  const match = location.hash.match(/^#\/document\/(.+)$/);
  if (match) await showDocument(decodeURIComponent(match[1]));
  else await showList();
}

window.addEventListener('hashchange', () => guarded(async () => {
  if (!keepNotice) notify('');
  keepNotice = false;
  if (!session) return;
  await route();
  window.scrollTo(0, 0);
}));

guarded(async () => {
  await loadSession();
  await route();
});
