// The OpenLayers map: its sources and layers (bottom to top), the basemap layer, the view.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorSource from 'ol/source/Vector.js';
import VectorLayer from 'ol/layer/Vector.js';
import TileLayer from 'ol/layer/Tile.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { fromLonLat } from 'ol/proj.js';
import proj4 from 'proj4';
import { $ } from '../state.js';
import { territoryStyle, qpvStyle, communeStyle, agencyStyle, recommendationStyle, isochroneStyle } from '../styles.js';
import { createEstateLayer } from './estates.js';

proj4.defs('EPSG:2154', '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
// Only the pointer's Lambert 93 read-out needs EPSG:2154: one converter, made on first use. Registering proj4's every
// definition with OpenLayers (ol/proj/proj4 register) built all their pairs at start-up, ~0.14 s of the first render.
let toLambert93 = null;
/** Web Mercator metres to Lambert 93 (EPSG:2154) metres. */
export function lambert93(coordinate) {
  if (!toLambert93) toLambert93 = proj4('EPSG:3857', 'EPSG:2154');
  return toLambert93.forward(coordinate);
}

/** GeoJSON in EPSG:4326 (the API) to features in the map's EPSG:3857. */
export const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

export const sources = {
  communes: new VectorSource(),
  territories: new VectorSource(),
  districts: new VectorSource(),
  isochrones: new VectorSource(),
  // No R-tree for the estates: loading 50,000 points into it cost ~0.4 s; clicks scan them (~2 ms).
  estates: new VectorSource({ useSpatialIndex: false }),
  recommendations: new VectorSource(),
  agencies: new VectorSource(),
};

export const estateLayer = createEstateLayer(sources.estates);

export const layers = {
  communes: new VectorLayer({ source: sources.communes, style: communeStyle, declutter: true }),
  territories: new VectorLayer({ source: sources.territories, style: territoryStyle }),
  districts: new VectorLayer({ source: sources.districts, style: qpvStyle }),
  isochrones: new VectorLayer({ source: sources.isochrones, style: isochroneStyle }),
  estates: estateLayer,
  recommendations: new VectorLayer({ source: sources.recommendations, style: recommendationStyle, visible: false }),
  agencies: new VectorLayer({ source: sources.agencies, style: agencyStyle }),
};
Object.entries(layers).forEach(([name, layer]) => layer.set('name', name));

/** Drawing order, bottom to top (the layer switcher lists it top to bottom). */
export const layerOrder = ['communes', 'territories', 'districts', 'isochrones', 'estates', 'recommendations', 'agencies'];

export const basemapLayer = new TileLayer({ visible: false, zIndex: -1 });
basemapLayer.set('name', 'basemap');

// No target yet: boot attaches the map once it knows how the project is drawn. Drawn at once, the map built the whole
// estates layer's WebGL context (software GL here) that a tiled project replaces before its first frame.
export const map = new Map({
  layers: [basemapLayer, ...layerOrder.map((n) => layers[n])],
  view: new View({ center: fromLonLat([2.5, 46.6]), zoom: 6, maxZoom: 20 }),
  controls: defaultControls({ attributionOptions: { collapsible: true } }).extend([
    new ScaleLine({ target: $('scale-line'), units: 'metric' }),
  ]),
});

/** The feature of a source whose property `key` equals `id`, or null. */
export function findFeature(name, key, id) {
  return sources[name].getFeatures().find((f) => f.get(key) === id) || null;
}

/**
 * Resolves once the map has drawn the view as it is now, every tile and layer loaded, in a frame begun after this call:
 * OpenLayers announces a frame's end from a timer, so the end of a frame drawn before a change of layers or of centre,
 * zoom or rotation can come after the change; it does not count.
 */
export function whenRendered() {
  const view = map.getView();
  const since = Date.now();
  return new Promise((resolve) => {
    const drawn = (event) => {
      const frame = event.frameState;
      const shown = frame && frame.viewState;
      const now = view.getState();
      if (!shown || frame.time < since || view.getAnimating() || shown.resolution !== now.resolution || shown.rotation !== now.rotation
        || shown.center[0] !== now.center[0] || shown.center[1] !== now.center[1]) return;
      map.un('rendercomplete', drawn);
      resolve(true);
    };
    map.on('rendercomplete', drawn);
    map.render();
  });
}
