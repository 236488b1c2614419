// The « Scénario » tab: add, move (drag) and remove presence points, save or discard, and the
// comparison of the scenario with the saved state (coverage, changes, agencies, territories).
import Translate from 'ol/interaction/Translate.js';
import { toLonLat } from 'ol/proj.js';
import { get, send, setVersion } from '../api.js';
import { t, num, pct } from '../i18n.js';
import { state, $ } from '../state.js';
import { selection } from '../styles.js';
import { typeLabel, kindLabel } from '../labels.js';
import { map, layers } from '../map/view.js';
import { openPanel, selectAgency, closePanel } from '../details.js';
import { activateTab } from './tabs.js';

export function fillScenarioKinds() {
  const sel = $('scenario-add-kind');
  const value = sel.value || 'lieu_relais';
  sel.innerHTML = '';
  state.project.agencyKinds.forEach((k) => {
    const o = document.createElement('option');
    o.value = k.code;
    o.textContent = kindLabel(k.code);
    sel.append(o);
  });
  sel.value = value;
}

export function leaveAddMode() {
  state.addMode = false;
  $('mode-notice').hidden = true;
}

function renderScenarioError(e) {
  const host = $('scenario-state');
  const p = document.createElement('p');
  p.className = e.status === 409 ? 'error conflict' : 'error';
  p.setAttribute('role', 'alert');
  p.setAttribute('data-testid', e.status === 409 ? 'scenario-conflict' : 'scenario-error');
  p.textContent = `${e.status === 409 ? t('scenario.conflict') : t('error.request')} : ${e.message}`;
  host.prepend(p);
}

// #scenario-state[data-state] is « busy » while a scenario call runs, « idle » once it has answered.
async function scenarioCall(method, path, body, options) {
  $('scenario-state').dataset.state = 'busy';
  try {
    const answer = await send(method, path, body, options);
    renderScenario(answer);
    if (answer && answer.version !== undefined) setVersion(answer.version);
    return answer;
  } catch (e) {
    // 409: the project changed elsewhere; the server reloaded it and kept the scenario: show both.
    if (e.status === 409) { try { renderScenario(await get('api/scenario')); } catch { /* the notice still shows */ } }
    renderScenarioError(e);
    return null;
  } finally {
    $('scenario-state').dataset.state = 'idle';
  }
}

/** Adds a point of the chosen kind at lon/lat (WGS84) to the scenario. */
export async function addAgency(lon, lat) {
  const kind = $('scenario-add-kind').value;
  const name = $('scenario-add-name').value.trim() || `${kindLabel(kind)} – ${t('scenario.newName')}`;
  const answer = await scenarioCall('POST', 'api/scenario/agencies', { name, kind, lon, lat });
  activateTab('scenario');
  return answer;
}

function moveAgency(id, lon, lat) { return scenarioCall('PUT', `api/scenario/agencies/${encodeURIComponent(id)}`, { lon, lat }); }

/** Removes a point from the scenario (and closes its panel). */
export async function removeAgency(id) {
  const answer = await scenarioCall('DELETE', `api/scenario/agencies/${encodeURIComponent(id)}`);
  if (answer) {
    selectAgency(null);
    if (state.currentPanel && state.currentPanel.kind === 'agency' && state.currentPanel.id === id) closePanel();
  }
  return answer;
}

// The difference as shown, rounded like the values beside it: a change too small to show is « = », never « −0,0 pt ».
function deltaValue(cur, saved, kind) {
  const d = kind === 'pct' ? (cur - saved) * 100 : cur - saved;
  const f = kind === 'int' ? 1 : 10;
  return Math.round(d * f) / f;
}

function deltaText(cur, saved, kind) {
  if (cur === null || cur === undefined || saved === null || saved === undefined) return '';
  const d = deltaValue(cur, saved, kind);
  if (d === 0) return t('map_delta_same');
  return t(kind === 'pct' ? 'map_delta_points' : kind === 'min' ? 'map_delta_minutes' : 'map_delta_count', { value: d });
}

/** A titled list of the scenario's changes: one <li> per item, filled by `fill(li, item)`. */
function changeList(host, title, items, fill) {
  if (title) {
    const h3 = document.createElement('h3');
    h3.textContent = title;
    host.append(h3);
  }
  const ul = document.createElement('ul');
  ul.className = 'changes';
  items.forEach((item) => {
    const li = document.createElement('li');
    fill(li, item);
    ul.append(li);
  });
  host.append(ul);
}

const coverageRows = [
  ['within20', 'scenario.within20', 'pct', true],
  ['within30', 'scenario.within30', 'pct', true],
  ['within45', 'scenario.within45', 'pct', true],
  ['meanMinutes', 'scenario.mean', 'min', false, 'mean'],
  ['p90Minutes', 'scenario.p90', 'min', false, 'p90'],
  ['unreachableDwellings', 'scenario.unreachable', 'int', false, 'unreachable'],
];

function coverageTable(s, c) {
  const table = document.createElement('table');
  table.className = 'coverage';
  table.innerHTML = `<thead><tr><th scope="col">${t('scenario.indicator')}</th><th scope="col">${t('scenario.saved')}</th><th scope="col">${t('scenario.current')}</th><th scope="col">${t('scenario.delta')}</th></tr></thead>`;
  const tb = document.createElement('tbody');
  coverageRows.forEach(([key, label, kind, higherIsBetter, testKey]) => {
    const tr = document.createElement('tr');
    const fmt = (v) => (kind === 'pct' ? pct(v) : kind === 'min' ? num(v, 1) : num(v, 0));
    const id = testKey || key;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(label);
    const tdS = document.createElement('td');
    tdS.setAttribute('data-testid', `coverage-${id}-saved`);
    tdS.textContent = fmt(s[key]);
    const tdC = document.createElement('td');
    tdC.setAttribute('data-testid', `coverage-${id}-current`);
    tdC.textContent = fmt(c[key]);
    const tdD = document.createElement('td');
    const d = deltaValue(c[key] ?? 0, s[key] ?? 0, kind);
    tdD.textContent = deltaText(c[key], s[key], kind);
    tdD.setAttribute('data-testid', `coverage-${id}-delta`);
    if (d !== 0) tdD.className = (d > 0) === higherIsBetter ? 'better' : 'worse';
    tr.append(th, tdS, tdC, tdD);
    tb.append(tr);
  });
  table.append(tb);
  return table;
}

/** Draws the scenario answer (or nothing) in the tab. */
export function renderScenario(answer) {
  state.scenario = answer;
  // The named-scenario section drew its button on the version change, before this answer arrived.
  const saveAs = document.getElementById('named-save');
  if (saveAs) saveAs.disabled = !(answer && answer.dirty);
  const host = $('scenario-state');
  host.innerHTML = '';
  if (!answer) return;
  if (answer.dirty) {
    const p = document.createElement('p');
    p.className = 'dirty';
    p.textContent = t('scenario.dirty');
    host.append(p);
  }
  const h = document.createElement('h3');
  h.textContent = t('scenario.coverage');
  host.append(h);
  host.append(coverageTable(answer.saved || {}, answer.current || {}));

  const h2 = document.createElement('h3');
  h2.textContent = t('scenario.changes');
  host.append(h2);
  if (!answer.changes || !answer.changes.length) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = t('scenario.noChanges');
    host.append(p);
  } else {
    changeList(host, null, answer.changes, (li, ch) => {
      li.textContent = t('map_scenario_change_line', { op: t(`scenario.op.${ch.op}`), name: ch.name || ch.agencyId, kind: kindLabel(ch.kind) });
    });
  }
  if (answer.agencies && answer.agencies.length) {
    changeList(host, t('scenario.agencies'), answer.agencies, (li, a) => {
      li.textContent = t('map_scenario_agency_line', {
        name: a.name, saved: a.savedEstates, current: a.currentEstates, savedMean: a.savedMeanMinutes, currentMean: a.currentMeanMinutes,
      });
    });
  }
  if (answer.territories && answer.territories.length) {
    const tl = (code) => { const ty = state.project.types.find((x) => x.code === code); return ty ? typeLabel(ty) : code; };
    changeList(host, t('scenario.territories'), answer.territories, (li, tr) => {
      li.dataset.territory = tr.id;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = tr.name;
      b.addEventListener('click', () => openPanel('territory', tr.id));
      const parts = [];
      if (tr.savedType !== tr.currentType) parts.push(`${tl(tr.savedType)} → ${tl(tr.currentType)}`);
      parts.push(t('map_scenario_territory_travel', { saved: tr.savedMeanMinutes, current: tr.currentMeanMinutes }));
      (tr.plan || []).forEach((c) => parts.push(t('map_scenario_plan_change', { label: c.label, saved: c.savedLabel || '–', current: c.currentLabel || '–' })));
      if (tr.added && tr.added.length) parts.push(`+ ${tr.added.join(', ')}`);
      if (tr.removed && tr.removed.length) parts.push(`− ${tr.removed.join(', ')}`);
      li.append(b, document.createTextNode(' : ' + parts.join(' ; ')));
    });
  }
  $('scenario-save').disabled = !answer.dirty;
  $('scenario-discard').disabled = !answer.dirty;
}

export function setupScenario() {
  $('scenario-add').addEventListener('click', () => {
    state.addMode = true;
    const n = $('mode-notice');
    n.textContent = t('scenario.addNotice');
    n.hidden = false;
    map.getTargetElement().style.cursor = 'crosshair';
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.addMode) leaveAddMode();
  });
  $('scenario-remove').addEventListener('click', () => { if (selection.agency) removeAgency(selection.agency); });
  $('scenario-save').addEventListener('click', () => scenarioCall('POST', 'api/scenario/save', undefined, { commit: true }));
  $('scenario-discard').addEventListener('click', () => scenarioCall('POST', 'api/scenario/discard'));

  // Move: drag an agency (Translate), only in "move" mode.
  const translate = new Translate({ layers: [layers.agencies], hitTolerance: 4 });
  translate.setActive(false);
  map.addInteraction(translate);
  translate.on('translateend', (e) => {
    const f = e.features.item(0);
    if (!f) return;
    const [lon, lat] = toLonLat(f.getGeometry().getCoordinates());
    moveAgency(f.get('id'), lon, lat);
  });
  document.querySelectorAll('input[name="scn-mode"]').forEach((r) => r.addEventListener('change', () => {
    translate.setActive(document.querySelector('input[name="scn-mode"]:checked').value === 'move');
  }));
}
