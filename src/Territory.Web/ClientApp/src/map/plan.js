// The planning layers: a site plan (chosen sites by source, the estates each serves in its colour,
// the estates left uncovered ringed in red) and a round of the mobile agency (one colour per day,
// legs along the roads as the server routed them, dashed where only a straight line is known,
// stops numbered in visiting order). Drawn above the project's layers, cleared on demand.
import VectorSource from 'ol/source/Vector.js';
import VectorLayer from 'ol/layer/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import { fromLonLat } from 'ol/proj.js';
import { Style, Fill, Stroke, Circle as CircleStyle, RegularShape, Text } from 'ol/style.js';
import { map } from './view.js';

/** Colours of the chosen sites, in order (a site keeps the colour of its rank in the plan). */
export const siteColours = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324',
  '#469990', '#808000', '#000075', '#bfef45', '#fabed4', '#dcbeff', '#aaffc3', '#ffd8b1'];

/** Colours of the days of a round (Monday to Friday, then the second week). */
export const dayColours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export const planSources = { estates: new VectorSource({ useSpatialIndex: false }), sites: new VectorSource(), rounds: new VectorSource() };

export function siteColour(index) { return siteColours[index % siteColours.length]; }
export function dayColour(index) { return dayColours[index % dayColours.length]; }

const estateStyles = {};
function estateStyle(f) {
  const site = f.get('site');
  const key = site < 0 ? 'none' : String(site % siteColours.length);
  if (!estateStyles[key]) {
    estateStyles[key] = site < 0
      ? new Style({ image: new CircleStyle({ radius: 6, fill: new Fill({ color: 'rgba(255,255,255,0.85)' }), stroke: new Stroke({ color: '#d00000', width: 2.5 }) }), zIndex: 2 })
      : new Style({ image: new CircleStyle({ radius: 4, fill: new Fill({ color: siteColour(site) }), stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 1 }) }), zIndex: 1 });
  }
  return estateStyles[key];
}

/** The marker of a chosen site: its shape says where it comes from, its fill is the site's colour. */
export function siteShape(source, colour, scale = 1) {
  const fill = new Fill({ color: colour });
  const stroke = new Stroke({ color: '#111', width: 2 });
  const r = 10 * scale;
  switch (source) {
    case 'existing': return new CircleStyle({ radius: r * 0.85, fill, stroke });
    case 'imported': return new RegularShape({ points: 4, radius: r, angle: Math.PI / 4, fill, stroke });
    case 'commune_main_town': return new RegularShape({ points: 5, radius: r * 1.2, radius2: r * 0.55, fill, stroke });
    default: return new RegularShape({ points: 3, radius: r, fill, stroke });
  }
}

function siteStyle(f) {
  return new Style({
    image: siteShape(f.get('source'), siteColour(f.get('index'))),
    text: new Text({ text: f.get('name') || f.get('id'), offsetY: -18, font: '600 11px system-ui, sans-serif',
      fill: new Fill({ color: '#111' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
    zIndex: 3,
  });
}

function roundStyle(f) {
  const colour = dayColour(f.get('day'));
  if (f.getGeometry() instanceof LineString) {
    return new Style({ stroke: new Stroke({ color: colour, width: 3, lineDash: f.get('onRoads') === false ? [8, 6] : undefined }), zIndex: 1 });
  }
  return new Style({
    image: new CircleStyle({ radius: 9, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(f.get('order')), font: '700 10px system-ui, sans-serif', fill: new Fill({ color: '#fff' }) }),
    zIndex: 2,
  });
}

export const planLayers = {
  estates: new VectorLayer({ source: planSources.estates, style: estateStyle }),
  sites: new VectorLayer({ source: planSources.sites, style: siteStyle }),
  rounds: new VectorLayer({ source: planSources.rounds, style: roundStyle }),
};
Object.entries(planLayers).forEach(([name, layer]) => { layer.set('name', `plan-${name}`); layer.setZIndex(20); map.addLayer(layer); });

/** Draws a site plan answer (sites with WGS84 positions, estates as columns). */
export function drawPlan(result) {
  planSources.sites.clear(true);
  planSources.estates.clear(true);
  if (!result) return;
  const index = {};
  planSources.sites.addFeatures(result.sites.map((s, i) => {
    index[s.id] = i;
    return new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), index: i, id: s.id, name: s.name, source: s.source, kind: s.kind });
  }));
  const e = result.estates;
  const features = [];
  for (let i = 0; i < e.id.length; i += 1) {
    if (e.lon[i] === null || e.lat[i] === null) continue;
    features.push(new Feature({ geometry: new Point(fromLonLat([e.lon[i], e.lat[i]])), id: e.id[i], site: e.site[i], minutes: e.minutes[i] }));
  }
  planSources.estates.addFeatures(features);
}

/** Draws a round answer: per day, its legs base → stops → base (road lines from the server) in the day's colour, stops numbered. */
export function drawRound(result) {
  planSources.rounds.clear(true);
  if (!result) return;
  const features = [];
  result.days.forEach((day, d) => {
    if (!day.stops.length) return;
    day.legs.forEach((leg, k) => features.push(new Feature({
      geometry: new LineString(leg.line.map((p) => fromLonLat(p))), day: d, leg: k + 1, onRoads: leg.onRoads, from: leg.from, to: leg.to,
    })));
    day.stops.forEach((s, k) => features.push(new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), day: d, order: k + 1, id: s.id })));
  });
  planSources.rounds.addFeatures(features);
}

/** Shows only the legs and stops of one day (null: every day). */
export function showRoundDay(day) {
  planSources.rounds.getFeatures().forEach((f) => { f.set('hidden', day !== null && f.get('day') !== day); });
  planLayers.rounds.setStyle((f) => (f.get('hidden') ? null : roundStyle(f)));
}
