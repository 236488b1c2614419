// The estates layer: WebGL points filtered by style variables (a canvas layer when the browser has
// no WebGL), built from the column answer of api/layers/estates, and hit-tested in script.
import VectorLayer from 'ol/layer/Vector.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import { Style, Fill, Stroke, Circle as CircleStyle } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import Point from 'ol/geom/Point.js';
import Feature from 'ol/Feature.js';
import { state } from '../state.js';

/** Filter variables: types shown (1/0), landlord and agency index (-1 = all), minutes threshold (-1 = none). */
export const estateVariables = { t0: 1, t1: 1, t2: 1, t3: 1, tNone: 1, landlord: -1, agency: -1, minMinutes: -1 };

const defaultColours = ['#5e9e3a', '#e0a02c', '#3b78b8', '#c0392b'];
let estateColours = defaultColours;
const estateStyleCache = {};

/** True when the browser can draw WebGL (some remote desktops disable it). */
function webglAvailable() {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') || canvas.getContext('webgl'));
  } catch (e) {
    return false;
  }
}

/** Radius in pixels of an estate's circle (same ramp as the WebGL style). */
export function estateRadius(d) {
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

/** The same test as the WebGL filter, in script (canvas fallback, counts and clicks). */
export function estateMatches(f) {
  const ti = f.get('tIdx');
  const tv = ti >= 0 && ti <= 3 ? estateVariables[`t${ti}`] : estateVariables.tNone;
  if (tv !== 1) return false;
  if (estateVariables.landlord >= 0 && f.get('llIdx') !== estateVariables.landlord) return false;
  if (estateVariables.agency >= 0 && f.get('agIdx') !== estateVariables.agency && f.get('tagIdx') !== estateVariables.agency) return false;
  if (estateVariables.minMinutes >= 0 && !(f.get('minutes') > estateVariables.minMinutes)) return false;
  return true;
}

// Canvas fallback without WebGL: the same circles, filtered in script (slower beyond ~10,000 estates).
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

function estateFilter() {
  return ['all',
    ['==', ['match', ['get', 'tIdx'], 0, ['var', 't0'], 1, ['var', 't1'], 2, ['var', 't2'], 3, ['var', 't3'], ['var', 'tNone']], 1],
    ['any', ['<', ['var', 'landlord'], 0], ['==', ['get', 'llIdx'], ['var', 'landlord']]],
    ['any', ['<', ['var', 'agency'], 0], ['==', ['get', 'agIdx'], ['var', 'agency']], ['==', ['get', 'tagIdx'], ['var', 'agency']]],
    ['any', ['<', ['var', 'minMinutes'], 0], ['>', ['get', 'minutes'], ['var', 'minMinutes']]],
  ];
}

function webglStyle(colours) {
  const colourMatch = ['match', ['get', 'tIdx']];
  colours.forEach((c, i) => colourMatch.push(i, c));
  colourMatch.push('#777777');
  return [{
    filter: estateFilter(),
    style: {
      'circle-radius': ['interpolate', ['linear'], ['get', 'dwellings'], 0, 3, 20, 4, 100, 6, 300, 9, 1000, 14],
      'circle-fill-color': colourMatch,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  }];
}

/**
 * The estates layer over `source`. Hit detection is done in script (see clicks.js), not by a
 * second WebGL pass: the first render of 50,000 estates is markedly faster without it.
 */
export function createEstateLayer(source) {
  if (!webglAvailable()) return new VectorLayer({ source, style: canvasEstateStyle });
  return new WebGLVectorLayer({ source, disableHitDetection: true, variables: estateVariables, style: webglStyle(defaultColours) });
}

/** Estate colours come from the project's types (never hard-coded). */
export function setEstateColours(layer, types) {
  estateColours = types.map((type) => type.colour);
  Object.keys(estateStyleCache).forEach((k) => delete estateStyleCache[k]);
  if (layer instanceof WebGLVectorLayer) layer.setStyle(webglStyle(estateColours));
}

/**
 * Estates arrive as columns (/api/layers/estates?format=columns): features are built directly with
 * only what the map draws and filters (50,000 estates without parsing a GeoJSON collection).
 */
export function estatesFromColumns(c) {
  const tIdx = c.types.map((code) => (code in state.typeIndex ? state.typeIndex[code] : -1));
  const ll = c.landlords.map((l) => state.landlordIndex[l] ?? -2);
  const ag = c.agencies.map((a) => state.agencyIndex[a] ?? -2);
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
