// The operations dashboard: polls /api/overview (its JSON is specified in
// dashboard/include/mailroom/dashboard/overview.h) and updates the page in place.
// Every text from the JSON goes into the page as a text node or an attribute value, never as HTML.
'use strict';

const POLL_MS = 2000;            // how often the page asks for a new snapshot
const FETCH_TIMEOUT_MS = 5000;   // a server that hangs is as stale as one that is down
const LATE_S = 24 * 3600;        // backlog older than this is highlighted ...
const OVERDUE_S = 2 * 24 * 3600; // ... and this old breaks the promise "in the Postkorb within two days"
const SVG_NS = 'http://www.w3.org/2000/svg';

const numberFormat = new Intl.NumberFormat('en');
let failingSince = null; // time of the first failed fetch in a row, for the stale message

// ---- small DOM helpers ------------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const $ = (id) => document.getElementById(id);

/** Sets every element marked data-figure="name"; data-value keeps the raw number for tests and tools. */
function setFigure(name, value, text = formatCount(value)) {
  for (const node of document.querySelectorAll(`[data-figure="${name}"]`)) {
    node.textContent = text;
    node.dataset.value = String(value);
  }
}

/** A table cell holding a number, marked as a figure so tests find it. */
function numberCell(value, figure = null) {
  return el('td', { class: 'num', 'data-figure': figure, 'data-value': value }, formatCount(value));
}

/** One full-width row saying why a table is empty. */
function emptyRow(columns, text) {
  return el('tr', { class: 'empty' }, el('td', { colspan: columns }, text));
}

// ---- formatting -------------------------------------------------------------------------------

function formatCount(n) {
  return Number.isFinite(n) ? numberFormat.format(n) : '–';
}

const pad2 = (n) => String(n).padStart(2, '0');

/** HH:MM in the browser's local time (the scan center's wall clock). */
function formatClock(date, withSeconds = false) {
  const hm = `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
  return withSeconds ? `${hm}:${pad2(date.getSeconds())}` : hm;
}

/** YYYY-MM-DD HH:MM in local time. */
function formatDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso || '–';
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${formatClock(d)}`;
}

/** An age as people say it: "25 min", "3 h 5 min", "1 d 3 h". */
function formatAge(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return '< 1 min';
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor(s / 60) % 60} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor(s / 3600) % 24} h`;
}

// ---- sections ---------------------------------------------------------------------------------

function renderTotals(t) {
  for (const key of ['boxes', 'pages_captured', 'pages_delivered', 'pages_accounted', 'pages_open',
    'pages_in_review', 'documents_postkorb', 'documents_review']) {
    setFigure(key, t[key]);
  }
  const documents = t.documents_postkorb + t.documents_review;
  const rate = documents > 0 ? ((100 * t.documents_review) / documents).toFixed(1) : null;
  setFigure('review_rate', rate ?? '', rate === null ? '–' : `${rate} %`);
}

function renderReview(r) {
  for (const key of ['documents_today', 'pages_today', 'documents_last_24h']) setFigure(`review.${key}`, r[key]);
}

// A box's life in order. JSON objects carry no order (the server's library sorts keys), so the page
// orders the states itself; a state it does not know goes last rather than missing.
const STATE_ORDER = ['received', 'scanning', 'scanned', 'processing', 'delivered', 'destruction-due', 'destroyed'];
const stateRank = (state) => (STATE_ORDER.includes(state) ? STATE_ORDER.indexOf(state) : STATE_ORDER.length);

function renderStates(byState) {
  const entries = Object.entries(byState).sort(([a], [b]) => stateRank(a) - stateRank(b));
  const largest = Math.max(1, ...entries.map(([, n]) => n));
  $('states').replaceChildren(...entries.map(([state, n]) => {
    const bar = el('span', { class: 'bar' });
    bar.style.width = `${(100 * n) / largest}%`; // a style property, not markup: safe for any value
    return el('tr', { 'data-state': state, class: n > 0 ? null : 'zero' },
      el('th', { scope: 'row' }, state), numberCell(n, `boxes_by_state.${state}`), el('td', { class: 'barcell' }, bar));
  }));
}

function renderBacklog(backlog) {
  if (backlog.length === 0) {
    $('backlog').replaceChildren(emptyRow(5, 'No backlog: every registered box is delivered.'));
    return;
  }
  $('backlog').replaceChildren(...backlog.map((b) => {
    const age = b.oldest_age_seconds;
    const level = age > OVERDUE_S ? 'overdue' : age > LATE_S ? 'late' : null;
    // The badge says it in words too, so the warning does not rest on colour alone.
    const badge = level && el('span', { class: 'badge' }, level === 'overdue' ? 'over 2 days' : 'over 24 h');
    return el('tr', { 'data-jobcenter': b.jobcenter, class: level },
      el('th', { scope: 'row' }, b.jobcenter), numberCell(b.boxes), numberCell(b.pages_open),
      el('td', { class: 'time' }, formatDateTime(b.oldest_arrived_at)),
      el('td', { 'data-age-seconds': age }, formatAge(age), badge ? ' ' : null, badge));
  }));
}

function renderQueues(queues, error) {
  const note = $('queues-note');
  let message = null;
  if (error) message = `Broker not reachable: ${error}`;
  else if (queues === null || queues === undefined) message = 'No broker configured.';
  else if (queues.length === 0) message = 'The broker has no queues.';
  note.hidden = message === null;
  note.textContent = message || '';
  note.classList.toggle('error', Boolean(error));
  $('queues-table').hidden = message !== null;
  if (message !== null) return;
  $('queues').replaceChildren(...queues.map((q) => {
    // Messages waiting with nobody consuming them will not drain: worth a look.
    const stuck = q.messages > 0 && q.consumers === 0;
    return el('tr', { 'data-queue': q.name, class: stuck ? 'late' : null },
      el('th', { scope: 'row' }, q.name), numberCell(q.messages), numberCell(q.consumers));
  }));
}

function renderDestruction(due) {
  if (due.length === 0) {
    $('destruction').replaceChildren(emptyRow(6, 'No box is due for destruction.'));
    return;
  }
  $('destruction').replaceChildren(...due.map((d) => el('tr', { 'data-box': d.box_id },
    el('th', { scope: 'row' }, d.box_id), el('td', {}, d.seal), el('td', {}, d.origin), numberCell(d.pages),
    el('td', { class: 'time' }, formatDateTime(d.delivered_at)), el('td', { class: 'time' }, d.retention_until))));
}

let csrfToken = null; // the session's, from /api/session: every POST carries it

/** Asks a paused station to go on (the same ledger request as `mailroom station resume`). */
async function resumeStation(station, button) {
  button.disabled = true;
  const response = await fetch(`/api/stations/${encodeURIComponent(station)}/resume`, {
    method: 'POST', headers: { 'X-CSRF-Token': csrfToken || '' },
  }).catch(() => null);
  const note = $('stations-error');
  if (response && response.ok) {
    note.hidden = true;
    button.textContent = 'Resume requested';
    return;
  }
  const body = response ? await response.json().catch(() => ({})) : {};
  note.textContent = `Resume of ${station} failed: ${body.error || 'the dashboard is not reachable'}`;
  note.hidden = false;
  button.disabled = false;
}

function renderStations(stations) {
  if (stations.length === 0) {
    $('stations').replaceChildren(emptyRow(7, 'No scan station has reported yet.'));
    return;
  }
  $('stations').replaceChildren(...stations.map((s) => {
    const paused = s.state === 'paused';
    const state = el('td', { 'data-state': s.state }, s.running ? s.state : `${s.state} (not running)`);
    if (paused && s.reason) state.append(el('br'), el('span', { class: 'note' }, s.reason));
    let action = null;
    if (paused) {
      action = el('button', { type: 'button', 'data-resume': s.station, disabled: s.resume_requested },
        s.resume_requested ? 'Resume requested' : 'Resume');
      action.addEventListener('click', () => resumeStation(s.station, action));
    }
    return el('tr', { 'data-station': s.station, class: paused ? 'late' : null },
      el('th', { scope: 'row' }, s.station), state, el('td', {}, s.box_id || '–'), numberCell(s.pages),
      numberCell(s.jobs_waiting), el('td', { class: 'time' }, formatDateTime(s.updated_at)),
      el('td', {}, action));
  }));
}

// ---- throughput chart (inline SVG) ------------------------------------------------------------

const CHART = { width: 760, height: 300, left: 44, right: 8, top: 10, bottom: 26 };

/** The smallest "round" axis maximum (1, 2, 2.5, 5 x 10^n, times 4 ticks) at or above value. */
function niceMax(value) {
  const step = Math.max(1, value / 4);
  const magnitude = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= step) * magnitude;
  return Math.ceil(nice) * 4; // whole pages per tick
}

function renderThroughput(tp) {
  const { width, height, left, right, top, bottom } = CHART;
  const bins = tp.bins;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...bins.map((b) => b.pages_postkorb + b.pages_review)));
  const y = (v) => top + plotH - (v / max) * plotH;
  const slot = plotW / Math.max(1, bins.length);
  const minutes = Math.round(tp.bin_seconds / 60);
  const sum = (key) => bins.reduce((n, b) => n + b[key], 0);

  const chart = el('svg:svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Pages per ${minutes} min over the last ${tp.hours} h: ${sum('pages_postkorb')} to Postkorb, ` +
      `${sum('pages_review')} to review`,
  });
  for (let i = 0; i <= 4; i++) { // horizontal grid with page counts
    const v = (max * i) / 4;
    chart.append(el('svg:line', { class: 'gridline', x1: left, x2: width - right, y1: y(v), y2: y(v) }),
      el('svg:text', { class: 'tick', x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatCount(v)));
  }
  // Label whole hours (local time), but never closer than 48 px, so a long window stays readable.
  const perHour = Math.max(1, Math.round(3600 / tp.bin_seconds));
  const every = perHour * Math.max(1, Math.ceil(48 / (slot * perHour)));
  const starts = bins.map((b) => new Date(b.start));
  const anchor = Math.max(0, starts.findIndex((d) => d.getMinutes() === 0));
  bins.forEach((b, i) => {
    const x = left + i * slot;
    const barW = Math.max(1, slot * 0.72);
    const bx = x + (slot - barW) / 2;
    const label = `${formatClock(starts[i])}: ${b.pages_postkorb} to Postkorb, ${b.pages_review} to review`;
    const group = el('svg:g', {}, el('svg:title', {}, label));
    if (b.pages_postkorb > 0) {
      group.append(el('svg:rect', { class: 'postkorb', x: bx, width: barW, y: y(b.pages_postkorb),
        height: y(0) - y(b.pages_postkorb) }));
    }
    if (b.pages_review > 0) {
      const total = b.pages_postkorb + b.pages_review;
      group.append(el('svg:rect', { class: 'review', x: bx, width: barW, y: y(total),
        height: y(b.pages_postkorb) - y(total) }));
    }
    // An invisible full-height target, so the tooltip also works for small and empty bins.
    group.append(el('svg:rect', { class: 'hit', x, width: slot, y: top, height: plotH }));
    chart.append(group);
    if ((i - anchor) % every === 0) {
      chart.append(el('svg:line', { class: 'tickmark', x1: x, x2: x, y1: y(0), y2: y(0) + 4 }),
        el('svg:text', { class: 'tick', x, y: height - 8, 'text-anchor': 'middle' }, formatClock(starts[i])));
    }
  });
  chart.append(el('svg:line', { class: 'axis', x1: left, x2: width - right, y1: y(0), y2: y(0) }));
  if (sum('pages_postkorb') + sum('pages_review') === 0) {
    chart.append(el('svg:text', { class: 'nodata', x: left + plotW / 2, y: top + plotH / 2, 'text-anchor': 'middle' },
      `no pages delivered in the last ${tp.hours} h`));
  }
  $('throughput').replaceChildren(chart);
  $('throughput-window').textContent = `pages per ${minutes} min, last ${tp.hours} h`;
}

// ---- polling ----------------------------------------------------------------------------------

function render(o) {
  renderTotals(o.totals);
  renderThroughput(o.throughput);
  renderReview(o.review);
  renderStates(o.boxes_by_state);
  renderBacklog(o.backlog);
  renderQueues(o.queues, o.queues_error);
  renderDestruction(o.destruction_due);
  renderStations(o.stations || []);
  $('updated').textContent = `updated ${formatClock(new Date(o.generated_at), true)}`;
}

function showLive() {
  failingSince = null;
  $('live').textContent = 'live';
  $('live').className = 'pill pill-live';
  $('error').hidden = true;
  document.body.dataset.loaded = 'true';
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}

/** Keeps the last data on screen and says since when it is stale, and why. */
function showStale(why) {
  failingSince = failingSince || new Date();
  $('live').textContent = 'stale';
  $('live').className = 'pill pill-stale';
  $('error').textContent = `update failed since ${formatClock(failingSince, true)}: ${why}`;
  $('error').hidden = false;
}

/** The snapshot; throws an Error whose message says in words what went wrong. */
async function fetchOverview() {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch('/api/overview', { cache: 'no-store', signal: abort.signal }).catch((err) => {
      throw new Error(err.name === 'AbortError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : `dashboard server not reachable (${err.message})`);
    });
    if (response.status === 401) {
      // The session ended (idle, end of shift, logged out elsewhere): log in again, then back here.
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
      throw new Error('the session has ended: to the login page');
    }
    if (!response.ok) {
      const reason = await response.json().then((j) => j.error, () => null);
      throw new Error(reason || `HTTP ${response.status} ${response.statusText}`.trim());
    }
    return await response.json().catch((err) => { throw new Error(`the answer is not JSON (${err.message})`); });
  } finally {
    clearTimeout(timer);
  }
}

async function poll() {
  try {
    const overview = await fetchOverview();
    try {
      render(overview);
    } catch (err) {
      console.error(err); // a bug here or in the server's JSON: the console is where tests and developers look
      throw new Error(`cannot show the answer (${err.message})`);
    }
    showLive();
  } catch (err) {
    showStale(err.message);
  }
  // The next poll starts after this one has finished, so a slow server never gets a pile of requests.
  setTimeout(poll, POLL_MS);
}

// ---- the session -----------------------------------------------------------------------------

/** Shows who is logged in and arms the logout button with the session's CSRF token. */
async function showSession() {
  const response = await fetch('/api/session', { cache: 'no-store' }).catch(() => null);
  if (!response || !response.ok) return; // the next poll sends a lapsed session to the login page
  const session = await response.json();
  $('user').textContent = session.login;
  csrfToken = session.csrf_token;
  $('logout').hidden = false;
  $('logout').onclick = async () => {
    await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': session.csrf_token } }).catch(() => null);
    window.location.assign('/login');
  };
}

showSession();
poll();
