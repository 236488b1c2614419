import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorSource from 'ol/source/Vector.js';
import VectorLayer from 'ol/layer/Vector.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import Translate from 'ol/interaction/Translate.js';
import Collection from 'ol/Collection.js';
import { Style, Fill, Stroke, Circle as CircleStyle } from 'ol/style.js';
import { fromLonLat, toLonLat, transform, transformExtent } from 'ol/proj.js';
import { register } from 'ol/proj/proj4.js';
import { getCenter } from 'ol/extent.js';
import { toContext } from 'ol/render.js';
import Point from 'ol/geom/Point.js';
import Feature from 'ol/Feature.js';
import proj4 from 'proj4';
import { get, send, onVersion, setVersion, currentVersion, ApiError } from './api.js';
import { t, getLang, setLang, translateDom, num, pct } from './i18n.js';
import { setupImport } from './import.js';
import { renderEstatePanel, renderTerritoryPanel, renderAgencyPanel } from './panels.js';
import {
  selection, hexToRgba, darker, territoryStyle, qpvStyle, communeStyle, agencyShape, agencyStyle, recommendationStyle, isoColour, isochroneStyle,
} from './styles.js';

proj4.defs('EPSG:2154', '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
register(proj4);

const $ = (id) => document.getElementById(id);
const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

// ---------------------------------------------------------------------------------------------
// State
let project = null;
const typeIndex = {}; // code -> 0..3
let landlordIndex = {};
let agencyIndex = {};
let addMode = false;
let currentPanel = null; // { kind, id }
let polygonBucket = null;
let scenarioState = null;

// Styles: styles.js (selection.territory / selection.agency drive the highlight).

// ---------------------------------------------------------------------------------------------
// Layers
const sources = {
  communes: new VectorSource(),
  territories: new VectorSource(),
  districts: new VectorSource(),
  isochrones: new VectorSource(),
  // No R-tree for the estates: loading 50,000 points into it cost ~0.4 s; clicks scan them (~2 ms).
  estates: new VectorSource({ useSpatialIndex: false }),
  recommendations: new VectorSource(),
  agencies: new VectorSource(),
};

const estateVariables = { t0: 1, t1: 1, t2: 1, t3: 1, tNone: 1, landlord: -1, agency: -1, minMinutes: -1 };
// Hit detection is done in script (estateAt), not by a second WebGL pass: the first render of
// 50,000 estates is markedly faster without it.
/** True when the browser can draw WebGL (some remote desktops disable it). */
function webglAvailable() {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') || canvas.getContext('webgl'));
  } catch (e) {
    return false;
  }
}

// Canvas fallback without WebGL: the same circles, filtered in script (slower beyond ~10,000 estates).
const estateStyleCache = {};
let estateColours = ['#5e9e3a', '#e0a02c', '#3b78b8', '#c0392b'];
function canvasEstateStyle(f) {
  if (!estateMatches(f)) return null;
  const ti = f.get('tIdx');
  const r = Math.round(estateRadius(f.get('dwellings')) * 2) / 2;
  const key = `${ti}:${r}`;
  if (!estateStyleCache[key]) {
    estateStyleCache[key] = new Style({
      image: new CircleStyle({ radius: r, fill: new Fill({ color: estateColours[ti] || '#777777' }), stroke: new Stroke({ color: '#ffffff', width: 1 }) }),
    });
  }
  return estateStyleCache[key];
}

const estateLayer = !webglAvailable() ? new VectorLayer({ source: sources.estates, style: canvasEstateStyle }) : new WebGLVectorLayer({
  source: sources.estates,
  disableHitDetection: true,
  variables: estateVariables,
  style: [{
    filter: ['all',
      ['==', ['match', ['get', 'tIdx'], 0, ['var', 't0'], 1, ['var', 't1'], 2, ['var', 't2'], 3, ['var', 't3'], ['var', 'tNone']], 1],
      ['any', ['<', ['var', 'landlord'], 0], ['==', ['get', 'llIdx'], ['var', 'landlord']]],
      ['any', ['<', ['var', 'agency'], 0], ['==', ['get', 'agIdx'], ['var', 'agency']], ['==', ['get', 'tagIdx'], ['var', 'agency']]],
      ['any', ['<', ['var', 'minMinutes'], 0], ['>', ['get', 'minutes'], ['var', 'minMinutes']]],
    ],
    style: {
      'circle-radius': ['interpolate', ['linear'], ['get', 'dwellings'], 0, 3, 20, 4, 100, 6, 300, 9, 1000, 14],
      'circle-fill-color': ['match', ['get', 'tIdx'], 0, '#5e9e3a', 1, '#e0a02c', 2, '#3b78b8', 3, '#c0392b', '#777777'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  }],
});

const layers = {
  communes: new VectorLayer({ source: sources.communes, style: communeStyle, declutter: true }),
  territories: new VectorLayer({ source: sources.territories, style: territoryStyle }),
  districts: new VectorLayer({ source: sources.districts, style: qpvStyle }),
  isochrones: new VectorLayer({ source: sources.isochrones, style: isochroneStyle }),
  estates: estateLayer,
  recommendations: new VectorLayer({ source: sources.recommendations, style: recommendationStyle, visible: false }),
  agencies: new VectorLayer({ source: sources.agencies, style: agencyStyle }),
};
Object.entries(layers).forEach(([name, layer]) => layer.set('name', name));
const layerOrder = ['communes', 'territories', 'districts', 'isochrones', 'estates', 'recommendations', 'agencies'];

const basemapLayer = new TileLayer({ visible: false, zIndex: -1 });
basemapLayer.set('name', 'basemap');

const map = new Map({
  target: 'map',
  layers: [basemapLayer, ...layerOrder.map((n) => layers[n])],
  view: new View({ center: fromLonLat([2.5, 46.6]), zoom: 6, maxZoom: 20 }),
  controls: defaultControls({ attributionOptions: { collapsible: true } }).extend([
    new ScaleLine({ target: $('scale-line'), units: 'metric' }),
  ]),
});

// ---------------------------------------------------------------------------------------------
// Loading layers
function toleranceBucket() {
  const view = map.getView();
  const res = view.getResolution() || 1000;
  const lat = toLonLat(view.getCenter() || [0, 0])[1];
  const metres = res * Math.cos((lat * Math.PI) / 180);
  return metres < 1 ? 0 : 2 ** Math.floor(Math.log2(metres));
}

let polygonLoad = { key: null, promise: Promise.resolve() };
/** Loads the polygon layers at the current tolerance bucket and project version (once per key). */
function loadPolygons() {
  const bucket = toleranceBucket();
  const key = `${bucket}@${currentVersion()}`;
  if (key === polygonLoad.key) return polygonLoad.promise;
  polygonBucket = bucket;
  const urls = ['territories', 'communes', 'districts'].map((n) => [n, `api/layers/${n}?tolerance=${bucket}`]);
  const promise = Promise.all(urls.map(([n, u]) => get(u).then((fc) => [n, fc]))).then((results) => {
    if (polygonLoad.key !== key) return;
    results.forEach(([n, fc]) => {
      const features = geojson.readFeatures(fc);
      sources[n].clear(true);
      sources[n].addFeatures(features);
    });
  });
  polygonLoad = { key, promise };
  promise.catch(() => { if (polygonLoad.key === key) polygonLoad.key = null; });
  return promise;
}

/**
 * Estates arrive as columns (/api/layers/estates?format=columns): features are built directly with
 * only what the map draws and filters (50,000 estates without parsing a GeoJSON collection).
 */
function estatesFromColumns(c) {
  const tIdx = c.types.map((code) => (code in typeIndex ? typeIndex[code] : -1));
  const ll = c.landlords.map((l) => landlordIndex[l] ?? -2);
  const ag = c.agencies.map((a) => agencyIndex[a] ?? -2);
  const features = new Array(c.count);
  for (let i = 0; i < c.count; i += 1) {
    const m = c.travelMinutes[i];
    features[i] = new Feature({
      geometry: new Point(fromLonLat([c.lon[i], c.lat[i]])),
      id: c.id[i],
      dwellings: c.dwellings[i],
      type: c.type[i] >= 0 ? c.types[c.type[i]] : null,
      tIdx: c.type[i] >= 0 ? tIdx[c.type[i]] : -1,
      llIdx: c.landlord[i] >= 0 ? ll[c.landlord[i]] : -2,
      agIdx: c.agency[i] >= 0 ? ag[c.agency[i]] : -2,
      tagIdx: c.travelAgency[i] >= 0 ? ag[c.travelAgency[i]] : -2,
      travelMinutes: m,
      // Unreachable estates count as "over any threshold".
      minutes: m === null || m === undefined ? 100000 : m,
    });
  }
  return features;
}

let prefetched = null;
/** Starts the requests of the version-dependent layers (at boot, before the project answer is in). */
function fetchVersioned() {
  return {
    estates: get('api/layers/estates?format=columns'),
    recommendations: get('api/layers/recommendations'),
    agencies: get('api/layers/agencies'),
  };
}

async function loadVersioned() {
  // Fetch in parallel; agencies first into the map (estates index their agency).
  const requests = prefetched || fetchVersioned();
  prefetched = null;
  const agencies = geojson.readFeatures(await requests.agencies);
  performance.mark('agencies');
  sources.agencies.clear(true);
  sources.agencies.addFeatures(agencies);
  agencyIndex = {};
  agencies.forEach((f, i) => { agencyIndex[f.get('id')] = i; });
  fillAgencyFilter(agencies);
  const polygons = loadPolygons();
  const columns = await requests.estates;
  performance.mark('estates-answer');
  const est = estatesFromColumns(columns);
  performance.mark('estates-features');
  sources.estates.clear(true);
  sources.estates.addFeatures(est);
  performance.mark('estates-added');
  const rec = geojson.readFeatures(await requests.recommendations);
  sources.recommendations.clear(true);
  sources.recommendations.addFeatures(rec);
  await polygons;
  performance.mark('polygons');
  applyFilters();
  performance.mark('filters');
}

let reloadTimer = null;
let reloading = Promise.resolve();
function scheduleReload() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    reloading = reloading.then(async () => {
      try {
        await loadVersioned();
        await refreshProjectHeader();
        if (currentPanel) openPanel(currentPanel.kind, currentPanel.id, false);
      } catch (e) { console.error(e); }
    });
  }, 50);
}
onVersion(() => scheduleReload());

map.on('moveend', () => { if (project) loadPolygons().catch((e) => console.error(e)); });

// ---------------------------------------------------------------------------------------------
// Header, legend, layer switcher, basemaps
async function refreshProjectHeader() {
  project = await get('api/project');
  renderHeader();
}

function renderHeader() {
  $('project-name').textContent = project.name;
  $('organisation').textContent = project.organisation || '';
  const c = project.counts;
  const en = getLang() === 'en';
  $('counts').textContent = en
    ? `${num(c.estates)} estates · ${num(c.dwellings)} dwellings · ${num(c.agencies)} agencies · ${num(c.territories)} territories`
    : `${num(c.estates)} programmes · ${num(c.dwellings)} logements · ${num(c.agencies)} agences · ${num(c.territories)} territoires`;
  document.title = `Territory — ${project.name}`;
}

function typeLabel(type) { return getLang() === 'en' && type.labelEn ? type.labelEn : type.label; }
function kindLabel(code) {
  const k = project.agencyKinds.find((x) => x.code === code);
  if (!k) return code;
  return getLang() === 'en' && k.labelEn ? k.labelEn : k.label;
}

function shapeCanvas(image, size = 22) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = toContext(canvas.getContext('2d'), { size: [size, size], pixelRatio: 1 });
  ctx.setStyle(new Style({ image }));
  ctx.drawGeometry(new Point([size / 2, size / 2]));
  return canvas;
}

function renderLegend() {
  const el = $('legend');
  el.innerHTML = '';
  const h = (text) => { const x = document.createElement('h3'); x.textContent = text; el.append(x); };
  h(t('legend.types'));
  const ul = document.createElement('ul');
  project.types.forEach((type) => {
    const li = document.createElement('li');
    li.dataset.testid = 'legend-type';
    li.setAttribute('data-testid', 'legend-type');
    li.dataset.type = type.code;
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.style.background = hexToRgba(type.colour, 0.55);
    chip.style.borderColor = type.colour;
    const label = document.createElement('span');
    label.textContent = typeLabel(type);
    const n = document.createElement('span');
    n.className = 'muted';
    n.textContent = ` (${num(type.territories)})`;
    li.append(chip, label, n);
    ul.append(li);
  });
  el.append(ul);
  const est = document.createElement('p');
  est.className = 'muted small';
  est.textContent = t('legend.estates');
  el.append(est);
  const qpv = document.createElement('p');
  qpv.className = 'legend-row';
  const qchip = document.createElement('span');
  qchip.className = 'chip hatched';
  qpv.append(qchip, document.createTextNode(t('legend.qpv')));
  el.append(qpv);
  h(t('legend.agencies'));
  const ul2 = document.createElement('ul');
  project.agencyKinds.forEach((k) => {
    const li = document.createElement('li');
    li.setAttribute('data-testid', 'legend-kind');
    li.append(shapeCanvas(agencyShape(k.code, 'saved')), document.createTextNode(kindLabel(k.code)));
    ul2.append(li);
  });
  el.append(ul2);
  h(t('legend.status'));
  const ul3 = document.createElement('ul');
  [['added', 'legend.added'], ['moved', 'legend.moved']].forEach(([s, key]) => {
    const li = document.createElement('li');
    li.append(shapeCanvas(agencyShape('agence', s)), document.createTextNode(t(key)));
    ul3.append(li);
  });
  el.append(ul3);
}

function renderLayerSwitcher() {
  const el = $('layer-switcher');
  el.innerHTML = '';
  [...layerOrder].reverse().forEach((name) => {
    const label = document.createElement('label');
    label.className = 'check';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = layers[name].getVisible();
    input.dataset.layer = name;
    input.setAttribute('data-testid', `layer-${name}`);
    input.addEventListener('change', () => layers[name].setVisible(input.checked));
    label.append(input, document.createTextNode(' ' + t(`layer.${name}`)));
    el.append(label);
  });
}

let tileErrors = 0;
function noteTileError() {
  tileErrors += 1;
  const n = $('basemap-notice');
  n.textContent = t('basemap.offline');
  n.hidden = false;
}

function renderBasemapSelect() {
  const sel = $('basemap-select');
  const current = sel.value || project.defaultBasemap || 'none';
  sel.innerHTML = '';
  project.basemaps.forEach((b) => {
    const o = document.createElement('option');
    o.value = b.id;
    o.textContent = getLang() === 'en' && b.labelEn ? b.labelEn : b.label;
    sel.append(o);
  });
  sel.value = current;
}

function setBasemap(id) {
  const b = project.basemaps.find((x) => x.id === id);
  $('basemap-notice').hidden = true;
  tileErrors = 0;
  if (!b || b.type === 'none') {
    basemapLayer.setVisible(false);
    basemapLayer.setSource(null);
    document.querySelector('.map').classList.remove('with-basemap');
    return;
  }
  let source;
  if (b.type === 'xyz') {
    source = new XYZ({ url: b.url, attributions: b.attribution || undefined, crossOrigin: 'anonymous', maxZoom: 19 });
  } else {
    const resolutions = [];
    const matrixIds = [];
    for (let z = 0; z <= 19; z += 1) {
      resolutions.push(156543.03392804097 / 2 ** z);
      matrixIds.push(String(z));
    }
    source = new WMTS({
      url: b.url, layer: b.layer, matrixSet: b.matrixSet || 'PM', format: b.format || 'image/png', style: b.style || 'normal',
      projection: 'EPSG:3857', requestEncoding: 'KVP', attributions: b.attribution || undefined, crossOrigin: 'anonymous',
      tileGrid: new WMTSTileGrid({ origin: [-20037508.342789244, 20037508.342789244], resolutions, matrixIds }),
      wrapX: true,
    });
  }
  source.on('tileloaderror', noteTileError);
  basemapLayer.setSource(source);
  basemapLayer.setVisible(true);
  document.querySelector('.map').classList.add('with-basemap');
}
$('basemap-select').addEventListener('change', (e) => setBasemap(e.target.value));

// ---------------------------------------------------------------------------------------------
// Pointer coordinates
function showCoords(coordinate) {
  const [x, y] = transform(coordinate, 'EPSG:3857', 'EPSG:2154');
  const [lon, lat] = toLonLat(coordinate);
  $('coords').textContent = `Lambert-93 : ${num(x, 0)} ; ${num(y, 0)} m — ${t('coords.lonlat')} : ${lon.toFixed(5)}, ${lat.toFixed(5)}`;
}
map.on('pointermove', (e) => {
  if (e.dragging) return;
  showCoords(e.coordinate);
  const hit = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => ['agencies', 'territories', 'recommendations'].includes(l.get('name')) })
    || estateAt(e.pixel) !== null;
  map.getTargetElement().style.cursor = addMode ? 'crosshair' : hit ? 'pointer' : '';
});

// ---------------------------------------------------------------------------------------------
// Filters
function fillFilterTypes() {
  const el = $('filter-types');
  el.innerHTML = '';
  project.types.forEach((type, i) => {
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

function fillLandlordFilter() {
  const sel = $('filter-landlord');
  const value = sel.value;
  sel.innerHTML = '';
  const all = document.createElement('option');
  all.value = '';
  all.textContent = t('filters.all');
  sel.append(all);
  landlordIndex = {};
  (project.landlords || []).forEach((l, i) => {
    landlordIndex[l] = i;
    const o = document.createElement('option');
    o.value = l;
    o.textContent = l;
    sel.append(o);
  });
  sel.value = value && value in landlordIndex ? value : '';
}

function fillAgencyFilter(features) {
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
  sel.value = value && value in agencyIndex ? value : '';
}

function estateMatches(f) {
  const ti = f.get('tIdx');
  const tv = ti >= 0 && ti <= 3 ? estateVariables[`t${ti}`] : estateVariables.tNone;
  if (tv !== 1) return false;
  if (estateVariables.landlord >= 0 && f.get('llIdx') !== estateVariables.landlord) return false;
  if (estateVariables.agency >= 0 && f.get('agIdx') !== estateVariables.agency && f.get('tagIdx') !== estateVariables.agency) return false;
  if (estateVariables.minMinutes >= 0 && !(f.get('minutes') > estateVariables.minMinutes)) return false;
  return true;
}

function applyFilters() {
  const ll = $('filter-landlord').value;
  estateVariables.landlord = ll ? (landlordIndex[ll] ?? -3) : -1;
  const ag = $('filter-agency').value;
  estateVariables.agency = ag ? (agencyIndex[ag] ?? -3) : -1;
  const m = $('filter-minutes').value;
  estateVariables.minMinutes = m === '' || Number.isNaN(Number(m)) ? -1 : Math.max(0, Number(m));
  if (estateLayer.updateStyleVariables) estateLayer.updateStyleVariables({ ...estateVariables });
  else estateLayer.changed();
  let n = 0;
  let d = 0;
  sources.estates.forEachFeature((f) => {
    if (estateMatches(f)) { n += 1; d += f.get('dwellings') || 0; }
  });
  $('filter-count').textContent = t('filters.count', num(n), num(d));
  $('filter-count').dataset.estates = String(n);
  $('filter-count').dataset.dwellings = String(d);
}
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

// ---------------------------------------------------------------------------------------------
// Panels and clicks
const panelBody = $('panel-body');
const panelTitle = $('panel-title');

function showPanelError(e) {
  panelBody.innerHTML = '';
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = `${t('error.load')} : ${e.message}`;
  panelBody.append(p);
}

function isoLegend(minutes) {
  const div = document.createElement('div');
  div.className = 'iso-legend';
  div.setAttribute('data-testid', 'isochrone-legend');
  const title = document.createElement('strong');
  title.textContent = t('panel.isochrones');
  div.append(title);
  minutes.forEach((m) => {
    const row = document.createElement('div');
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.style.background = hexToRgba(isoColour(m), 0.6);
    chip.style.borderColor = darker(isoColour(m));
    row.append(chip, document.createTextNode(`≤ ${m} min`));
    div.append(row);
  });
  return div;
}

let isoRequest = 0;
async function showIsochrones(url, container) {
  const req = ++isoRequest;
  const fc = await get(url);
  if (req !== isoRequest) return;
  const features = geojson.readFeatures(fc);
  sources.isochrones.clear(true);
  sources.isochrones.addFeatures(features);
  layers.isochrones.setVisible(true);
  const cb = document.querySelector('[data-layer="isochrones"]');
  if (cb) cb.checked = true;
  renderIsoLegend();
}
function renderIsoLegend() {
  const host = $('iso-legend-host');
  host.innerHTML = '';
  const features = sources.isochrones.getFeatures();
  if (!features.length) { host.hidden = true; return; }
  const minutes = features.map((f) => f.get('minutes')).sort((a, b) => a - b);
  const legend = isoLegend(minutes);
  const failures = [...new Set(features.map((f) => f.get('failureReason')).filter(Boolean))];
  failures.forEach((r) => {
    const p = document.createElement('p');
    p.className = 'error small';
    p.textContent = r;
    legend.append(p);
  });
  if (features.some((f) => f.get('estimated'))) {
    const p = document.createElement('p');
    p.className = 'muted small';
    p.textContent = t('panel.estimated');
    legend.append(p);
  }
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = t('panel.clearIso');
  clear.addEventListener('click', clearIsochrones);
  legend.append(clear);
  host.append(legend);
  host.hidden = false;
}
function clearIsochrones() {
  isoRequest += 1;
  sources.isochrones.clear();
  renderIsoLegend();
}

async function openPanel(kind, id, fresh = true) {
  currentPanel = { kind, id };
  selection.territory = kind === 'territory' ? id : null;
  sources.territories.changed();
  if (kind !== 'agency') selectAgency(null);
  $('panel').classList.add('open');
  try {
    if (kind === 'estate') {
      const d = await get(`api/estates/${encodeURIComponent(id)}`);
      renderEstatePanel(panelTitle, panelBody, d, { project, kindLabel, openPanel, typeLabel });
    } else if (kind === 'territory') {
      const d = await get(`api/territories/${encodeURIComponent(id)}`);
      renderTerritoryPanel(panelTitle, panelBody, d, { project, openPanel, typeLabel });
    } else if (kind === 'agency') {
      selectAgency(id);
      const d = await get(`api/agencies/${encodeURIComponent(id)}`);
      const isoHost = renderAgencyPanel(panelTitle, panelBody, d, {
        project, kindLabel, onRemove: () => removeAgency(id),
        onIso: (host) => showIsochrones(`api/agencies/${encodeURIComponent(id)}/isochrones?minutes=10,20,30`, host).catch(showIsoError(host)),
      });
      if (fresh && project.roads !== false) {
        await showIsochrones(`api/agencies/${encodeURIComponent(id)}/isochrones?minutes=10,20,30`, isoHost).catch(showIsoError(isoHost));
      }
    }
  } catch (e) {
    showPanelError(e);
  }
}
function showIsoError(host) {
  return (e) => {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = e.message;
    host.append(p);
  };
}
$('panel-close').addEventListener('click', () => {
  currentPanel = null;
  $('panel').classList.remove('open');
  panelTitle.textContent = t('panel.empty');
  panelBody.innerHTML = `<p class="hint">${t('panel.hint')}</p>`;
  selectAgency(null);
  selection.territory = null;
  sources.territories.changed();
});

function selectAgency(id) {
  selection.agency = id;
  sources.agencies.changed();
  const f = id ? sources.agencies.getFeatures().find((x) => x.get('id') === id) : null;
  $('scenario-remove').disabled = !f;
  $('scenario-selected').textContent = f ? t('scenario.selected', f.get('name')) : '';
}

/** Radius in pixels of an estate's circle (same ramp as the style). */
function estateRadius(d) {
  const stops = [[0, 3], [20, 4], [100, 6], [300, 9], [1000, 14]];
  if (d <= 0) return 3;
  for (let i = 1; i < stops.length; i += 1) {
    if (d <= stops[i][0]) {
      const [d0, r0] = stops[i - 1];
      const [d1, r1] = stops[i];
      return r0 + ((d - d0) * (r1 - r0)) / (d1 - d0);
    }
  }
  return 14;
}

/** The visible (filtered) estate drawn under a pixel, the nearest centre first. */
function estateAt(pixel, tolerance = 3) {
  if (!layers.estates.getVisible()) return null;
  const res = map.getView().getResolution();
  const c = map.getCoordinateFromPixel(pixel);
  const r = (14 + tolerance) * res;
  let best = null;
  let bestD = Infinity;
  sources.estates.forEachFeatureInExtent([c[0] - r, c[1] - r, c[0] + r, c[1] + r], (f) => {
    if (!estateMatches(f)) return;
    const p = f.getGeometry().getCoordinates();
    const d = Math.hypot(p[0] - c[0], p[1] - c[1]) / res;
    if (d <= estateRadius(f.get('dwellings')) + 1 + tolerance && d < bestD) { best = f; bestD = d; }
  });
  return best;
}

function featureAt(pixel) {
  const hits = {};
  const estate = estateAt(pixel);
  if (estate) hits.estates = estate;
  map.forEachFeatureAtPixel(pixel, (feature, layer) => {
    const name = layer && layer.get('name');
    if (name && !hits[name]) hits[name] = feature;
  }, { hitTolerance: 3, layerFilter: (l) => l.getVisible() && ['agencies', 'recommendations', 'territories'].includes(l.get('name')) });
  for (const name of ['agencies', 'recommendations', 'estates', 'territories']) {
    if (hits[name]) return { name, feature: hits[name] };
  }
  return null;
}

map.on('singleclick', async (e) => {
  if (addMode) {
    addMode = false;
    $('mode-notice').hidden = true;
    const [lon, lat] = toLonLat(e.coordinate);
    await addAgency(lon, lat);
    return;
  }
  const hit = featureAt(e.pixel);
  if (!hit) return;
  if (hit.name === 'agencies') openPanel('agency', hit.feature.get('id'));
  else if (hit.name === 'estates') openPanel('estate', hit.feature.get('id'));
  else if (hit.name === 'recommendations') openPanel('territory', hit.feature.get('territoryId'));
  else openPanel('territory', hit.feature.get('id'));
});

function findFeature(name, key, id) {
  return sources[name].getFeatures().find((f) => f.get(key) === id) || null;
}

// ---------------------------------------------------------------------------------------------
// Search
let searchTimer = null;
let searchSeq = 0;
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
async function runSearch() {
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
  searchResults.hidden = true;
  if (r.extent) {
    const ext = transformExtent(r.extent, 'EPSG:4326', 'EPSG:3857');
    map.getView().fit(ext, { padding: [60, 60, 60, 60], maxZoom: 16, duration: 300 });
  }
  if (r.kind === 'estate') openPanel('estate', r.id);
  else if (r.kind === 'territory') openPanel('territory', r.id);
  else if (r.kind === 'agency') openPanel('agency', r.id);
}
document.addEventListener('click', (e) => {
  if (!e.target.closest('.search')) searchResults.hidden = true;
});

// ---------------------------------------------------------------------------------------------
// Scenario
function fillScenarioKinds() {
  const sel = $('scenario-add-kind');
  const value = sel.value || 'lieu_relais';
  sel.innerHTML = '';
  project.agencyKinds.forEach((k) => {
    const o = document.createElement('option');
    o.value = k.code;
    o.textContent = kindLabel(k.code);
    sel.append(o);
  });
  sel.value = value;
}

$('scenario-add').addEventListener('click', () => {
  addMode = true;
  const n = $('mode-notice');
  n.textContent = t('scenario.addNotice');
  n.hidden = false;
  map.getTargetElement().style.cursor = 'crosshair';
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && addMode) { addMode = false; $('mode-notice').hidden = true; }
});

async function scenarioCall(method, path, body) {
  try {
    const state = await send(method, path, body);
    renderScenario(state);
    if (state && state.version !== undefined) setVersion(state.version);
    return state;
  } catch (e) {
    // 409: the project changed elsewhere; the server reloaded it and kept the scenario: show both.
    if (e.status === 409) { try { renderScenario(await get('api/scenario')); } catch { /* the notice still shows */ } }
    renderScenarioError(e);
    return null;
  }
}

async function addAgency(lon, lat) {
  const kind = $('scenario-add-kind').value;
  const name = $('scenario-add-name').value.trim() || `${kindLabel(kind)} – ${t('scenario.newName')}`;
  const state = await scenarioCall('POST', 'api/scenario/agencies', { name, kind, lon, lat });
  activateTab('scenario');
  return state;
}
async function moveAgency(id, lon, lat) { return scenarioCall('PUT', `api/scenario/agencies/${encodeURIComponent(id)}`, { lon, lat }); }
async function removeAgency(id) {
  const state = await scenarioCall('DELETE', `api/scenario/agencies/${encodeURIComponent(id)}`);
  if (state) { selectAgency(null); if (currentPanel && currentPanel.kind === 'agency' && currentPanel.id === id) $('panel-close').click(); }
  return state;
}
$('scenario-remove').addEventListener('click', () => { if (selection.agency) removeAgency(selection.agency); });
$('scenario-save').addEventListener('click', () => scenarioCall('POST', 'api/scenario/save'));
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

function renderScenarioError(e) {
  const host = $('scenario-state');
  const p = document.createElement('p');
  p.className = e.status === 409 ? 'error conflict' : 'error';
  p.setAttribute('role', 'alert');
  p.setAttribute('data-testid', e.status === 409 ? 'scenario-conflict' : 'scenario-error');
  p.textContent = `${e.status === 409 ? t('scenario.conflict') : t('error.request')} : ${e.message}`;
  host.prepend(p);
}

function deltaText(cur, saved, kind) {
  if (cur === null || cur === undefined || saved === null || saved === undefined) return '';
  const d = cur - saved;
  if (Math.abs(d) < 1e-9) return '=';
  const sign = d > 0 ? '+' : '−';
  if (kind === 'pct') return `${sign}${num(Math.abs(d) * 100, 1)} pt`;
  if (kind === 'min') return `${sign}${num(Math.abs(d), 1)}`;
  return `${sign}${num(Math.abs(d), 0)}`;
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

function renderScenario(state) {
  scenarioState = state;
  const host = $('scenario-state');
  host.innerHTML = '';
  if (!state) return;
  if (state.dirty) {
    const p = document.createElement('p');
    p.className = 'dirty';
    p.textContent = t('scenario.dirty');
    host.append(p);
  }
  const h = document.createElement('h3');
  h.textContent = t('scenario.coverage');
  host.append(h);
  const table = document.createElement('table');
  table.className = 'coverage';
  table.innerHTML = `<thead><tr><th scope="col">${t('scenario.indicator')}</th><th scope="col">${t('scenario.saved')}</th><th scope="col">${t('scenario.current')}</th><th scope="col">${t('scenario.delta')}</th></tr></thead>`;
  const tb = document.createElement('tbody');
  const rows = [
    ['within20', 'scenario.within20', 'pct', true],
    ['within30', 'scenario.within30', 'pct', true],
    ['within45', 'scenario.within45', 'pct', true],
    ['meanMinutes', 'scenario.mean', 'min', false, 'mean'],
    ['p90Minutes', 'scenario.p90', 'min', false, 'p90'],
    ['unreachableDwellings', 'scenario.unreachable', 'int', false, 'unreachable'],
  ];
  const s = state.saved || {};
  const c = state.current || {};
  rows.forEach(([key, label, kind, higherIsBetter, testKey]) => {
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
    const d = (c[key] ?? 0) - (s[key] ?? 0);
    tdD.textContent = deltaText(c[key], s[key], kind);
    if (Math.abs(d) > 1e-9) tdD.className = (d > 0) === higherIsBetter ? 'better' : 'worse';
    tr.append(th, tdS, tdC, tdD);
    tb.append(tr);
  });
  table.append(tb);
  host.append(table);

  const h2 = document.createElement('h3');
  h2.textContent = t('scenario.changes');
  host.append(h2);
  if (!state.changes || !state.changes.length) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = t('scenario.noChanges');
    host.append(p);
  } else {
    changeList(host, null, state.changes, (li, ch) => {
      li.textContent = `${t(`scenario.op.${ch.op}`)} : ${ch.name || ch.agencyId} (${kindLabel(ch.kind)})`;
    });
  }
  if (state.agencies && state.agencies.length) {
    changeList(host, t('scenario.agencies'), state.agencies, (li, a) => {
      li.textContent = `${a.name} : ${num(a.savedEstates)} → ${num(a.currentEstates)} ${t('scenario.estates')}, ${t('scenario.meanTravel')} ${num(a.savedMeanMinutes, 1)} → ${num(a.currentMeanMinutes, 1)} min`;
    });
  }
  if (state.territories && state.territories.length) {
    const tl = (code) => { const ty = project.types.find((x) => x.code === code); return ty ? typeLabel(ty) : code; };
    changeList(host, t('scenario.territories'), state.territories, (li, tr) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = tr.name;
      b.addEventListener('click', () => openPanel('territory', tr.id));
      const parts = [];
      if (tr.savedType !== tr.currentType) parts.push(`${tl(tr.savedType)} → ${tl(tr.currentType)}`);
      parts.push(`${t('scenario.meanTravel')} ${num(tr.savedMeanMinutes, 1)} → ${num(tr.currentMeanMinutes, 1)} min`);
      if (tr.added && tr.added.length) parts.push(`+ ${tr.added.join(', ')}`);
      if (tr.removed && tr.removed.length) parts.push(`− ${tr.removed.join(', ')}`);
      li.append(b, document.createTextNode(' : ' + parts.join(' ; ')));
    });
  }
  $('scenario-save').disabled = !state.dirty;
  $('scenario-discard').disabled = !state.dirty;
}

// ---------------------------------------------------------------------------------------------
// Tabs
function activateTab(name) {
  document.querySelectorAll('.tab').forEach((b) => {
    const on = b.dataset.tab === name;
    b.classList.toggle('active', on);
    b.setAttribute('aria-selected', on ? 'true' : 'false');
  });
  document.querySelectorAll('.tab-panel').forEach((p) => { p.hidden = p.id !== `tab-${name}`; });
}
document.querySelectorAll('.tab').forEach((b) => b.addEventListener('click', () => activateTab(b.dataset.tab)));

// ---------------------------------------------------------------------------------------------
// Progress (SSE)
function setupEvents() {
  if (!window.EventSource) return;
  const es = new EventSource('api/events');
  const bar = $('progress');
  let hideTimer = null;
  es.addEventListener('progress', (e) => {
    const d = JSON.parse(e.data);
    clearTimeout(hideTimer);
    bar.hidden = false;
    const f = Math.max(0, Math.min(1, d.fraction ?? 0));
    $('progress-bar').style.width = `${Math.round(f * 100)}%`;
    $('progress-label').textContent = `${d.label || d.task} — ${Math.round(f * 100)} %`;
    bar.setAttribute('aria-valuenow', String(Math.round(f * 100)));
    bar.dataset.task = d.task || '';
  });
  es.addEventListener('done', (e) => {
    const d = JSON.parse(e.data);
    $('progress-bar').style.width = '100%';
    hideTimer = setTimeout(() => { bar.hidden = true; }, 600);
    if (d.version !== undefined && d.version !== currentVersion()) setVersion(d.version);
  });
}

// ---------------------------------------------------------------------------------------------
// Language
function renderChrome() {
  translateDom();
  const sw = $('lang-switch');
  sw.textContent = getLang() === 'en' ? 'FR' : 'EN';
  sw.setAttribute('aria-label', getLang() === 'en' ? 'Français' : 'English');
  if (!project) return;
  renderHeader();
  renderLegend();
  renderLayerSwitcher();
  renderBasemapSelect();
  fillFilterTypes();
  fillLandlordFilter();
  fillAgencyFilter(sources.agencies.getFeatures());
  fillScenarioKinds();
  applyFilters();
  renderScenario(scenarioState);
  renderIsoLegend();
  if (currentPanel) openPanel(currentPanel.kind, currentPanel.id, false);
}
$('lang-switch').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'fr' : 'en');
  renderChrome();
});

// ---------------------------------------------------------------------------------------------
// Boot
let resolveReady;
let rejectReady;
const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });

window.territory = {
  map,
  ready,
  layers,
  sources,
  stats: () => ({ estates: sources.estates.getFeatures().length, rendered: document.body.dataset.ready === 'true' }),
  clickEstate: (id) => openPanel('estate', id),
  clickTerritory: (id) => openPanel('territory', id),
  clickAgency: (id) => openPanel('agency', id),
  findFeature,
  filters: estateVariables,
  scenario: () => scenarioState,
};

async function boot() {
  setLang(getLang());
  translateDom();
  // Everything the first render needs is asked for at once; the project answer sets the view.
  const scenario = get('api/scenario');
  prefetched = fetchVersioned();
  performance.mark('boot');
  project = await get('api/project');
  performance.mark('project');
  project.types.forEach((type, i) => { typeIndex[type.code] = i; });
  // Estate colours come from the project's types (never hard-coded).
  const colourMatch = ['match', ['get', 'tIdx']];
  project.types.forEach((type, i) => colourMatch.push(i, type.colour));
  colourMatch.push('#777777');
  estateColours = project.types.map((type) => type.colour);
  Object.keys(estateStyleCache).forEach((k) => delete estateStyleCache[k]);
  if (estateLayer instanceof WebGLVectorLayer) {
    estateLayer.setStyle([{ filter: estateFilter(), style: { ...estateStyleBase(), 'circle-fill-color': colourMatch } }]);
  }
  if (project.version !== undefined) setVersion(project.version);
  renderChrome();
  setBasemap($('basemap-select').value);
  const ext = transformExtent(project.extent, 'EPSG:4326', 'EPSG:3857');
  map.getView().fit(ext, { padding: [30, 30, 30, 30], size: map.getSize() || undefined });
  showCoords(map.getView().getCenter());
  await loadVersioned();
  scenarioState = await scenario;
  renderScenario(scenarioState);
  setupEvents();
  performance.mark('loaded');
  await new Promise((res) => {
    map.once('rendercomplete', res);
    map.render();
  });
  document.body.dataset.ready = 'true';
  resolveReady(true);
}

function estateFilter() {
  return ['all',
    ['==', ['match', ['get', 'tIdx'], 0, ['var', 't0'], 1, ['var', 't1'], 2, ['var', 't2'], 3, ['var', 't3'], ['var', 'tNone']], 1],
    ['any', ['<', ['var', 'landlord'], 0], ['==', ['get', 'llIdx'], ['var', 'landlord']]],
    ['any', ['<', ['var', 'agency'], 0], ['==', ['get', 'agIdx'], ['var', 'agency']], ['==', ['get', 'tagIdx'], ['var', 'agency']]],
    ['any', ['<', ['var', 'minMinutes'], 0], ['>', ['get', 'minutes'], ['var', 'minMinutes']]],
  ];
}
function estateStyleBase() {
  return {
    'circle-radius': ['interpolate', ['linear'], ['get', 'dwellings'], 0, 3, 20, 4, 100, 6, 300, 9, 1000, 14],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
  };
}

setupImport({ map, onImported: () => scheduleReload(), t, activateTab });

boot().catch((e) => {
  console.error(e);
  panelTitle.textContent = t('error.load');
  panelBody.textContent = e instanceof ApiError ? e.message : String(e);
  rejectReady(e);
});

export { getCenter };
