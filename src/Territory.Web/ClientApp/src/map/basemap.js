// Basemaps offered by the server (none, OSM, IGN plan and orthophotos): the select and the tile
// layer; a notice when tiles fail (offline machine).
import XYZ from 'ol/source/XYZ.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import { t, getLang } from '../i18n.js';
import { state, $ } from '../state.js';
import { basemapLayer } from './view.js';

function noteTileError() {
  const n = $('basemap-notice');
  n.textContent = t('basemap.offline');
  n.hidden = false;
}

export function renderBasemapSelect() {
  const sel = $('basemap-select');
  const current = sel.value || state.project.defaultBasemap || 'none';
  sel.innerHTML = '';
  state.project.basemaps.forEach((b) => {
    const o = document.createElement('option');
    o.value = b.id;
    o.textContent = getLang() === 'en' && b.labelEn ? b.labelEn : b.label;
    sel.append(o);
  });
  sel.value = current;
}

export function setBasemap(id) {
  const b = state.project.basemaps.find((x) => x.id === id);
  $('basemap-notice').hidden = true;
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

export function setupBasemap() {
  $('basemap-select').addEventListener('change', (e) => setBasemap(e.target.value));
}
