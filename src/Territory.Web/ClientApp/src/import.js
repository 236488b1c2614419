// Drag-and-drop / file-picker import: dialog (kind, mode: replace by default, like the CLI), a preview
// that reads and validates the file without writing (counts and extent before/after, a confirmation
// when the layer would lose more than half of its features), the commit of what was previewed (refused
// with a 409 if the project changed meanwhile), the report, and « Annuler l'import ».
import { upload, send } from './api.js';
import { num } from './i18n.js';
import { roleAllows } from './user.js';

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
  let preview = null; // the server's preview, until committed or the choices change
  let imported = null; // the last committed import (for « Annuler l'import »)

  const fields = ['import-kind', 'import-mode', 'import-layer', 'import-crs'];

  // data-state tells what the dialog is doing: open, running, previewed, done, failed, choose-layer, undone.
  function setState(state) { dialog.dataset.state = state; }

  function resetPreview() {
    preview = null;
    $('import-preview').hidden = true;
    $('import-preview').innerHTML = '';
    $('import-go').textContent = t('import.check');
    $('import-go').disabled = !file;
  }

  function open(f) {
    file = f;
    imported = null;
    $('import-file').textContent = t('map_import_file_size', { name: f.name, size: Math.round(f.size / 1024) });
    $('import-kind').value = guessKind(f.name);
    $('import-mode').value = 'replace';
    $('import-error').hidden = true;
    $('import-report').hidden = true;
    $('import-report').innerHTML = '';
    $('import-progress').hidden = true;
    $('import-progress').value = 0;
    $('import-undo').hidden = true;
    fields.forEach((id) => { $(id).disabled = false; });
    $('import-layer-field').hidden = true;
    $('import-layer').innerHTML = '';
    $('import-crs').value = '';
    resetPreview();
    setState('open');
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    }
    $('import-go').focus();
  }

  function query() {
    const kind = $('import-kind').value;
    const mode = $('import-mode').value;
    const layer = $('import-layer-field').hidden ? '' : $('import-layer').value;
    const crs = $('import-crs').value.trim();
    return `kind=${encodeURIComponent(kind)}&mode=${encodeURIComponent(mode)}${layer ? `&layer=${encodeURIComponent(layer)}` : ''}${crs ? `&crs=${encodeURIComponent(crs)}` : ''}`;
  }

  function showError(e) {
    const err = $('import-error');
    err.textContent = t('map_import_failed_reason', { reason: (e.problem && (e.problem.detail || e.problem.title)) || e.message });
    const layers = e.problem && Array.isArray(e.problem.layers) ? e.problem.layers : [];
    if (layers.length > 0) {
      // A GeoPackage or zip with several layers: offer them, the next click sends the choice.
      const select = $('import-layer');
      select.innerHTML = '';
      layers.forEach((name) => {
        const o = document.createElement('option');
        o.value = name;
        o.textContent = name;
        select.append(o);
      });
      const kind = $('import-kind').value;
      const guess = layers.find((name) => name.toLowerCase().includes(kind === 'qpv' ? 'qpv' : kind.slice(0, 5)));
      if (guess) select.value = guess;
      $('import-layer-field').hidden = false;
      err.textContent = t('import.chooseLayer');
    }
    err.dataset.status = String(e.status ?? '');
    err.dataset.code = (e.problem && e.problem.code) || '';
    err.hidden = false;
  }

  async function go() {
    if (!file || busy) return;
    busy = true;
    $('import-go').disabled = true;
    fields.forEach((id) => { $(id).disabled = true; });
    $('import-error').hidden = true;
    const progress = $('import-progress');
    progress.hidden = false;
    progress.value = 0;
    try {
      if (!preview) {
        setState('running');
        preview = await upload(`api/import/preview?${query()}`, file, (f) => { progress.value = Math.round(f * 100); });
        renderPreview(preview);
        setState('previewed');
      } else {
        setState('running');
        const confirm = preview.needsConfirmation ? '&confirm=shrink' : '';
        const report = await send('POST', `api/import/commit?token=${encodeURIComponent(preview.token)}${confirm}`, undefined, { commit: true });
        progress.value = 100;
        imported = { kind: report.kind, layer: report.layer };
        preview = null;
        $('import-preview').hidden = true;
        renderReport(report);
        $('import-undo').hidden = false;
        $('import-undo').disabled = false;
        setState('done');
        onImported(report);
        return;
      }
    } catch (e) {
      showError(e);
      // A 409: the project changed since the preview; the next click previews again.
      resetPreview();
      setState(e.problem && Array.isArray(e.problem.layers) && e.problem.layers.length > 0 ? 'choose-layer' : 'failed');
    } finally {
      busy = false;
      progress.hidden = true;
      if (dialog.dataset.state !== 'done') fields.forEach((id) => { $(id).disabled = false; });
    }
    if (preview) {
      $('import-go').textContent = t('import.commit');
      $('import-go').disabled = Boolean(preview.refusal) || (preview.needsConfirmation && !$('import-confirm').checked);
    }
  }

  async function undo() {
    if (!imported || busy) return;
    busy = true;
    setState('running');
    $('import-undo').disabled = true;
    $('import-error').hidden = true;
    try {
      const r = await send('POST', `api/import/undo?kind=${encodeURIComponent(imported.kind)}`, undefined, { commit: true });
      const p = document.createElement('p');
      p.className = 'notice-ok';
      p.setAttribute('data-testid', 'import-undone');
      p.textContent = t('import.undone', { layer: imported.layer, count: r.countAfter });
      $('import-report').prepend(p);
      imported = null;
      $('import-undo').hidden = true;
      setState('undone');
      onImported(r);
    } catch (e) {
      showError(e);
      setState('failed');
      $('import-undo').disabled = false;
    } finally {
      busy = false;
    }
  }

  function extentText(e) {
    if (!e) return t('import.none');
    return `${num(e[0], 3)} ; ${num(e[1], 3)} → ${num(e[2], 3)} ; ${num(e[3], 3)}`;
  }

  function renderPreview(p) {
    const host = $('import-preview');
    host.innerHTML = '';
    const h = document.createElement('h3');
    h.textContent = t('import.previewTitle');
    host.append(h);
    const table = document.createElement('table');
    table.className = 'preview';
    const head = document.createElement('thead');
    head.innerHTML = '<tr><th></th><th></th><th></th></tr>';
    ['', 'import.before', 'import.after'].forEach((k, i) => { head.querySelectorAll('th')[i].textContent = k ? t(k) : ''; });
    table.append(head);
    const body = document.createElement('tbody');
    [['count', 'import.features', num(p.countBefore), num(p.countAfter)],
      ['extent', 'import.extent', extentText(p.extentBefore), extentText(p.extentAfter)]].forEach(([id, label, before, after]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = t(label);
      const b = document.createElement('td');
      b.setAttribute('data-testid', `preview-${id}-before`);
      b.textContent = before;
      const a = document.createElement('td');
      a.setAttribute('data-testid', `preview-${id}-after`);
      a.textContent = after;
      tr.append(th, b, a);
      body.append(tr);
    });
    table.append(body);
    host.append(table);
    const figures = document.createElement('dl');
    figures.className = 'report-figures';
    [['read', p.read], ['accepted', p.accepted], ['rejected', p.rejected], ['duplicates', p.duplicatesSkipped]].forEach(([k, v]) => {
      if (k === 'duplicates' && !v) return;
      const dt = document.createElement('dt');
      dt.textContent = t(`import.${k}`);
      const dd = document.createElement('dd');
      dd.setAttribute('data-testid', `preview-${k}`);
      dd.textContent = String(v);
      figures.append(dt, dd);
    });
    host.append(figures);
    if (p.refusal) {
      const r = document.createElement('p');
      r.className = 'error';
      r.setAttribute('data-testid', 'preview-refusal');
      r.textContent = p.refusal;
      host.append(r);
    }
    if (p.needsConfirmation) {
      const label = document.createElement('label');
      label.className = 'confirm';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'import-confirm';
      box.setAttribute('data-testid', 'import-confirm');
      box.addEventListener('change', () => { $('import-go').disabled = !box.checked; });
      label.append(box, document.createTextNode(` ${t('import.confirmShrink')}`));
      host.append(label);
    }
    if (p.issues && p.issues.length) host.append(issuesTable(p.issues, p.issuesTotal));
    host.hidden = false;
  }

  function issuesTable(issues, total) {
    const wrapDiv = document.createElement('div');
    const h = document.createElement('h3');
    h.textContent = t('import.issues', { count: total ?? issues.length });
    wrapDiv.append(h);
    const table = document.createElement('table');
    table.className = 'issues';
    const head = document.createElement('thead');
    head.innerHTML = '<tr><th></th><th></th><th></th><th></th></tr>';
    ['import.row', 'import.field', 'import.reason', 'import.severity'].forEach((k, i) => { head.querySelectorAll('th')[i].textContent = t(k); });
    table.append(head);
    const tb = document.createElement('tbody');
    issues.slice(0, 50).forEach((is) => {
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
    wrapDiv.append(scroll);
    return wrapDiv;
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
    if (r.issues && r.issues.length) host.append(issuesTable(r.issues, r.issuesTotal));
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
  $('import-undo').addEventListener('click', undo);
  // Another choice makes the preview moot: the next click checks the file again.
  fields.forEach((id) => $(id).addEventListener('change', () => { if (preview && !busy) resetPreview(); }));
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
    if (f && roleAllows('administration')) { if (activateTab) activateTab('io'); open(f); }
  });
  // Never let the browser navigate to a file dropped elsewhere on the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
}
