// Map styles: territories by type, QPV hatching, communes, agencies by kind and scenario status,
// recommendations, isochrones. `selection` says which territory and agency are highlighted.
import { Style, Fill, Stroke, Circle as CircleStyle, RegularShape, Text } from 'ol/style.js';

/** The highlighted territory and agency (set by the panels). */
export const selection = { territory: null, agency: null };

export const hexToRgba = (hex, a) => {
  const h = hex.replace('#', '');
  const n = parseInt(h.length === 3 ? h.split('').map((c) => c + c).join('') : h, 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
};
export const darker = (hex) => {
  const n = parseInt(hex.replace('#', ''), 16);
  const f = (v) => Math.round(v * 0.7);
  return `rgb(${f((n >> 16) & 255)},${f((n >> 8) & 255)},${f(n & 255)})`;
};

const territoryStyles = {};
export function territoryStyle(feature) {
  const colour = feature.get('colour') || '#888888';
  if (feature.get('id') === selection.territory) {
    return new Style({
      fill: new Fill({ color: hexToRgba(colour, 0.45) }),
      stroke: new Stroke({ color: '#ffd400', width: 4 }),
      zIndex: 10,
    });
  }
  // A type merged at national scale (tiles): filled only, its colour read against its neighbours; stroking the outline of
  // every commune-sized hole of a national area was most of its drawing.
  if (feature.get('merged')) {
    const merged = `${colour}:merged`;
    if (!territoryStyles[merged]) territoryStyles[merged] = new Style({ fill: new Fill({ color: hexToRgba(colour, 0.3) }) });
    return territoryStyles[merged];
  }
  const key = colour + (feature.get('caretakingDeficit') ? 'd' : '');
  if (!territoryStyles[key]) {
    territoryStyles[key] = new Style({
      fill: new Fill({ color: hexToRgba(colour, 0.3) }),
      stroke: new Stroke({ color: darker(colour), width: 1.2 }),
    });
  }
  return territoryStyles[key];
}

function hatchPattern() {
  const c = document.createElement('canvas');
  c.width = c.height = 8;
  const ctx = c.getContext('2d');
  ctx.strokeStyle = 'rgba(120,30,140,0.7)';
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  ctx.moveTo(0, 8); ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2); ctx.lineTo(2, -2);
  ctx.moveTo(6, 10); ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(c, 'repeat');
}
export const qpvStyle = new Style({
  fill: new Fill({ color: hatchPattern() }),
  stroke: new Stroke({ color: 'rgba(120,30,140,0.95)', width: 2, lineDash: [6, 3] }),
});

const communeStroke = new Stroke({ color: 'rgba(90,90,90,0.55)', width: 0.8 });
const communeFill = new Fill({ color: 'rgba(250,250,247,0.01)' });
export function communeStyle(feature, resolution) {
  const style = new Style({ stroke: communeStroke, fill: communeFill });
  if (resolution < 120) {
    style.setText(new Text({
      text: feature.get('name') || '',
      font: '11px system-ui, sans-serif',
      fill: new Fill({ color: '#555' }),
      stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
      overflow: false,
    }));
  }
  return style;
}

const agencyColours = { saved: '#1d3557', added: '#1b9e4b', moved: '#e76f00' };
export function agencyShape(kind, status, selected = false, scale = 1) {
  const fill = new Fill({ color: agencyColours[status] || agencyColours.saved });
  const stroke = new Stroke({ color: selected ? '#ffd400' : '#ffffff', width: (status === 'saved' ? 1.5 : 2.5) + (selected ? 1.5 : 0) });
  const r = 8 * scale;
  switch (kind) {
    case 'siege': return new RegularShape({ points: 5, radius: r * 1.3, radius2: r * 0.6, fill, stroke });
    case 'agence': return new RegularShape({ points: 4, radius: r * 1.15, angle: Math.PI / 4, fill, stroke });
    case 'antenne': return new RegularShape({ points: 3, radius: r * 1.15, fill, stroke });
    case 'bureau_proximite': return new RegularShape({ points: 4, radius: r, fill, stroke });
    case 'loge': return new CircleStyle({ radius: r * 0.7, fill, stroke });
    case 'lieu_relais': return new RegularShape({ points: 6, radius: r * 0.9, fill, stroke });
    case 'arret_agence_mobile': return new RegularShape({ points: 3, radius: r, rotation: Math.PI, fill, stroke });
    default: return new CircleStyle({ radius: r * 0.8, fill, stroke });
  }
}
export function agencyStyle(feature, resolution) {
  const selected = feature.get('id') === selection.agency;
  const status = feature.get('status') || 'saved';
  const style = new Style({ image: agencyShape(feature.get('kind'), status, selected), zIndex: selected ? 10 : 1 });
  if (resolution < 60 || status !== 'saved') {
    style.setText(new Text({
      text: feature.get('name') || '', offsetY: -16, font: '600 11px system-ui, sans-serif',
      fill: new Fill({ color: '#1d3557' }), stroke: new Stroke({ color: '#fff', width: 3 }),
    }));
  }
  return style;
}

export function recommendationStyle(feature) {
  const colour = feature.get('colour') || '#555';
  return new Style({
    image: new CircleStyle({ radius: 9, fill: new Fill({ color: '#ffffff' }), stroke: new Stroke({ color: colour, width: 2.5 }) }),
    text: new Text({ text: String(feature.get('count') ?? ''), font: '700 10px system-ui, sans-serif', fill: new Fill({ color: '#222' }) }),
    zIndex: 2,
  });
}

const isoColours = { 10: '#1a9850', 20: '#fee08b', 30: '#f46d43', 45: '#a50026' };
export function isoColour(m) {
  const keys = Object.keys(isoColours).map(Number).sort((a, b) => a - b);
  return isoColours[keys.find((k) => m <= k) ?? 45];
}
export function isochroneStyle(feature) {
  const c = isoColour(feature.get('minutes'));
  return new Style({ fill: new Fill({ color: hexToRgba(c, 0.35) }), stroke: new Stroke({ color: darker(c), width: 1.5 }) });
}
