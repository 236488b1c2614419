// Drag-and-drop / file-picker import: dialog (kind, mode), multipart upload with progress, report.
import { upload } from './api.js';

export function guessKind(fileName) {
  const n = fileName.toLowerCase();
  if (n.includes('agence') || n.includes('france_services') || n.includes('agency') || n.includes('agencies')) return 'agencies';
  if (n.includes('qpv') || n.includes('quartier')) return 'qpv';
  if (n.includes('commune')) return 'communes';
  return 'estates';
}

/** A target field's name for people (« logements » for dwellings); the field itself when the catalogue has none. */
function fieldLabel(field, t) {
  const label = t(`field_${field}`);
  return label === `field_${field}` ? field : label;
}

export function setupImport({ onImported, t, activateTab }) {
  const $ = (id) => document.getElementById(id);
  const dialog = $('import-dialog');
  const wrap = document.querySelector('.map-wrap');
  const overlay = $('drop-overlay');
  let file = null;
  let busy = false;

  function open(f) {
    file = f;
    $('import-file').textContent = t('map_import_file_size', { name: f.name, size: Math.round(f.size / 1024) });
    const kind = guessKind(f.name);
    $('import-kind').value = kind;
    $('import-mode').value = 'append';
    $('import-error').hidden = true;
    $('import-report').hidden = true;
    $('import-report').innerHTML = '';
    $('import-progress').hidden = true;
    $('import-progress').value = 0;
    $('import-go').disabled = false;
    $('import-kind').disabled = false;
    $('import-mode').disabled = false;
    $('import-layer-field').hidden = true;
    $('import-layer').innerHTML = '';
    $('import-crs').value = '';
    // data-state tells what the dialog is doing: open, running, done, failed, choose-layer.
    dialog.dataset.state = 'open';
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    }
    $('import-go').focus();
  }

  async function go() {
    if (!file || busy) return;
    busy = true;
    dialog.dataset.state = 'running';
    $('import-go').disabled = true;
    $('import-kind').disabled = true;
    $('import-mode').disabled = true;
    $('import-error').hidden = true;
    const progress = $('import-progress');
    progress.hidden = false;
    progress.value = 0;
    const kind = $('import-kind').value;
    const mode = $('import-mode').value;
    const layer = $('import-layer-field').hidden ? '' : $('import-layer').value;
    const crs = $('import-crs').value.trim();
    try {
      const query = `kind=${encodeURIComponent(kind)}&mode=${encodeURIComponent(mode)}${layer ? `&layer=${encodeURIComponent(layer)}` : ''}${crs ? `&crs=${encodeURIComponent(crs)}` : ''}`;
      const report = await upload(`api/import?${query}`, file,
        (f) => { progress.value = Math.round(f * 100); });
      progress.value = 100;
      renderReport(report);
      dialog.dataset.state = 'done';
      onImported(report);
    } catch (e) {
      const err = $('import-error');
      err.textContent = `${t('import.failed')} : ${(e.problem && (e.problem.detail || e.problem.title)) || e.message}`;
      const layers = e.problem && Array.isArray(e.problem.layers) ? e.problem.layers : [];
      if (layers.length > 0) {
        // A GeoPackage or zip with several layers: offer them, the next « Importer » sends the choice.
        const select = $('import-layer');
        select.innerHTML = '';
        layers.forEach((name) => {
          const o = document.createElement('option');
          o.value = name;
          o.textContent = name;
          select.append(o);
        });
        const guess = layers.find((name) => name.toLowerCase().includes(kind === 'qpv' ? 'qpv' : kind.slice(0, 5)));
        if (guess) select.value = guess;
        $('import-layer-field').hidden = false;
        err.textContent = t('import.chooseLayer');
      }
      err.dataset.status = String(e.status ?? '');
      err.hidden = false;
      dialog.dataset.state = layers.length > 0 ? 'choose-layer' : 'failed';
      $('import-go').disabled = false;
      $('import-kind').disabled = false;
      $('import-mode').disabled = false;
    } finally {
      busy = false;
      progress.hidden = true;
    }
  }

  function renderReport(r) {
    const host = $('import-report');
    host.innerHTML = '';
    const figures = document.createElement('dl');
    figures.className = 'report-figures';
    [['read', r.read], ['accepted', r.accepted], ['rejected', r.rejected], ['repaired', r.repaired],
      ['warnings', r.warnings], ['written', r.written]].forEach(([k, v]) => {
      if (v === undefined) return;
      const dt = document.createElement('dt');
      dt.textContent = t(`import.${k}`);
      const dd = document.createElement('dd');
      dd.setAttribute('data-testid', `import-${k}`);
      dd.textContent = String(v);
      figures.append(dt, dd);
    });
    host.append(figures);
    const meta = document.createElement('p');
    meta.className = 'muted';
    meta.textContent = [r.file, r.layer, r.crs ? `EPSG:${String(r.crs).replace(/^EPSG:/i, '')}` : null, r.mode ? t(`write_mode_${r.mode}`) : null].filter(Boolean).join(' · ');
    host.append(meta);
    if (r.issues && r.issues.length) {
      const h = document.createElement('h3');
      h.textContent = t('import.issues', { count: r.issuesTotal ?? r.issues.length });
      host.append(h);
      const table = document.createElement('table');
      table.className = 'issues';
      const head = document.createElement('thead');
      head.innerHTML = '<tr><th></th><th></th><th></th><th></th></tr>';
      ['import.row', 'import.field', 'import.reason', 'import.severity'].forEach((k, i) => { head.querySelectorAll('th')[i].textContent = t(k); });
      table.append(head);
      const tb = document.createElement('tbody');
      r.issues.slice(0, 50).forEach((is) => {
        const tr = document.createElement('tr');
        tr.className = is.severity || '';
        tr.dataset.code = is.code || '';
        [is.row, is.field ? fieldLabel(is.field, t) : null, is.reason, is.severity ? t(`severity_${is.severity}`) : null].forEach((v) => {
          const td = document.createElement('td');
          td.textContent = v === null || v === undefined ? '' : String(v);
          tr.append(td);
        });
        tb.append(tr);
      });
      table.append(tb);
      const scroll = document.createElement('div');
      scroll.className = 'table-scroll';
      scroll.append(table);
      host.append(scroll);
    }
    if (r.mapping && r.mapping.length) {
      const h = document.createElement('h3');
      h.textContent = t('import.mapping');
      host.append(h);
      const table = document.createElement('table');
      table.className = 'mapping';
      const head = document.createElement('thead');
      head.innerHTML = '<tr><th></th><th></th></tr>';
      head.querySelectorAll('th')[0].textContent = t('import.target');
      head.querySelectorAll('th')[1].textContent = t('import.source');
      table.append(head);
      const tb = document.createElement('tbody');
      r.mapping.forEach((m) => {
        const tr = document.createElement('tr');
        [fieldLabel(m.target, t), m.source ?? '–'].forEach((v) => { const td = document.createElement('td'); td.textContent = String(v); tr.append(td); });
        tb.append(tr);
      });
      table.append(tb);
      host.append(table);
    }
    host.hidden = false;
  }

  $('import-go').addEventListener('click', go);
  $('import-close').addEventListener('click', () => dialog.close());
  $('file-picker-button').addEventListener('click', () => $('file-picker').click());
  $('file-picker').addEventListener('change', (e) => {
    const f = e.target.files && e.target.files[0];
    if (f) open(f);
    e.target.value = '';
  });

  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  let depth = 0;
  wrap.addEventListener('dragenter', (e) => { if (!hasFiles(e)) return; e.preventDefault(); depth += 1; overlay.hidden = false; });
  wrap.addEventListener('dragover', (e) => { if (!hasFiles(e)) return; e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  wrap.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) overlay.hidden = true; });
  wrap.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) { if (activateTab) activateTab('io'); open(f); }
  });
  // Never let the browser navigate to a file dropped elsewhere on the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
}
