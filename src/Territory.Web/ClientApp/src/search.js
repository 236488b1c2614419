// The header's search box: communes, estates, territories and agencies by name (api/search),
// keyboard navigation, and a result opens its panel after fitting the map on it.
import { transformExtent } from 'ol/proj.js';
import { get } from './api.js';
import { t } from './i18n.js';
import { $ } from './state.js';
import { map } from './map/view.js';
import { openPanel } from './details.js';

let searchTimer = null;
let searchSeq = 0;

async function runSearch() {
  const searchInput = $('search-input');
  const searchResults = $('search-results');
  const q = searchInput.value.trim();
  const seq = ++searchSeq;
  if (q.length < 2) { searchResults.hidden = true; searchResults.innerHTML = ''; return; }
  let results;
  try { results = await get(`api/search?q=${encodeURIComponent(q)}&limit=20`); } catch (e) { results = []; }
  if (seq !== searchSeq) return;
  searchResults.innerHTML = '';
  if (!results.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('search.none');
    searchResults.append(li);
  }
  results.forEach((r) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'option');
    b.dataset.kind = r.kind;
    b.dataset.id = r.id;
    const label = document.createElement('span');
    label.textContent = r.label;
    const detail = document.createElement('small');
    detail.textContent = r.detail || '';
    b.append(label, detail);
    b.addEventListener('click', () => goToResult(r));
    b.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && li.nextSibling) { e.preventDefault(); li.nextSibling.querySelector('button')?.focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (li.previousSibling?.querySelector('button') || searchInput).focus(); }
      if (e.key === 'Escape') { searchResults.hidden = true; searchInput.focus(); }
    });
    li.append(b);
    searchResults.append(li);
  });
  searchResults.hidden = false;
}

function goToResult(r) {
  $('search-results').hidden = true;
  if (r.extent) {
    const ext = transformExtent(r.extent, 'EPSG:4326', 'EPSG:3857');
    map.getView().fit(ext, { padding: [60, 60, 60, 60], maxZoom: 16, duration: 300 });
  }
  if (r.kind === 'estate') openPanel('estate', r.id);
  else if (r.kind === 'territory') openPanel('territory', r.id);
  else if (r.kind === 'agency') openPanel('agency', r.id);
}

export function setupSearch() {
  const searchInput = $('search-input');
  const searchResults = $('search-results');
  searchInput.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 200);
  });
  searchInput.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { searchResults.hidden = true; }
    if (e.key === 'ArrowDown') { const b = searchResults.querySelector('button'); if (b) { e.preventDefault(); b.focus(); } }
    if (e.key === 'Enter') { const b = searchResults.querySelector('button'); if (b) b.click(); }
  });
  document.addEventListener('click', (e) => {
    if (!e.target.closest('.search')) searchResults.hidden = true;
  });
}
