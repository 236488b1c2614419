// Named scenarios, in the « Scénario » tab under the current edits: the project's scenarios (made on
// the map, by a plan, or on the command line), open one (its changes become the current scenario),
// save the current edits under a name, delete one, write one as the reference network, and compare
// two or more with the saved state (coverage, times, caretaking, rounds, territories that change).
import { t, num, pct } from '../i18n.js';
import { state, $ } from '../state.js';
import { typeLabel } from '../labels.js';
import { get, send, setVersion } from '../api.js';
import { renderScenario } from './scenario.js';
import { closePanel } from '../details.js';
import { runJob } from './jobs.js';

let list = [];
let comparison = null;
let notice = null;

/** The named scenarios as last listed. */
export function namedScenarios() { return list; }

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === 'i18n') { e.dataset.i18n = v; e.textContent = t(v); } else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  });
  children.forEach((c) => e.append(c));
  return e;
}

/** Lists the project's named scenarios again and redraws the section. */
export async function refreshNamedScenarios() {
  list = (await get('api/scenarios')).scenarios;
  renderNamedScenarios();
}

function say(text, kind = 'status', testid = 'named-notice') { notice = { text, kind, testid }; renderNamedScenarios(); }

async function call(host, action) {
  host.dataset.state = 'running';
  try {
    await action();
    host.dataset.state = 'done';
  } catch (e) {
    say(`${e.status === 409 ? t('scenario.conflict') : t('error.request')} : ${e.message}`, 'error', e.status === 409 ? 'named-conflict' : 'named-error');
    $('named-scenarios').dataset.state = 'failed';
  }
}

async function saveAs() {
  const name = $('named-save-name').value.trim();
  // Signed in, a scenario is its author's alone unless shared (without sign-in every scenario is everyone's).
  const shared = $('named-save-shared') && $('named-save-shared').checked ? true : null;
  const answer = await send('POST', 'api/scenarios', { name, description: $('named-save-description').value.trim() || null, shared });
  await refreshNamedScenarios();
  say(t('named.saved', { name: answer.scenario.name }));
}

async function open(name) {
  const answer = await send('POST', `api/scenarios/${encodeURIComponent(name)}/open`);
  renderScenario(answer.state);
  if (answer.state.version !== undefined) setVersion(answer.state.version);
  say(answer.notice ? `${t('named.opened', { name })} ${answer.notice}` : t('named.opened', { name }));
}

async function apply(name) {
  if (!window.confirm(t('named.confirmApply', { name }))) return;
  const answer = await send('POST', `api/scenarios/${encodeURIComponent(name)}/apply`, undefined, { commit: true });
  renderScenario(answer);
  if (answer.version !== undefined) setVersion(answer.version);
  say(t('named.applied', { name }));
}

async function remove(name) {
  if (!window.confirm(t('named.confirmDelete', { name }))) return;
  await send('DELETE', `api/scenarios/${encodeURIComponent(name)}`);
  comparison = null;
  await refreshNamedScenarios();
  say(t('named.deleted', { name }));
}

async function compare() {
  const names = [...document.querySelectorAll('#named-scenarios input[data-compare]:checked')].map((c) => c.dataset.compare);
  const job = await runJob('api/scenarios/compare', { names });
  comparison = job.comparison;
  notice = null;
  closePanel();
  showComparison();
  renderNamedScenarios();
}

/** The comparison goes in the details panel, wider than the tab; true when it is the panel's content. */
function comparisonOnScreen() { return state.currentPanel === null && !!$('panel-body').querySelector('[data-testid=named-comparison]'); }

function showComparison() {
  $('panel').classList.add('open');
  $('panel-title').textContent = t('named.comparisonTitle');
  $('panel-body').replaceChildren(comparisonTable(comparison));
}

function value(unit, v) {
  if (v === null || v === undefined) return '–';
  switch (unit) {
    case 'share': return pct(v);
    case 'minutes': case 'hours': return num(v, 1);
    case 'fte': return num(v, 2);
    default: return num(v, 0);
  }
}

function comparisonTable(c) {
  const wrap = el('div', { class: 'comparison', 'data-testid': 'named-comparison' });
  if (c.estimated) wrap.append(el('p', { class: 'warning', i18n: 'named.estimated' }));
  const table = el('table', { class: 'coverage compare' });
  const head = el('tr', {}, el('th', { scope: 'col', i18n: 'scenario.indicator' }));
  c.columns.forEach((col) => head.append(el('th', { scope: 'col', text: col.saved ? t('scenario.saved') : col.name })));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  c.rows.forEach((row) => {
    const tr = el('tr', { 'data-row': row.parameter ? `${row.code}:${row.parameter}` : row.code }, el('th', { scope: 'row', text: row.label }));
    row.values.forEach((v, i) => {
      const td = el('td', { text: value(row.unit, v) });
      if (i > 0 && v !== null && row.values[0] !== null && Math.abs(v - row.values[0]) > 1e-9) td.className = 'changed';
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  wrap.append(table);
  if (c.changes.length) {
    const tl = (code) => { const ty = state.project.types.find((x) => x.code === code); return ty ? typeLabel(ty) : code; };
    const ul = el('ul', { class: 'changes', 'data-testid': 'named-territories' });
    c.changes.forEach((ch) => {
      const parts = [];
      if (ch.typeBefore !== ch.typeAfter) parts.push(`${tl(ch.typeBefore)} → ${tl(ch.typeAfter)}`);
      if (ch.planChanged) parts.push(t('named.planChanged'));
      parts.push(`${t('scenario.meanTravel')} ${num(ch.meanMinutesBefore, 1)} → ${num(ch.meanMinutesAfter, 1)} min`);
      ul.append(el('li', { text: `${ch.scenario} — ${ch.territoryName} : ${parts.join(' ; ')}` }));
    });
    wrap.append(el('h3', { i18n: 'named.territories' }), ul);
  }
  return wrap;
}

/** Draws the section (again on a language switch). */
export function renderNamedScenarios() {
  const host = $('named-scenarios');
  if (!host) return;
  host.replaceChildren(el('h2', { i18n: 'named.title' }), el('p', { class: 'hint', i18n: 'named.hint' }));
  const name = el('input', { id: 'named-save-name', 'data-testid': 'named-save-name', type: 'text', maxlength: '120' });
  const description = el('input', { id: 'named-save-description', type: 'text' });
  const save = el('button', { type: 'button', id: 'named-save', 'data-testid': 'named-save', i18n: 'named.saveAs' });
  save.disabled = !(state.scenario && state.scenario.dirty);
  save.addEventListener('click', () => call(host, saveAs));
  host.append(el('label', { class: 'field' }, el('span', { i18n: 'named.name' }), name),
    el('label', { class: 'field' }, el('span', { i18n: 'named.description' }), description));
  // Shown once someone is signed in (style.css): without sign-in every scenario is everyone's.
  const shared = el('input', { type: 'checkbox', id: 'named-save-shared', 'data-testid': 'named-save-shared' });
  host.append(el('label', { class: 'field named-shared' }, shared, el('span', { i18n: 'named.shared' })), save);
  if (notice) host.append(el('p', { class: notice.kind === 'error' ? 'error' : 'notice-line', role: notice.kind === 'error' ? 'alert' : 'status', 'data-testid': notice.testid, text: notice.text }));
  if (!list.length) {
    host.append(el('p', { class: 'muted', i18n: 'named.none' }));
    return;
  }
  const ul = el('ul', { class: 'named-list', 'data-testid': 'named-list' });
  list.forEach((s) => {
    const box = el('input', { type: 'checkbox', 'data-compare': s.name, 'aria-label': t('named.compareThis', { name: s.name }) });
    const meta = [t(`named.source.${s.source}`), s.author, new Date(s.updatedAt).toLocaleDateString(document.documentElement.lang || 'fr')].filter(Boolean).join(' · ');
    const buttons = el('div', { class: 'row' });
    [['named.open', () => open(s.name), 'open'], ['named.apply', () => apply(s.name), 'apply'], ['named.delete', () => remove(s.name), 'delete']].forEach(([key, fn, what]) => {
      const b = el('button', { type: 'button', 'data-action': what, i18n: key, 'data-role-min': what === 'apply' ? 'administration' : null });
      if (what === 'delete') b.className = 'danger';
      b.addEventListener('click', () => call(host, fn));
      buttons.append(b);
    });
    const li = el('li', { 'data-scenario': s.name }, el('label', { class: 'check' }, box, el('strong', { text: s.name })), el('div', { class: 'muted small', text: meta }));
    if (s.description) li.append(el('div', { class: 'small', text: s.description }));
    li.append(buttons);
    ul.append(li);
  });
  host.append(ul);
  const go = el('button', { type: 'button', id: 'named-compare', 'data-testid': 'named-compare', class: 'primary', i18n: 'named.compare' });
  go.addEventListener('click', () => call(host, compare));
  host.append(go);
  if (comparison) {
    // Redrawn in the page's language where it is; a panel opened since (an estate, a territory) is left alone.
    if (comparisonOnScreen()) showComparison();
    const again = el('button', { type: 'button', class: 'link', 'data-testid': 'named-show-comparison', i18n: 'named.showComparison' });
    again.addEventListener('click', () => { closePanel(); showComparison(); });
    host.append(again);
  }
}

export async function setupNamedScenarios() {
  await refreshNamedScenarios();
}
