// Large projects (GET api/tiles says so): estates, territories, communes and QPV drawn from vector tiles
// (api/tiles/{layer}/{z}/{x}/{y}.mvt) instead of whole layers. Below the server's zoom threshold the estates
// come gathered in cells (count, dwellings, dominant type); a click on a cell zooms in, a click on an estate
// opens its panel. Filters are applied by the server: they are part of the tile address, so an aggregate
// counts only what the filter keeps, and the « Filtres » total comes from api/tiles/count.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import { Style, Fill, Stroke, Circle as CircleStyle, Text } from 'ol/style.js';
import { get, currentVersion } from '../api.js';
import { t } from '../i18n.js';
import { state } from '../state.js';
import { map, layers, sources as wholeSources } from './view.js';
import { estateRadius } from './estates.js';
import { territoryStyle, qpvStyle, communeStyle } from '../styles.js';

/** The answer of api/tiles once the map uses tiles (null: whole layers). */
let info = null;
let filterQuery = '';
const sources = {};
const styleCache = {};

/** True when the map draws from tiles. */
export function tilesActive() { return info !== null; }

// The address names this server process (b=) and the state shown (v=): the browser keeps such a tile for the state's
// life without asking again, and a new state (or a restarted server) means new addresses.
function url(layer) {
  const v = currentVersion();
  const q = [`b=${info.process}`, `v=${v === null ? 0 : v}`];
  if (layer === 'estates' && filterQuery) q.push(filterQuery);
  return `api/tiles/${layer}/{z}/{x}/{y}.mvt?${q.join('&')}`;
}

function colourOf(type) {
  const found = state.project && state.project.types.find((x) => x.code === type);
  return found ? found.colour : '#777777';
}

/** A cell's circle grows with the square root of its estates, 8 to 26 px. */
export function cellRadius(count) { return Math.min(26, 8 + Math.sqrt(count) * 0.9); }

function estateTileStyle(feature) {
  const count = feature.get('count');
  const colour = colourOf(feature.get('type'));
  if (count !== undefined) {
    const r = Math.round(cellRadius(count));
    return new Style({
      image: new CircleStyle({ radius: r, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#ffffff', width: 1.5 }) }),
      text: new Text({ text: t('tiles.cellLabel', { count }), font: '700 10px system-ui, sans-serif', fill: new Fill({ color: '#111' }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.85)', width: 3 }) }),
    });
  }
  const r = Math.round(estateRadius(feature.get('dwellings')) * 2) / 2;
  const key = `${colour}:${r}`;
  if (!styleCache[key]) {
    styleCache[key] = new Style({ image: new CircleStyle({ radius: r, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#ffffff', width: 1 }) }) });
  }
  return styleCache[key];
}

/** Zoom from which the commune outlines of a tiled project are drawn (a regional view; France fits at 5–6). */
const COMMUNES_MIN_ZOOM = 7;

function tileLayer(name, style, visible, minZoom = undefined) {
  const source = new VectorTileSource({ format: new MVT(), url: url(name), maxZoom: 20 });
  sources[name] = source;
  const layer = new VectorTileLayer({ source, style, visible, declutter: false, minZoom });
  layer.set('name', name);
  layer.set('tiled', true);
  return layer;
}

/**
 * Asks the server whether this project is drawn from tiles; if so, puts tile layers in place of the estates,
 * territories, communes and QPV layers (same names, same order, same visibility).
 */
export async function setupTiles() {
  const answer = await get('api/tiles');
  if (!answer.enabled) return false;
  info = answer;
  const replacements = {
    estates: tileLayer('estates', estateTileStyle, layers.estates.getVisible()),
    territories: tileLayer('territories', territoryStyle, layers.territories.getVisible()),
    // Commune outlines from the regional view down: at the national view thousands of them would be a few pixels
    // each (the territories show the geography there), and drawing them was most of the first render.
    communes: tileLayer('communes', communeStyle, layers.communes.getVisible(), COMMUNES_MIN_ZOOM),
    districts: tileLayer('qpv', qpvStyle, layers.districts.getVisible()),
  };
  const collection = map.getLayers();
  Object.entries(replacements).forEach(([name, layer]) => {
    layer.set('name', name);
    const index = collection.getArray().indexOf(layers[name]);
    collection.setAt(index, layer);
    layers[name] = layer;
  });
  // The panels mark the selected territory by touching its whole-layer source: redraw the tiles then.
  wholeSources.territories.on('change', () => layers.territories.changed());
  // Whether the territories drawn are merged by type (the national view) is read from the tiles on screen once drawn.
  map.on('rendercomplete', noteMerged);
  document.body.dataset.tiles = 'true';
  return true;
}

let merged = false;
const mergedListeners = [];

/** True when the territories on screen are drawn merged by type (the national view: no outline per territory). */
export function territoriesMerged() { return merged; }

/** Calls `fn` when the territories on screen become merged by type or drawn one by one again. */
export function onMergedChange(fn) { mergedListeners.push(fn); }

function noteMerged() {
  const layer = layers.territories;
  const now = layer.getVisible() && layer.getFeaturesInExtent(map.getView().calculateExtent(map.getSize()))
    .some((f) => f.get('merged'));
  document.body.dataset.territoriesMerged = String(now);
  if (now === merged) return;
  merged = now;
  mergedListeners.forEach((fn) => fn(now));
}

/** Zooms in on a territory type merged at this scale: to where territories are drawn one by one, centred on the click. */
export function zoomToMerged(coordinate) {
  const view = map.getView();
  // 512-pixel tiles: the view at zoom z draws tiles of zoom z − 1.
  const zoom = Math.max((view.getZoom() || 0) + 2, info.territoriesMergedUpToZoom + 2);
  view.animate({ center: coordinate, zoom, duration: 300 });
}

/** After a change of version (a scenario edit, an import): tiles of the new state. */
export function reloadTiles() {
  if (!info) return;
  Object.entries(sources).forEach(([name, source]) => source.setUrl(url(name)));
}

/**
 * The filter as the server reads it (types, landlord, agency, minutes) from the filter variables of the
 * « Filtres » tab; new estate tiles when it changed; the total from api/tiles/count.
 */
export async function applyTileFilters(variables, landlord, agency) {
  const q = [];
  const types = state.project.types.filter((_, i) => variables[`t${i}`] === 1).map((x) => x.code);
  if (variables.tNone === 1) types.push('none');
  if (types.length < state.project.types.length + 1) q.push(`types=${encodeURIComponent(types.join(','))}`);
  if (landlord) q.push(`landlord=${encodeURIComponent(landlord)}`);
  if (agency) q.push(`agency=${encodeURIComponent(agency)}`);
  if (variables.minMinutes >= 0) q.push(`minutes=${variables.minMinutes}`);
  const query = q.join('&');
  if (query !== filterQuery) {
    filterQuery = query;
    sources.estates.setUrl(url('estates'));
  }
  return get(`api/tiles/count${query ? `?${query}` : ''}`);
}

/**
 * What a click hits on the tiled estates: { kind: 'cell'|'estate', feature } or null — hit-tested in script over the
 * features of the rendered tiles (nearest centre first, within its drawn radius), as the whole estates layer is.
 */
export function tiledEstateAt(pixel, tolerance = 3) {
  if (!info || !layers.estates.getVisible()) return null;
  const res = map.getView().getResolution();
  const c = map.getCoordinateFromPixel(pixel);
  const r = (26 + tolerance) * res;
  let hit = null;
  let bestD = Infinity;
  layers.estates.getFeaturesInExtent([c[0] - r, c[1] - r, c[0] + r, c[1] + r]).forEach((f) => {
    const p = f.getFlatCoordinates();
    const d = Math.hypot(p[0] - c[0], p[1] - c[1]) / res;
    const cell = f.get('count') !== undefined;
    const radius = cell ? cellRadius(f.get('count')) : estateRadius(f.get('dwellings'));
    if (d <= radius + 1 + tolerance && d < bestD) { hit = { kind: cell ? 'cell' : 'estate', feature: f }; bestD = d; }
  });
  return hit;
}

/** Zooms in on a cell: two levels, at most to where estates are drawn one by one. */
export function zoomToCell(feature) {
  const view = map.getView();
  const centre = feature.getFlatCoordinates().slice(0, 2);
  const zoom = Math.min((view.getZoom() || 0) + 2, Math.max(info.aggregateBelowZoom, (view.getZoom() || 0) + 1));
  view.animate({ center: centre, zoom, duration: 300 });
}

/** A cell's text under the pointer: its estates and dwellings. */
export function cellTitle(feature) {
  return t('tiles.cellTitle', { count: feature.get('count'), dwellings: feature.get('dwellings') });
}
