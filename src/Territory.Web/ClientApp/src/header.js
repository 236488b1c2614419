// The header: project name, organisation and counts.
import { get } from './api.js';
import { getLang, num } from './i18n.js';
import { state, $ } from './state.js';

export async function refreshProjectHeader() {
  state.project = await get('api/project');
  renderHeader();
}

export function renderHeader() {
  const { project } = state;
  $('project-name').textContent = project.name;
  $('organisation').textContent = project.organisation || '';
  const c = project.counts;
  const en = getLang() === 'en';
  $('counts').textContent = en
    ? `${num(c.estates)} estates · ${num(c.dwellings)} dwellings · ${num(c.agencies)} agencies · ${num(c.territories)} territories`
    : `${num(c.estates)} programmes · ${num(c.dwellings)} logements · ${num(c.agencies)} agences · ${num(c.territories)} territoires`;
  document.title = `Territory — ${project.name}`;
}
