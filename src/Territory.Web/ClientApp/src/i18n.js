// The map's texts come from the product's message catalogue (Territory.Core/Messages/Catalogue,
// area files map.json and the shared labels), served by GET api/messages?lang=fr|en, and are filled
// here with the catalogue's own template syntax: {name}, {name:n0..n3}, {name:f0..f3}, {name:pct},
// {name:pct1}, {name:signed}, {name:signed1}, {name:coord}, {name:plural:one|other},
// {name:count:one|other}, {{ and }} for braces. Numbers follow the catalogue's NumberText: French
// narrow no-break space for thousands and a decimal comma, never « -0 ».
import { get } from './api.js';

const catalogues = {};
let lang = localStorage.getItem('territory.lang') === 'en' ? 'en' : 'fr';

export function getLang() { return lang; }

/** Downloads the texts of a language once (the first call at boot, the other on the first switch). */
export async function loadMessages(l) {
  const key = l === 'en' ? 'en' : 'fr';
  if (!catalogues[key]) catalogues[key] = (await get(`api/messages?lang=${key}`)).messages;
  return catalogues[key];
}

/** Switches the language (its texts must be loaded) and tells the server through the page's lang. */
export function setLang(l) {
  lang = l === 'en' ? 'en' : 'fr';
  try { localStorage.setItem('territory.lang', lang); } catch { /* private mode */ }
  document.documentElement.lang = lang;
}

/** The catalogue code of a map key: « panel.dwellings » → « map_panel_dwellings »; codes pass through. */
export function codeOf(key) {
  if (/^[a-z0-9_]+$/.test(key)) return key;
  return `map_${key.replace(/\./g, '_').replace(/([A-Z])/g, '_$1').toLowerCase()}`;
}

function placeholders(template) {
  const names = [];
  template.replace(/\{\{|\}\}|\{([^}:]+)(?::[^}]*)?\}/g, (m, name) => { if (name && !names.includes(name)) names.push(name); return m; });
  return names;
}

/**
 * A text in the current language: t('panel.estate'), t('filters.count', { estates: 12, dwellings: 340 }),
 * or positional values in the order of the template's placeholders: t('scenario.selected', name).
 */
export function t(key, ...args) {
  const code = codeOf(key);
  const template = (catalogues[lang] && catalogues[lang][code]) ?? (catalogues.fr && catalogues.fr[code]) ?? key;
  let values = {};
  if (args.length === 1 && args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0])) values = args[0];
  else placeholders(template).forEach((name, i) => { if (i < args.length) values[name] = args[i]; });
  return format(template, values, lang);
}

/** Fills a catalogue template (same syntax and number rules as the server's MessageFormatter). */
export function format(template, values, l = lang) {
  return template.replace(/\{\{|\}\}|\{([^}:]+)(?::([^}]*))?\}/g, (m, name, fmt) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    return value(values[name], fmt, l);
  });
}

function value(v, fmt, l) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => value(x, undefined, l)).join(', ');
  if (typeof v !== 'number') return String(v);
  const integral = Number.isInteger(v);
  if (!fmt) return numberText(v, integral ? 0 : 2, l);
  if (fmt.startsWith('plural:')) return word(fmt.slice(7), v, l);
  if (fmt.startsWith('count:')) return `${numberText(v, integral ? 0 : 2, l)}\u00a0${word(fmt.slice(6), v, l)}`;
  switch (fmt) {
    case 'pct': return percentText(v, 0, l);
    case 'pct1': return percentText(v, 1, l);
    case 'signed': return signedText(v, 0, l);
    case 'signed1': return signedText(v, 1, l);
    case 'coord': return coordText(v, l);
    case 'list': return String(v);
    default: {
      const d = Number(fmt.slice(1));
      if (fmt[0] === 'n' && d >= 0 && d <= 9) return numberText(v, d, l);
      if (fmt[0] === 'f' && d >= 0 && d <= 9) return numberText(v, d, l, true);
      throw new Error(`Unknown format '${fmt}'`);
    }
  }
}

function word(forms, v, l) {
  const bar = forms.indexOf('|');
  if (bar < 0) return forms;
  const singular = l === 'en' ? v === 1 : Math.abs(v) < 2;
  return singular ? forms.slice(0, bar) : forms.slice(bar + 1);
}

// Rounds half away from zero first, so that -0.04 shown with one decimal is « 0 », not « -0 ».
function clean(v, decimals) {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** decimals;
  const r = (Math.sign(v) * Math.round(Math.abs(v) * f + 1e-9)) / f;
  return r === 0 ? 0 : r;
}

function numberText(v, decimals, l, fixed = false, grouping = true) {
  if (!Number.isFinite(v)) return '–';
  const r = clean(v, decimals);
  let [int, frac = ''] = Math.abs(r).toFixed(decimals).split('.');
  if (!fixed) frac = frac.replace(/0+$/, '');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, l === 'en' ? ',' : '\u202f');
  const text = frac ? `${int}${l === 'en' ? '.' : ','}${frac}` : int;
  return r < 0 ? `-${text}` : text;
}

function percentText(share, decimals, l) { return numberText(share * 100, decimals, l) + (l === 'en' ? '%' : '\u00a0%'); }

function signedText(v, decimals, l) {
  const r = clean(v, decimals);
  const text = numberText(Math.abs(r), decimals, l);
  return r > 0 ? `+${text}` : r < 0 ? `-${text}` : text;
}

function coordText(v, l) { return numberText(v, 5, l, false, false); }

/** Re-translates the static chrome (elements with data-i18n / data-i18n-placeholder / data-i18n-label). */
export function translateDom(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}

/** A number as the catalogue writes it in the current language (« 2 736 », « 0,4 »); « – » when absent. */
export function num(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return numberText(v, digits, lang);
}

/** A share 0..1 as a percentage with one decimal (« 95,3 % »); « – » when absent. */
export function pct(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return percentText(v, 1, lang);
}

/** A difference with its sign (« +1,5 », « -0,4 », « 0 »). */
export function signed(v, digits = 0) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return signedText(v, digits, lang);
}
