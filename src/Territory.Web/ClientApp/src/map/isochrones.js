// Isochrones of an agency: drawn on the map with their legend (failures and estimates stated).
import { get } from '../api.js';
import { t } from '../i18n.js';
import { $ } from '../state.js';
import { hexToRgba, darker, isoColour } from '../styles.js';
import { sources, layers, geojson } from './view.js';

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
    row.append(chip, document.createTextNode(t('map_iso_row', { minutes: m })));
    div.append(row);
  });
  return div;
}

let isoRequest = 0;
/** Loads the isochrones at `url` and shows them (a later request wins over an earlier one). */
export async function showIsochrones(url) {
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

export function renderIsoLegend() {
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

export function clearIsochrones() {
  isoRequest += 1;
  sources.isochrones.clear();
  renderIsoLegend();
}

/** An error handler that writes the failure under the panel's isochrone button. */
export function showIsoError(host) {
  return (e) => {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = e.message;
    host.append(p);
  };
}
