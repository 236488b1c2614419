// The map application's entry: wires the modules, draws the chrome in the chosen language, loads
// the project and signals readiness (window.territory.ready, body[data-ready]).
import 'ol/ol.css';
import './style.css';
import { transformExtent } from 'ol/proj.js';
import { get, setVersion, ApiError } from './api.js';
import { getLang, setLang, translateDom, loadMessages, t, format } from './i18n.js';
import { setupImport } from './import.js';
import { state, $ } from './state.js';
import { onRender, renderAll } from './chrome.js';
import { renderHeader } from './header.js';
import { map, layers, sources, estateLayer, findFeature, whenRendered } from './map/view.js';
import { estateVariables, setEstateColours } from './map/estates.js';
import { loadVersioned, loadRecommendations, prefetchVersioned, scheduleReload, setupLoading } from './map/loading.js';
import { setupTiles, tilesActive, onMergedChange } from './map/tiles.js';
import { renderBasemapSelect, setBasemap, setupBasemap } from './map/basemap.js';
import { renderIsoLegend } from './map/isochrones.js';
import { setupPointer, showCoords } from './map/pointer.js';
import { renderLegend, renderLayerSwitcher } from './sidebar/legend.js';
import { fillFilterTypes, fillLandlordFilter, fillAgencyFilter, applyFilters, setupFilters } from './sidebar/filters.js';
import { fillScenarioKinds, renderScenario, setupScenario } from './sidebar/scenario.js';
import { activateTab, setupTabs } from './sidebar/tabs.js';
import { openPanel, setupDetails, showBootError } from './details.js';
import { setupSearch } from './search.js';
import { setupEvents } from './progress.js';
import { renderUser, setupUser } from './user.js';
import { setupPlanning, loadPlanning, planningHooks } from './sidebar/planning.js';

// Redrawn on a language switch, in this order (new tabs and panels add theirs with onRender).
onRender(renderHeader);
onRender(renderLegend);
onMergedChange(() => { if (state.project) renderLegend(); });
onRender(renderLayerSwitcher);
onRender(renderBasemapSelect);
onRender(fillFilterTypes);
onRender(fillLandlordFilter);
onRender(() => fillAgencyFilter(sources.agencies.getFeatures()));
onRender(fillScenarioKinds);
onRender(applyFilters);
onRender(() => renderScenario(state.scenario));
onRender(renderIsoLegend);
onRender(renderUser);
onRender(() => { if (state.currentPanel) openPanel(state.currentPanel.kind, state.currentPanel.id, false); });

function renderChrome() {
  translateDom();
  const sw = $('lang-switch');
  sw.textContent = getLang() === 'en' ? 'FR' : 'EN';
  sw.setAttribute('aria-label', t('map_lang_switch'));
  if (state.project) renderAll();
  // A download link sends the browser's own language: the report is asked in the page's.
  const report = document.querySelector('a[href^="api/export/report"]');
  if (report) report.setAttribute('href', `api/export/report?lang=${getLang()}`);
  // The page's language is what the server is asked in (panels, problems); set once the page speaks it.
  document.body.dataset.lang = getLang();
}

setupLoading();
setupBasemap();
setupPointer();
setupFilters();
setupDetails();
setupSearch();
setupUser();
setupScenario();
setupPlanning();
setupTabs();
$('lang-switch').addEventListener('click', async () => {
  const next = getLang() === 'en' ? 'fr' : 'en';
  await loadMessages(next);
  setLang(next);
  renderChrome();
});

let resolveReady;
let rejectReady;
const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });

window.territory = {
  map,
  ready,
  layers,
  sources,
  stats: () => ({ estates: sources.estates.getFeatures().length, rendered: document.body.dataset.ready === 'true', tiles: tilesActive() }),
  clickEstate: (id) => openPanel('estate', id),
  clickTerritory: (id) => openPanel('territory', id),
  clickAgency: (id) => openPanel('agency', id),
  findFeature,
  // Resolves once the view as it is now is drawn (tests wait on it after moving the map).
  rendered: whenRendered,
  filters: estateVariables,
  scenario: () => state.scenario,
  ...planningHooks,
  // The catalogue's template filler, as the page uses it (tests compare it with the server's).
  format,
};

async function boot() {
  await loadMessages(getLang());
  setLang(getLang());
  translateDom();
  // Everything the first render needs is asked for at once; the project answer sets the view.
  const scenario = get('api/scenario');
  prefetchVersioned();
  performance.mark('boot');
  const project = await get('api/project');
  state.project = project;
  performance.mark('project');
  project.types.forEach((type, i) => { state.typeIndex[type.code] = i; });
  setEstateColours(estateLayer, project.types);
  // A large project is drawn from vector tiles (estates, territories, communes, QPV).
  await setupTiles();
  if (project.version !== undefined) setVersion(project.version);
  // The view first, drawn once at once: its tiles are asked for now, while the rest of the start-up runs.
  map.setTarget('map');
  const ext = transformExtent(project.extent, 'EPSG:4326', 'EPSG:3857');
  map.getView().fit(ext, { padding: [30, 30, 30, 30], size: map.getSize() || undefined });
  map.renderSync();
  // OpenLayers asks for a frame's tiles from a timer after it: let it run before the rest of the start-up.
  await new Promise((res) => { setTimeout(res, 0); });
  performance.mark('view');
  renderChrome();
  setBasemap($('basemap-select').value);
  showCoords(map.getView().getCenter());
  await loadVersioned({ deferRecommendations: true });
  renderScenario(await scenario);
  setupEvents();
  performance.mark('loaded');
  await whenRendered();
  document.body.dataset.ready = 'true';
  resolveReady(true);
  // What the first view does not show comes after its first frame: the recommendations (a layer hidden by default)
  // and the named scenarios of the « Scénario » tab (its list says when it is done: data-state).
  await Promise.all([loadRecommendations(), loadPlanning()]);
  performance.mark('deferred');
  document.body.dataset.startupDone = 'true';
}

setupImport({ map, onImported: () => scheduleReload(), t, activateTab });

boot().catch((e) => {
  console.error(e);
  if (!map.getTarget()) map.setTarget('map');
  showBootError(e instanceof ApiError ? e.message : String(e));
  rejectReady(e);
});
