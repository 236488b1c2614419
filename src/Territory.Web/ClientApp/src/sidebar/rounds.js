// The « Planifier » tab, second half: the mobile agency's week. The planner picks the base (a
// presence point), where the stops come from (the sites of the last plan, or a named scenario's
// mobile stops), the days, the time at each stop, the longest working day, the day's start and how
// often the stops are visited; the round is drawn day by day along the roads (one colour per day)
// with its timetable in clock times from the server: arrival and departure at each stop, driving
// per day, days without stops said as such, and the stops that could not fit, with why.
import { t } from '../i18n.js';
import { $ } from '../state.js';
import { sources } from '../map/view.js';
import { drawRound, showRoundDay, dayColour } from '../map/plan.js';
import { runPanelJob } from './jobs.js';
import { planState } from './plan.js';
import { namedScenarios } from './scenarios.js';

/** The last round job (its answer). */
export const roundState = { job: null, day: null, fortnightly: new Set(), weekly: new Set() };

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === 'i18n') { e.dataset.i18n = v; e.textContent = t(v); } else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  });
  children.forEach((c) => e.append(c));
  return e;
}

function field(labelKey, input) {
  return el('label', { class: 'field grow' }, el('span', { i18n: labelKey }), input);
}

function frequency() {
  const sel = el('select', { id: 'round-frequency', 'data-testid': 'round-frequency' });
  ['weekly', 'fortnightly'].forEach((f) => sel.append(el('option', { value: f, i18n: `round.frequency.${f}` })));
  return sel;
}

function buildForm(host) {
  const input = (id, attrs) => el('input', { id, 'data-testid': id, type: 'number', ...attrs });
  host.append(
    el('h2', { i18n: 'round.title' }),
    el('p', { class: 'hint', i18n: 'round.hint' }),
    field('round.base', el('select', { id: 'round-base', 'data-testid': 'round-base' })),
    field('round.stops', el('select', { id: 'round-stops', 'data-testid': 'round-stops' })),
    el('div', { class: 'row' },
      field('round.days', input('round-days', { min: '1', max: '7', step: '1', value: '5' })),
      field('round.stopMinutes', input('round-stop-minutes', { min: '0', step: '5', value: '120' }))),
    el('div', { class: 'row' },
      field('round.dayHours', input('round-day-hours', { min: '1', max: '24', step: '0.5', value: '7' })),
      field('round.start', el('input', { id: 'round-start', 'data-testid': 'round-start', type: 'time', value: '08:30' }))),
    field('round.frequency', frequency()),
    el('button', { type: 'button', id: 'round-run', 'data-testid': 'round-run', class: 'primary', i18n: 'round.run' }),
    el('div', { id: 'round-result', 'data-testid': 'round-result', 'aria-live': 'polite' }),
  );
  $('round-run').addEventListener('click', runRound);
}

/** The base choices: every presence point of the project, agencies first. */
export function fillRoundBases() {
  const sel = $('round-base');
  const value = sel.value;
  sel.innerHTML = '';
  const points = sources.agencies.getFeatures().map((f) => ({ id: f.get('id'), name: f.get('name'), kind: f.get('kind') }))
    .sort((a, b) => (a.kind === 'agence' ? 0 : 1) - (b.kind === 'agence' ? 0 : 1) || String(a.name).localeCompare(String(b.name)));
  points.forEach((p) => sel.append(el('option', { value: p.id, text: p.name || p.id })));
  if (value && points.some((p) => p.id === value)) sel.value = value;
}

/** Where the stops may come from: the last plan's sites, then each named scenario. */
export function fillRoundSources() {
  const sel = $('round-stops');
  if (!sel) return;
  const value = sel.value;
  sel.innerHTML = '';
  if (planState.job) sel.append(el('option', { value: 'plan', text: t('round.fromPlan', { count: planState.job.sites.sites.filter((s) => !s.existing).length }) }));
  namedScenarios().forEach((s) => sel.append(el('option', { value: `scenario:${s.name}`, text: t('round.fromScenario', { name: s.name }) })));
  if (!sel.options.length) sel.append(el('option', { value: '', text: t('round.noSource') }));
  if ([...sel.options].some((o) => o.value === value)) sel.value = value;
}

function runRound() {
  const from = $('round-stops').value;
  const body = {
    base: $('round-base').value,
    days: Number($('round-days').value),
    stopMinutes: Number($('round-stop-minutes').value),
    dayHours: Number($('round-day-hours').value),
    start: $('round-start').value || '08:30',
    frequency: $('round-frequency').value,
    // Stops set apart in the timetable: every other week (or every week) whatever the default.
    fortnightly: [...roundState.fortnightly],
    weekly: [...roundState.weekly],
  };
  if (from === 'plan') body.plan = planState.job.id;
  else if (from.startsWith('scenario:')) body.scenario = from.slice('scenario:'.length);
  return runPanelJob({
    panel: $('round-panel'), button: $('round-run'), result: $('round-result'), waiting: el('p', { class: 'muted', i18n: 'round.running' }),
    errorTestId: 'round-error', path: 'api/plan/rounds', body,
    onDone: (job) => {
      roundState.job = job;
      roundState.day = null;
      drawRound(job.round);
      renderRoundResult();
    },
  });
}

function duration(minutes) {
  const m = Math.round(minutes);
  return t('round.duration', { hours: Math.floor(m / 60), minutes: String(m % 60).padStart(2, '0') });
}

/** A stop's visit frequency, changeable: the week is planned again with the stop set apart. */
function stopFrequency(s) {
  const sel = el('select', { class: 'small', 'data-testid': 'round-stop-frequency', 'aria-label': t('round.frequency') });
  ['weekly', 'fortnightly'].forEach((f) => sel.append(el('option', { value: f, i18n: `round.frequency.${f}` })));
  sel.value = s.frequency;
  sel.addEventListener('change', () => {
    roundState.fortnightly.delete(s.id);
    roundState.weekly.delete(s.id);
    (sel.value === 'fortnightly' ? roundState.fortnightly : roundState.weekly).add(s.id);
    runRound();
  });
  return sel;
}

/** Draws the timetable of the last round (again on a language switch). */
export function renderRoundResult() {
  const host = $('round-result');
  const r = roundState.job?.round;
  if (!host || !r) return;
  host.replaceChildren();
  host.append(el('p', { class: r.estimated ? 'warning' : 'muted', 'data-testid': 'round-times', text: t(r.estimated ? 'round.estimated' : 'round.roads') }));
  if (!r.estimated && !r.legsOnRoads) host.append(el('p', { class: 'warning', 'data-testid': 'round-straight', i18n: 'round.legsStraight' }));
  host.append(el('p', { 'data-testid': 'round-total', text: t('round.total', { hours: r.driveMinutesTotal / 60 / r.weeks, base: r.baseName || r.baseId }) }));
  const table = el('table', { class: 'timetable', 'data-testid': 'round-timetable' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '#' }), el('th', { scope: 'col', i18n: 'round.stop' }),
    el('th', { scope: 'col', i18n: 'round.arrive' }), el('th', { scope: 'col', i18n: 'round.depart' }), el('th', { scope: 'col', i18n: 'round.frequency' }))));
  r.days.forEach((day, d) => {
    const body = el('tbody', { 'data-day': String(d) });
    const title = r.weeks > 1 ? t('round.dayOfWeek', { day: t(`round.weekday.${day.day}`), week: day.week }) : t(`round.weekday.${day.day}`);
    const head = el('th', { colspan: '5', scope: 'rowgroup' });
    const button = el('button', { type: 'button', class: 'link', 'aria-pressed': String(roundState.day === d), text: title });
    button.style.color = dayColour(d);
    button.addEventListener('click', () => {
      roundState.day = roundState.day === d ? null : d;
      showRoundDay(roundState.day);
      renderRoundResult();
    });
    const figures = day.stops.length
      ? t('round.daySpan', { start: day.start, end: day.end, figures: t('round.dayFigures', { drive: duration(day.driveMinutes), work: duration(day.workMinutes) }) })
      : t('round.dayEmpty');
    head.append(button, el('span', { class: 'muted', 'data-testid': 'round-day-figures', text: ` — ${figures}` }));
    body.append(el('tr', { class: 'day' }, head));
    day.stops.forEach((s, k) => body.append(el('tr', { 'data-stop': s.id }, el('td', { text: String(k + 1) }), el('td', { text: s.name || s.id }),
      el('td', { text: s.arrive }), el('td', { text: s.depart }), el('td', {}, stopFrequency(s)))));
    table.append(body);
  });
  host.append(table);
  if (r.unplanned.length) {
    const ul = el('ul', { class: 'unplanned', 'data-testid': 'round-unplanned' });
    r.unplanned.forEach((u) => ul.append(el('li', { text: `${u.name || u.id} : ${t(`round.reason.${u.reason}`)}` })));
    host.append(el('h3', { i18n: 'round.unplanned' }), ul);
  }
  host.append(el('p', { class: 'hint small', i18n: r.legsOnRoads ? 'round.mapLegendRoads' : 'round.mapLegend' }));
  const clear = el('button', { type: 'button', 'data-testid': 'round-clear', i18n: 'round.clear' });
  clear.addEventListener('click', () => {
    roundState.job = null;
    roundState.day = null;
    roundState.fortnightly.clear();
    roundState.weekly.clear();
    drawRound(null);
    showRoundDay(null);
    host.replaceChildren();
    $('round-panel').dataset.state = 'idle';
  });
  host.append(clear);
}

export function setupRounds() {
  buildForm($('round-panel'));
}

