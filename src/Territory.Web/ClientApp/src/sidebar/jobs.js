// Planning jobs (a site plan, a round, a comparison) run on the server, off the request: the POST
// answers at once with the job's id; the server's event stream (api/events) says when a planning job
// ends (`done` with task `plan`), then the job's answer is fetched. Progress by stage shows in the
// bar under the header (progress.js).
import { get, send, ApiError } from '../api.js';

/**
 * Starts a job and resolves with its final answer (state `done`). A refused or failed job rejects with
 * an ApiError carrying the server's problem (its `code` and rendered `detail`).
 */
export async function runJob(path, body) {
  // Subscribed before the job starts, so that its end cannot be missed.
  const events = window.EventSource ? new EventSource('api/events') : null;
  let timer = null;
  try {
    if (events) await new Promise((res) => { events.addEventListener('hello', res, { once: true }); events.addEventListener('error', res, { once: true }); });
    const started = await send('POST', path, body);
    const ended = await new Promise((resolve, reject) => {
      let checking = false;
      const check = async () => {
        if (checking) return;
        checking = true;
        try {
          const job = await get(`api/plan/jobs/${encodeURIComponent(started.id)}`);
          if (job.state !== 'running') resolve(job);
        } catch (e) {
          reject(e);
        } finally {
          checking = false;
        }
      };
      if (events) {
        events.addEventListener('done', (e) => { if (JSON.parse(e.data).task === 'plan') check(); });
        // A dropped stream reconnects by itself (a new hello): look again in case the end fell in between.
        events.addEventListener('hello', check);
      }
      // The events make the end show at once; a slow look every few seconds makes sure a lost event never leaves the job waiting.
      timer = setInterval(check, events ? 3000 : 1000);
      check();
    });
    if (ended.state === 'failed') throw new ApiError(ended.problem?.status || 400, ended.problem);
    return ended;
  } finally {
    if (events) events.close();
    if (timer) clearInterval(timer);
  }
}

/**
 * Runs a job for a panel of the « Planifier » tab and keeps the panel's state machine: `running` (the button
 * disabled, a waiting line), then `done` (onDone draws the answer) or `failed` (the server's reason as an alert
 * with the given test id). The panel's `data-state` is what the page's tests wait on.
 */
export async function runPanelJob({ panel, button, result, waiting, errorTestId, path, body, onDone }) {
  panel.dataset.state = 'running';
  button.disabled = true;
  result.replaceChildren(waiting);
  try {
    const job = await runJob(path, body);
    onDone(job);
    panel.dataset.state = 'done';
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.dataset.testid = errorTestId;
    p.textContent = e.message;
    result.replaceChildren(p);
    panel.dataset.state = 'failed';
  } finally {
    button.disabled = false;
  }
}
