// Server-sent progress (api/events): the bar under the header, and a new project version when a
// job ends.
import { setVersion, currentVersion } from './api.js';
import { $ } from './state.js';
import { t } from './i18n.js';

export function setupEvents() {
  if (!window.EventSource) return;
  const es = new EventSource('api/events');
  const bar = $('progress');
  let hideTimer = null;
  es.addEventListener('progress', (e) => {
    const d = JSON.parse(e.data);
    clearTimeout(hideTimer);
    bar.hidden = false;
    const f = Math.max(0, Math.min(1, d.fraction ?? 0));
    $('progress-bar').style.width = `${Math.round(f * 100)}%`;
    // The task is worded here in the page's language; the label carries the file's name where there is one.
    const code = `map_progress_${d.task}`;
    const task = t(code, { file: d.label });
    $('progress-label').textContent = `${task === code ? (d.label || d.task) : task} — ${t('map_progress_percent', { share: f })}`;
    bar.setAttribute('aria-valuenow', String(Math.round(f * 100)));
    bar.dataset.task = d.task || '';
    bar.dataset.state = 'running';
  });
  es.addEventListener('done', (e) => {
    const d = JSON.parse(e.data);
    $('progress-bar').style.width = '100%';
    bar.dataset.state = 'done';
    hideTimer = setTimeout(() => { bar.hidden = true; }, 600);
    if (d.version !== undefined && d.version !== null && d.version !== currentVersion()) setVersion(d.version);
  });
}
