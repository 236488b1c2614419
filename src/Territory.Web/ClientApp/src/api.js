// Thin API client: JSON/GeoJSON GETs, state-changing calls with the mutation header, the project
// version carried by X-Territory-Version, and the store's data version (X-Territory-Data-Version) that
// every state-changing call sends back: a view older than what is committed gets a 409, never an overwrite.
//
// Two data versions are kept apart: the one the server last answered with, and the one the view on screen
// was made from. Only the second is sent back. An answer that reveals someone else's commit (any request,
// even a background one) triggers a reload of the layers; the view takes the new data version only once
// those layers are on the map (adoptDataVersion), or from the answer to its own successful commit. A save
// made before then is refused (409) instead of landing on top of a change the user has not seen.
import { t } from './i18n.js';

const listeners = new Set();
let version = null;
let dataVersion = null;
let answeredDataVersion = null;

export function onVersion(fn) { listeners.add(fn); }
export function currentVersion() { return version; }
export function currentDataVersion() { return dataVersion; }

function setViewDataVersion(n) {
  dataVersion = n;
  document.body.dataset.dataVersion = String(n);
}

function noteDataVersion(value) {
  if (value === null || value === undefined) return;
  answeredDataVersion = Number(value);
  document.body.dataset.answeredDataVersion = String(answeredDataVersion);
  // The first answer of the page is what its first view is made from.
  if (dataVersion === null) setViewDataVersion(answeredDataVersion);
}

/** The view now shows the state the server last answered with (called once the reloaded layers are on the map). */
export function adoptDataVersion() {
  if (answeredDataVersion !== null) setViewDataVersion(answeredDataVersion);
}

/** Headers of a state-changing call: the mutation guard, the language, the data version the view was made from. */
function mutationHeaders() {
  const h = { 'X-Territory-Client': '1', Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'fr' };
  if (dataVersion !== null) h['X-Territory-Data-Version'] = String(dataVersion);
  return h;
}

function noteVersion(res) {
  noteDataVersion(res.headers.get('X-Territory-Data-Version'));
  const v = res.headers.get('X-Territory-Version');
  if (v === null) return;
  const n = Number(v);
  if (version === null) { version = n; document.body.dataset.version = String(n); return; }
  if (n !== version) {
    const old = version;
    version = n;
    document.body.dataset.version = String(n);
    listeners.forEach((fn) => fn(n, old));
  }
}

export function setVersion(n) {
  if (n === null || n === undefined) return;
  const old = version;
  version = n;
  document.body.dataset.version = String(n);
  if (old !== null && old !== n) listeners.forEach((fn) => fn(n, old));
}

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function handle(res) {
  noteVersion(res);
  // The session ended (expired, signed out elsewhere, account removed): back to the sign-in page, then here.
  if (res.status === 401) window.location.assign(`connexion?retour=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, typeof body === 'object' ? body : { detail: body });
  return body;
}

/** The page's language, sent with every request so the server answers in it (panels, problems). */
function langHeader() { return document.documentElement.lang === 'en' ? 'en' : 'fr'; }

export async function get(path) {
  // index.html asks for the first render's data before this code is parsed; use those answers once.
  const early = window.__territoryPrefetch && window.__territoryPrefetch[path];
  if (early) {
    delete window.__territoryPrefetch[path];
    return handle(await early);
  }
  return handle(await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': langHeader() } }));
}

/**
 * A state-changing call. `commit: true` marks a compare-and-swap write to the store (save, import, undo,
 * applying a scenario): once it succeeds, the view's data version is the one that write produced.
 */
export async function send(method, path, body, { commit = false } = {}) {
  const init = { method, headers: mutationHeaders() };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const answer = await handle(await fetch(path, init));
  if (commit) adoptDataVersion();
  return answer;
}

/** Multipart upload with progress (XHR: fetch has no upload progress). */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    Object.entries(mutationHeaders()).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, { detail: t('map_error_network') }));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = { detail: xhr.responseText || `HTTP ${xhr.status}` }; }
      noteDataVersion(xhr.getResponseHeader('X-Territory-Data-Version'));
      const v = xhr.getResponseHeader('X-Territory-Version');
      if (v !== null) setVersion(Number(v));
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
