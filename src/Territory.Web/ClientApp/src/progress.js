// Server-sent progress (api/events): the bar under the header, and a new project version when a
// job ends.
import { setVersion, currentVersion } from './api.js';
import { $ } from './state.js';

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
    $('progress-label').textContent = `${d.label || d.task} — ${Math.round(f * 100)} %`;
    bar.setAttribute('aria-valuenow', String(Math.round(f * 100)));
    bar.dataset.task = d.task || '';
    bar.dataset.state = 'running';
  });
  es.addEventListener('done', (e) => {
    const d = JSON.parse(e.data);
    $('progress-bar').style.width = '100%';
    bar.dataset.state = 'done';
    hideTimer = setTimeout(() => { bar.hidden = true; }, 600);
    if (d.version !== undefined && d.version !== currentVersion()) setVersion(d.version);
  });
}
