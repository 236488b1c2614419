// The header: project name, organisation and counts.
import { get } from './api.js';
import { t } from './i18n.js';
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
  $('counts').textContent = t('map_header_counts', { estates: c.estates, dwellings: c.dwellings, agencies: c.agencies, territories: c.territories });
  document.title = `Territory — ${project.name}`;
}
