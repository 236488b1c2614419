// The « Filtres » tab: territory types, landlord, agency, travel time over a threshold; the count
// of estates and dwellings shown.
import { t } from '../i18n.js';
import { state, $ } from '../state.js';
import { typeLabel, kindLabel } from '../labels.js';
import { sources, estateLayer } from '../map/view.js';
import { estateVariables, estateMatches } from '../map/estates.js';
import { tilesActive, applyTileFilters } from '../map/tiles.js';

export function fillFilterTypes() {
  const el = $('filter-types');
  el.innerHTML = '';
  state.project.types.forEach((type, i) => {
    const label = document.createElement('label');
    label.className = 'check';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = estateVariables[`t${i}`] === 1;
    input.setAttribute('data-testid', `filter-type-${type.code}`);
    input.id = `filter-type-${type.code}`;
    input.addEventListener('change', () => { estateVariables[`t${i}`] = input.checked ? 1 : 0; applyFilters(); });
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.style.background = type.colour;
    label.append(input, chip, document.createTextNode(typeLabel(type)));
    el.append(label);
  });
}

export function fillLandlordFilter() {
  const sel = $('filter-landlord');
  const value = sel.value;
  sel.innerHTML = '';
  const all = document.createElement('option');
  all.value = '';
  all.textContent = t('filters.all');
  sel.append(all);
  state.landlordIndex = {};
  (state.project.landlords || []).forEach((l, i) => {
    state.landlordIndex[l] = i;
    const o = document.createElement('option');
    o.value = l;
    o.textContent = l;
    sel.append(o);
  });
  sel.value = value && value in state.landlordIndex ? value : '';
}

export function fillAgencyFilter(features) {
  const sel = $('filter-agency');
  const value = sel.value;
  sel.innerHTML = '';
  const all = document.createElement('option');
  all.value = '';
  all.textContent = t('filters.allAgencies');
  sel.append(all);
  [...features].sort((a, b) => String(a.get('name')).localeCompare(String(b.get('name')), 'fr')).forEach((f) => {
    const o = document.createElement('option');
    o.value = f.get('id');
    o.textContent = `${f.get('name')} (${kindLabel(f.get('kind'))})`;
    sel.append(o);
  });
  sel.value = value && value in state.agencyIndex ? value : '';
}

export function applyFilters() {
  const ll = $('filter-landlord').value;
  estateVariables.landlord = ll ? (state.landlordIndex[ll] ?? -3) : -1;
  const ag = $('filter-agency').value;
  estateVariables.agency = ag ? (state.agencyIndex[ag] ?? -3) : -1;
  const m = $('filter-minutes').value;
  estateVariables.minMinutes = m === '' || Number.isNaN(Number(m)) ? -1 : Math.max(0, Number(m));
  if (tilesActive()) {
    applyTileFilters(estateVariables, ll, ag).then((c) => showCount(c.estates, c.dwellings)).catch((e) => console.error(e));
    return;
  }
  if (estateLayer.updateStyleVariables) estateLayer.updateStyleVariables({ ...estateVariables });
  else estateLayer.changed();
  let n = 0;
  let d = 0;
  sources.estates.forEachFeature((f) => {
    if (estateMatches(f)) { n += 1; d += f.get('dwellings') || 0; }
  });
  showCount(n, d);
}

function showCount(n, d) {
  $('filter-count').textContent = t('filters.count', { estates: n, dwellings: d });
  $('filter-count').dataset.estates = String(n);
  $('filter-count').dataset.dwellings = String(d);
}

export function setupFilters() {
  ['filter-landlord', 'filter-agency'].forEach((id) => $(id).addEventListener('change', applyFilters));
  $('filter-minutes').addEventListener('input', applyFilters);
  $('filter-reset').addEventListener('click', () => {
    [0, 1, 2, 3].forEach((i) => { estateVariables[`t${i}`] = 1; });
    $('filter-landlord').value = '';
    $('filter-agency').value = '';
    $('filter-minutes').value = '';
    fillFilterTypes();
    applyFilters();
  });
}
