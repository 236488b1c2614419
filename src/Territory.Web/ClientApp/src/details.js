// The details panel on the right: opens an estate, a territory or an agency (renderers in
// panels.js), highlights the selection, closes.
import { get } from './api.js';
import { t, getLang } from './i18n.js';
import { state, $ } from './state.js';
import { selection } from './styles.js';
import { typeLabel, kindLabel } from './labels.js';
import { sources } from './map/view.js';
import { showIsochrones, showIsoError } from './map/isochrones.js';
import { renderEstatePanel, renderTerritoryPanel, renderAgencyPanel } from './panels.js';
import { removeAgency } from './sidebar/scenario.js';

const panelBody = () => $('panel-body');
const panelTitle = () => $('panel-title');

function showPanelError(e) {
  const body = panelBody();
  body.innerHTML = '';
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = `${t('error.load')} : ${e.message}`;
  body.append(p);
}

/** Highlights an agency (or none) and enables the scenario's « remove » button for it. */
export function selectAgency(id) {
  selection.agency = id;
  sources.agencies.changed();
  const f = id ? sources.agencies.getFeatures().find((x) => x.get('id') === id) : null;
  $('scenario-remove').disabled = !f;
  $('scenario-selected').textContent = f ? t('scenario.selected', f.get('name')) : '';
}

let opening = 0;

/**
 * Opens the panel of an estate, territory or agency; `fresh` also draws an agency's isochrones.
 * The server renders what it computed (reasons, plan lines) in the page's language, so a language
 * switch opens the panel again; only the latest request draws (a slow answer in the previous
 * language never overwrites a newer one). The body's data-lang tells which language it shows.
 */
export async function openPanel(kind, id, fresh = true) {
  const { project } = state;
  const ticket = ++opening;
  const lang = getLang();
  const current = () => ticket === opening;
  state.currentPanel = { kind, id };
  selection.territory = kind === 'territory' ? id : null;
  sources.territories.changed();
  if (kind !== 'agency') selectAgency(null);
  $('panel').classList.add('open');
  try {
    if (kind === 'estate') {
      const d = await get(`api/estates/${encodeURIComponent(id)}?lang=${lang}`);
      if (!current()) return;
      renderEstatePanel(panelTitle(), panelBody(), d, { project, kindLabel, openPanel, typeLabel });
    } else if (kind === 'territory') {
      const d = await get(`api/territories/${encodeURIComponent(id)}?lang=${lang}`);
      if (!current()) return;
      renderTerritoryPanel(panelTitle(), panelBody(), d, { project, openPanel, typeLabel });
    } else if (kind === 'agency') {
      selectAgency(id);
      const d = await get(`api/agencies/${encodeURIComponent(id)}?lang=${lang}`);
      if (!current()) return;
      const isoUrl = `api/agencies/${encodeURIComponent(id)}/isochrones?minutes=10,20,30`;
      const isoHost = renderAgencyPanel(panelTitle(), panelBody(), d, {
        project, kindLabel, onRemove: () => removeAgency(id),
        onIso: (host) => showIsochrones(isoUrl).catch(showIsoError(host)),
      });
      panelBody().dataset.lang = lang;
      if (fresh && project.roads !== false) await showIsochrones(isoUrl).catch(showIsoError(isoHost));
      return;
    }
    panelBody().dataset.lang = lang;
  } catch (e) {
    if (current()) showPanelError(e);
  }
}

export function closePanel() {
  state.currentPanel = null;
  $('panel').classList.remove('open');
  panelTitle().textContent = t('panel.empty');
  panelBody().innerHTML = `<p class="hint">${t('panel.hint')}</p>`;
  selectAgency(null);
  selection.territory = null;
  sources.territories.changed();
}

export function setupDetails() {
  $('panel-close').addEventListener('click', closePanel);
}

/** Shows a boot failure in the panel. */
export function showBootError(text) {
  panelTitle().textContent = t('error.load');
  panelBody().textContent = text;
}
