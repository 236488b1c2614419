// Loading the layers: polygons at the view's simplification bucket, the version-dependent layers
// (agencies, estates as columns, recommendations) at boot and after every change of version.
import { toLonLat } from 'ol/proj.js';
import { get, onVersion, currentVersion, adoptDataVersion } from '../api.js';
import { state } from '../state.js';
import { map, sources, geojson } from './view.js';
import { estatesFromColumns } from './estates.js';
import { tilesActive, reloadTiles } from './tiles.js';
import { fillAgencyFilter, applyFilters } from '../sidebar/filters.js';
import { refreshProjectHeader } from '../header.js';
import { openPanel } from '../details.js';

function toleranceBucket() {
  const view = map.getView();
  const res = view.getResolution() || 1000;
  const lat = toLonLat(view.getCenter() || [0, 0])[1];
  const metres = res * Math.cos((lat * Math.PI) / 180);
  return metres < 1 ? 0 : 2 ** Math.floor(Math.log2(metres));
}

let polygonLoad = { key: null, promise: Promise.resolve() };
/** Loads the polygon layers at the current tolerance bucket and project version (once per key). */
export function loadPolygons() {
  // Large projects draw territories, communes and QPV from tiles.
  if (tilesActive()) return Promise.resolve();
  const bucket = toleranceBucket();
  const key = `${bucket}@${currentVersion()}`;
  if (key === polygonLoad.key) return polygonLoad.promise;
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

let prefetched = null;
/** Starts the requests of the version-dependent layers (at boot, before the project answer is in). */
export function prefetchVersioned() {
  prefetched = {
    // A large project's estates come as tiles: its columns are never asked for after the first page load.
    estates: tilesActive() ? Promise.resolve(null) : get('api/layers/estates?format=columns'),
    recommendations: get('api/layers/recommendations'),
    agencies: get('api/layers/agencies'),
  };
}

/**
 * Loads the version-dependent layers. At boot (`deferRecommendations`) the recommendations, a layer hidden by default, are
 * left to loadRecommendations after the first frame: reading their GeoJSON was ~0.2 s of the national first render.
 */
export async function loadVersioned({ deferRecommendations = false } = {}) {
  // Fetch in parallel; agencies first into the map (estates index their agency).
  const version = currentVersion();
  if (!prefetched) prefetchVersioned();
  const requests = prefetched;
  prefetched = null;
  const agencies = geojson.readFeatures(await requests.agencies);
  performance.mark('agencies');
  sources.agencies.clear(true);
  sources.agencies.addFeatures(agencies);
  state.agencyIndex = {};
  agencies.forEach((f, i) => { state.agencyIndex[f.get('id')] = i; });
  fillAgencyFilter(agencies);
  const polygons = loadPolygons();
  const columns = await requests.estates;
  performance.mark('estates-answer');
  if (tilesActive()) {
    reloadTiles();
  } else {
    const est = estatesFromColumns(columns);
    performance.mark('estates-features');
    sources.estates.clear(true);
    sources.estates.addFeatures(est);
  }
  performance.mark('estates-added');
  pendingRecommendations = { version, answer: requests.recommendations };
  if (!deferRecommendations) await loadRecommendations();
  await polygons;
  performance.mark('polygons');
  applyFilters();
  performance.mark('filters');
  // The version whose layers are on the map (tests and tools wait on it after a change). When no newer
  // version was announced while loading, the view now shows the data the server last answered with.
  document.body.dataset.loadedVersion = String(version);
  if (currentVersion() === version) adoptDataVersion();
}

let pendingRecommendations = null;
/**
 * Puts the recommendations last asked for on the map (once); body[data-recommendations-version] then names their version.
 */
export async function loadRecommendations() {
  const pending = pendingRecommendations;
  if (!pending) return;
  pendingRecommendations = null;
  const rec = geojson.readFeatures(await pending.answer);
  // A newer load started meanwhile: it puts its own on the map.
  if (pendingRecommendations) return;
  sources.recommendations.clear(true);
  sources.recommendations.addFeatures(rec);
  document.body.dataset.recommendationsVersion = String(pending.version);
}

let reloadTimer = null;
let reloading = Promise.resolve();
/** Reloads the layers, the header and the open panel shortly after a change of version. */
export function scheduleReload() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    reloading = reloading.then(async () => {
      try {
        await loadVersioned();
        await refreshProjectHeader();
        if (state.currentPanel) openPanel(state.currentPanel.kind, state.currentPanel.id, false);
      } catch (e) { console.error(e); }
    });
  }, 50);
}

/** Wires the reloads: a new version from any answer, a new view for the polygons. */
export function setupLoading() {
  onVersion(() => scheduleReload());
  map.on('moveend', () => { if (state.project) loadPolygons().catch((e) => console.error(e)); });
}
