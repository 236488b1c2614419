// The « Planifier » tab, first half: where to put presence sites. The planner picks a question in
// their own words (cover everything with the fewest sites, N sites covering the most dwellings, the
// shortest mean time, the shortest worst time), the cut-off, the number of sites, the candidate
// sources, a capacity and a yearly budget for the new sites; the plan runs on the server (progress in
// the bar), is drawn on the map (map/plan.js) with its figures and the notes a director must read
// (a clean slate that closes staffed points, the answer keeping today's network, the yearly cost),
// and is saved as a named scenario in one click.
import { t, num, pct } from '../i18n.js';
import { state, $ } from '../state.js';
import { kindLabel } from '../labels.js';
import { send } from '../api.js';
import { toContext } from 'ol/render.js';
import { Style } from 'ol/style.js';
import Point from 'ol/geom/Point.js';
import { drawPlan, siteColour, siteShape } from '../map/plan.js';
import { runPanelJob } from './jobs.js';
import { refreshNamedScenarios } from './scenarios.js';
import { fillRoundSources } from './rounds.js';

/** The last site plan job (its answer) shown in the tab. */
export const planState = { job: null, saved: null };

const problems = ['lscp', 'mclp', 'pmedian', 'pcenter'];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === 'i18n') { e.dataset.i18n = v; e.textContent = t(v); } else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  });
  children.forEach((c) => e.append(c));
  return e;
}

function field(labelKey, input, id) {
  const label = el('label', { class: 'field grow' }, el('span', { i18n: labelKey }), input);
  if (id) label.id = id;
  return label;
}

function check(id, labelKey, checked) {
  const input = el('input', { type: 'checkbox', id, 'data-testid': id });
  input.checked = checked;
  return el('label', { class: 'check' }, input, el('span', { i18n: labelKey }));
}

function buildForm(host) {
  const problem = el('select', { id: 'plan-problem', 'data-testid': 'plan-problem' });
  problems.forEach((p) => problem.append(el('option', { value: p, i18n: `plan.problem.${p}` })));
  problem.value = 'mclp';
  const minutes = el('input', { id: 'plan-minutes', 'data-testid': 'plan-minutes', type: 'number', min: '1', step: '1', value: '20' });
  const count = el('input', { id: 'plan-count', 'data-testid': 'plan-count', type: 'number', min: '1', step: '1', value: '5' });
  const capacity = el('input', { id: 'plan-capacity', 'data-testid': 'plan-capacity', type: 'number', min: '1', step: '1' });
  const budget = el('input', { id: 'plan-budget', 'data-testid': 'plan-budget', type: 'number', min: '0', step: '1000' });
  const kind = el('select', { id: 'plan-kind', 'data-testid': 'plan-kind' });
  host.append(
    el('h2', { i18n: 'plan.title' }),
    el('p', { class: 'hint', i18n: 'plan.hint' }),
    field('plan.problem', problem),
    el('p', { class: 'hint small', id: 'plan-problem-hint' }),
    el('div', { class: 'row' }, field('plan.minutes', minutes), field('plan.newCount', count, 'plan-count-field')),
    el('fieldset', {}, el('legend', { i18n: 'plan.sources' }),
      check('plan-src-existing', 'plan.source.existing', true),
      check('plan-src-imported', 'plan.source.imported', true),
      check('plan-src-generated', 'plan.source.generated', true),
      check('plan-keep', 'plan.keepExisting', true)),
    el('div', { class: 'row' }, field('plan.capacity', capacity), field('plan.kind', kind)),
    field('plan.budget', budget, 'plan-budget-field'),
    el('button', { type: 'button', id: 'plan-run', 'data-testid': 'plan-run', class: 'primary', i18n: 'plan.run' }),
    el('div', { id: 'plan-result', 'data-testid': 'plan-result', 'aria-live': 'polite' }),
  );
  problem.addEventListener('change', problemChanged);
  $('plan-keep').addEventListener('change', problemChanged);
  $('plan-src-existing').addEventListener('change', problemChanged);
  $('plan-run').addEventListener('click', runPlan);
}

/** Kept existing points count in p: with them kept, the planner says how many sites to add. */
function keeping() { return $('plan-src-existing').checked && $('plan-keep').checked; }

function problemChanged() {
  const p = $('plan-problem').value;
  $('plan-count-field').hidden = p === 'lscp';
  $('plan-budget-field').hidden = p !== 'lscp' && p !== 'mclp';
  $('plan-keep').disabled = !$('plan-src-existing').checked;
  const label = $('plan-count-field').querySelector('span');
  label.dataset.i18n = keeping() ? 'plan.newCount' : 'plan.count';
  label.textContent = t(label.dataset.i18n);
  $('plan-problem-hint').textContent = t(`plan.problem.${p}.hint`);
}

/** The kinds a plan may create (every kind of presence point the project knows). */
export function fillPlanKinds() {
  const sel = $('plan-kind');
  const value = sel.value || 'lieu_relais';
  sel.innerHTML = '';
  state.project.agencyKinds.forEach((k) => sel.append(el('option', { value: k.code, text: kindLabel(k.code) })));
  sel.value = value;
  problemChanged();
}

function number(id) {
  const v = $(id).value.trim();
  return v === '' ? null : Number(v);
}

function runPlan() {
  const problem = $('plan-problem').value;
  const body = {
    problem,
    minutes: number('plan-minutes'),
    count: problem === 'lscp' || keeping() ? null : number('plan-count'),
    newCount: problem !== 'lscp' && keeping() ? number('plan-count') : null,
    capacity: number('plan-capacity'),
    budget: problem === 'lscp' || problem === 'mclp' ? number('plan-budget') : null,
    kind: $('plan-kind').value,
    keepExisting: keeping(),
    sources: { existing: $('plan-src-existing').checked, imported: $('plan-src-imported').checked, generated: $('plan-src-generated').checked },
  };
  return runPanelJob({
    panel: $('plan-panel'), button: $('plan-run'), result: $('plan-result'), waiting: el('p', { class: 'muted', i18n: 'plan.running' }),
    errorTestId: 'plan-error', path: 'api/plan/sites', body,
    onDone: (job) => {
      planState.job = job;
      planState.saved = null;
      drawPlan(job.sites);
      renderPlanResult();
      fillRoundSources();
    },
  });
}

function legendShape(source, index) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 22;
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = toContext(canvas.getContext('2d'), { size: [22, 22], pixelRatio: 1 });
  ctx.setStyle(new Style({ image: siteShape(source, siteColour(index), 0.8) }));
  ctx.drawGeometry(new Point([11, 11]));
  return canvas;
}

function figure(host, labelKey, value, testid) {
  host.append(el('dt', { i18n: labelKey }), el('dd', { 'data-testid': testid, text: value }));
}

/** Draws the figures, the sites and the save box of the last plan (again on a language switch). */
export function renderPlanResult() {
  const host = $('plan-result');
  const job = planState.job;
  if (!host || !job) return;
  const r = job.sites;
  host.replaceChildren();
  host.append(el('h3', { text: t(`plan.problem.${r.problem}`) }));
  const first = ['plan3_no_solution', 'plan3_clean_slate', 'plan3_staffed_warning'];
  const notes = (codes, testid) => {
    const shown = r.notes.filter((n) => codes(n.code));
    if (!shown.length) return;
    const box = el('div', { class: 'plan-notes', 'data-testid': testid });
    shown.forEach((n) => box.append(el('p', { class: n.warning ? 'warning' : '', 'data-note': n.code, role: n.warning ? 'alert' : null, text: n.text })));
    host.append(box);
  };
  notes((c) => first.includes(c), 'plan-headline-notes');
  const times = el('p', { class: r.estimated ? 'warning' : 'muted', 'data-testid': 'plan-times', text: t(`plan.times.${r.timeSource}`) });
  host.append(times);
  const dl = el('dl', { class: 'figures' });
  figure(dl, 'plan.sitesChosen', num(r.count), 'plan-count-chosen');
  figure(dl, 'plan.covered', t('plan.coveredValue', { covered: r.coveredDwellings, total: r.totalDwellings, share: r.coveredShare, minutes: r.minutes }), 'plan-covered');
  if (r.meanMinutes !== null) figure(dl, 'plan.mean', t('plan.minutesValue', { minutes: r.meanMinutes }), 'plan-mean');
  if (r.worstMinutes !== null) figure(dl, 'plan.worst', t('plan.minutesValue', { minutes: r.worstMinutes }), 'plan-worst');
  let quality = t('plan.noBound');
  if (r.optimal) quality = t('plan.optimal');
  else if (r.gap !== null) quality = r.gap < 0.001 ? t('plan.gapTiny') : t('plan.gap', { gap: r.gap });
  figure(dl, 'plan.quality', quality, 'plan-quality');
  const notCovered = r.estates.site.filter((x) => x < 0).length;
  figure(dl, 'plan.notCovered', t('plan.notCoveredValue', { count: notCovered }), 'plan-not-covered');
  figure(dl, 'plan.yearlyCost', yearlyCost(r), 'plan-yearly-cost');
  figure(dl, 'plan.seconds', t('plan.secondsValue', { seconds: r.seconds }), 'plan-seconds');
  host.append(dl);
  if (r.uncoverable.length) {
    host.append(el('p', { class: 'warning', 'data-testid': 'plan-uncoverable', text: t('plan.uncoverable', { count: r.uncoverable.length, minutes: r.minutes }) }));
  }
  const list = el('ol', { class: 'plan-sites', 'data-testid': 'plan-sites' });
  r.sites.forEach((s, i) => {
    const li = el('li', { 'data-site': s.id });
    li.append(legendShape(s.source, i), el('span', { text: ` ${s.name || s.id} — ` }),
      el('span', { class: 'muted', text: `${t(`plan.from.${s.source}`)}, ${kindLabel(s.kind)} : ${t('plan.serves', { estates: s.estates, dwellings: s.dwellings })}` }));
    list.append(li);
  });
  host.append(el('h3', { i18n: 'plan.sitesTitle' }), list);
  if (r.closedExisting.length) {
    const closed = el('ul', { class: 'plan-closed', 'data-testid': 'plan-closed' });
    r.closedExisting.forEach((c) => closed.append(el('li', { 'data-point': c.id, text: c.staffTotal === null
      ? t('plan.closedPoint', { name: c.name || c.id, kind: kindLabel(c.kind) })
      : t('plan.closedStaffed', { name: c.name || c.id, kind: kindLabel(c.kind), people: c.staffTotal }) })));
    host.append(el('h3', { i18n: 'plan.closedTitle' }), closed);
  }
  notes((c) => !first.includes(c), 'plan-notes');
  host.append(el('p', { class: 'hint small', i18n: 'plan.mapLegend' }));
  renderSaveBox(host, r);
  const clear = el('button', { type: 'button', 'data-testid': 'plan-clear', i18n: 'plan.clear' });
  clear.addEventListener('click', () => {
    planState.job = null;
    planState.saved = null;
    drawPlan(null);
    host.replaceChildren();
    $('plan-panel').dataset.state = 'idle';
    fillRoundSources();
  });
  host.append(clear);
}

function defaultName(r) {
  return t('plan.defaultName', { problem: t(`plan.problem.${r.problem}.short`), count: r.sites.filter((s) => !s.existing).length, minutes: r.minutes });
}

function renderSaveBox(host, r) {
  const box = el('div', { class: 'save-plan', 'data-testid': 'plan-save-box' });
  const name = el('input', { id: 'plan-scenario-name', 'data-testid': 'plan-scenario-name', type: 'text', maxlength: '120' });
  name.value = planState.saved || defaultName(r);
  const button = el('button', { type: 'button', class: 'primary', id: 'plan-save', 'data-testid': 'plan-save', i18n: 'plan.save' });
  box.append(field('plan.scenarioName', name), button);
  const notice = el('p', { id: 'plan-save-notice', 'data-testid': 'plan-save-notice', role: 'status' });
  if (planState.saved) notice.textContent = t('plan.savedAs', { name: planState.saved });
  box.append(notice);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await send('POST', `api/plan/jobs/${encodeURIComponent(planState.job.id)}/scenario`, { name: name.value.trim() });
      planState.saved = answer.scenario.name;
      notice.className = '';
      notice.textContent = t('plan.savedAs', { name: planState.saved });
      await refreshNamedScenarios();
      fillRoundSources();
    } catch (e) {
      notice.className = 'error';
      notice.textContent = e.message;
    } finally {
      button.disabled = false;
    }
  });
  host.append(box);
}

export function setupPlan() {
  buildForm($('plan-panel'));
}

/** The plan's yearly cost: declared costs only; unknown when no new site declares one (never « 0 euro »). */
function yearlyCost(r) {
  if (r.budget !== null) return t('plan.eurosOfBudget', { amount: r.yearlyCost, budget: r.budget });
  const added = r.sites.filter((s) => !s.existing).length;
  if (added > 0 && r.newSitesWithoutCost >= added) return t('plan.costUnknown', { count: added });
  if (r.newSitesWithoutCost > 0) return t('plan.costPartial', { amount: r.yearlyCost, count: r.newSitesWithoutCost });
  return t('plan.euros', { amount: r.yearlyCost });
}
