// The « Couches » tab: layer switcher and legend (territory types, estates, QPV, presence points
// by kind, scenario marks).
import { Style } from 'ol/style.js';
import { toContext } from 'ol/render.js';
import Point from 'ol/geom/Point.js';
import { t, num } from '../i18n.js';
import { state, $ } from '../state.js';
import { typeLabel, kindLabel } from '../labels.js';
import { hexToRgba, agencyShape } from '../styles.js';
import { layers, layerOrder } from '../map/view.js';
import { tilesActive, territoriesMerged } from '../map/tiles.js';

function shapeCanvas(image, size = 22) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = toContext(canvas.getContext('2d'), { size: [size, size], pixelRatio: 1 });
  ctx.setStyle(new Style({ image }));
  ctx.drawGeometry(new Point([size / 2, size / 2]));
  return canvas;
}

export function renderLegend() {
  const { project } = state;
  const el = $('legend');
  el.innerHTML = '';
  const h = (text) => { const x = document.createElement('h3'); x.textContent = text; el.append(x); };
  h(t('legend.types'));
  const ul = document.createElement('ul');
  project.types.forEach((type) => {
    const li = document.createElement('li');
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
  if (territoriesMerged()) {
    // Said where the types are read: at national scale the outlines of one type are merged (the server's tiles).
    const note = document.createElement('p');
    note.className = 'muted small';
    note.setAttribute('data-testid', 'legend-merged');
    note.textContent = t('map_territories_merged');
    el.append(note);
  }
  const est = document.createElement('p');
  est.className = 'muted small';
  est.textContent = t('legend.estates');
  el.append(est);
  if (tilesActive()) {
    const cells = document.createElement('p');
    cells.className = 'muted small';
    cells.setAttribute('data-testid', 'legend-cells');
    cells.textContent = t('tiles.cellsLegend');
    el.append(cells);
  }
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

export function renderLayerSwitcher() {
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
