// Labels of the project's territory types and agency kinds in the current language.
import { getLang } from './i18n.js';
import { state } from './state.js';

export function typeLabel(type) { return getLang() === 'en' && type.labelEn ? type.labelEn : type.label; }

export function kindLabel(code) {
  const k = state.project.agencyKinds.find((x) => x.code === code);
  if (!k) return code;
  return getLang() === 'en' && k.labelEn ? k.labelEn : k.label;
}
