// Pointer on the map: coordinates under the cursor, the cursor shape, what a click hits (estates
// are hit-tested in script, the other layers by OpenLayers) and what the click opens.
import { toLonLat } from 'ol/proj.js';
import { t } from '../i18n.js';
import { state, $ } from '../state.js';
import { map, sources, layers, lambert93 } from './view.js';
import { estateMatches, estateRadius } from './estates.js';
import { tiledEstateAt, zoomToCell, cellTitle, zoomToMerged } from './tiles.js';
import { openPanel } from '../details.js';
import { addAgency, leaveAddMode } from '../sidebar/scenario.js';

export function showCoords(coordinate) {
  const [x, y] = lambert93(coordinate);
  const [lon, lat] = toLonLat(coordinate);
  $('coords').textContent = t('map_coords', { x, y, lon, lat });
}

/** The visible (filtered) estate drawn under a pixel, the nearest centre first. */
export function estateAt(pixel, tolerance = 3) {
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
  const estate = estateAt(pixel) || (tiledEstateAt(pixel) || {}).feature;
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

export function setupPointer() {
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    showCoords(e.coordinate);
    const tiled = tiledEstateAt(e.pixel);
    const hit = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => ['agencies', 'territories', 'recommendations'].includes(l.get('name')) })
      || estateAt(e.pixel) !== null || tiled !== null;
    map.getTargetElement().title = tiled && tiled.kind === 'cell' ? cellTitle(tiled.feature) : '';
    map.getTargetElement().style.cursor = state.addMode ? 'crosshair' : hit ? 'pointer' : '';
  });
  map.on('singleclick', async (e) => {
    if (state.addMode) {
      leaveAddMode();
      const [lon, lat] = toLonLat(e.coordinate);
      await addAgency(lon, lat);
      return;
    }
    const hit = featureAt(e.pixel);
    if (!hit) return;
    if (hit.name === 'agencies') openPanel('agency', hit.feature.get('id'));
    else if (hit.name === 'estates' && hit.feature.get('count') !== undefined) zoomToCell(hit.feature);
    else if (hit.name === 'estates') openPanel('estate', hit.feature.get('id'));
    else if (hit.name === 'recommendations') openPanel('territory', hit.feature.get('territoryId'));
    else if (hit.feature.get('merged')) zoomToMerged(e.coordinate);
    else openPanel('territory', hit.feature.get('id'));
  });
}
