// Details panel renderers (estate, territory, agency). Text is set with textContent (server data
// never becomes HTML).
import { t, num, pct } from './i18n.js';

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null) return;
    if (k === 'class') e.className = v;
    else if (k === 'testid') e.setAttribute('data-testid', v);
    else if (k === 'style') e.style.cssText = v;
    else e.setAttribute(k, v);
  });
  children.flat().forEach((c) => { if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c)); });
  return e;
}

function dl(rows) {
  const d = el('dl', { class: 'facts' });
  rows.forEach(([k, v, attrs]) => {
    if (v === undefined) return;
    d.append(el('dt', {}, k), el('dd', attrs || {}, v === null ? '–' : v));
  });
  return d;
}

function chip(colour) {
  return el('span', { class: 'chip', style: `background:${colour};border-color:${colour}` });
}

function linkButton(text, onClick) {
  const b = el('button', { type: 'button', class: 'link' }, text);
  b.addEventListener('click', onClick);
  return b;
}

export function renderEstatePanel(title, body, d, ctx) {
  title.textContent = `${t('panel.estate')} : ${d.name || d.id}`;
  body.innerHTML = '';
  body.dataset.kind = 'estate';
  body.dataset.id = d.id;
  const tr = d.travel || {};
  const agency = d.agency ? (d.agency.name || d.agency.id || d.agency.code) : null;
  const travel = tr.minutes !== null && tr.minutes !== undefined
    ? t('map_panel_travel_value', { minutes: tr.minutes, km: tr.km, agency: tr.agencyName || tr.agencyId })
    : tr.reason ? t('map_panel_unreachable_reason', { reason: tr.reason }) : t('panel.unreachable');
  const tType = d.territory ? ctx.project.types.find((x) => x.code === d.territory.type) : null;
  const territory = d.territory
    ? el('span', {}, chip(d.territory.colour), ' ', tType && ctx.typeLabel ? ctx.typeLabel(tType) : d.territory.typeLabel)
    : null;
  body.append(dl([
    [t('map_panel_id'), d.id],
    [t('panel.landlord'), d.landlord],
    [t('panel.dwellings'), num(d.dwellings)],
    [t('panel.housing'), t(`housing_${d.housing || 'unknown'}`)],
    [t('panel.year'), d.constructionYear ?? null],
    [t('panel.commune'), d.commune ? `${d.commune.name} (${d.commune.code})` : null],
    [t('panel.type'), territory],
    [t('panel.territoryName'), d.territory ? linkButton(d.territory.name, () => ctx.openPanel('territory', d.territory.id)) : null],
    [t('panel.qpv'), d.qpv ? `${d.qpv.name} (${d.qpv.code})` : t('panel.none')],
    [t('panel.agencyManaging'), agency && d.agency ? linkButton(agency, () => ctx.openPanel('agency', d.agency.id || d.agency.code)) : null],
    [t('panel.travel'), travel, { testid: 'estate-travel' }],
    [t('panel.nearest'), tr.nearestAgencyName ? t('map_panel_nearest_value', { name: tr.nearestAgencyName, minutes: tr.nearestMinutes }) : null],
    [t('panel.snap'), tr.snapMeters !== null && tr.snapMeters !== undefined ? t('map_panel_snap_value', { metres: tr.snapMeters }) : null],
    [t('panel.estimated'), tr.estimated ? t('panel.yes') : t('panel.no')],
  ]));
}

const indicatorRows = [
  ['dwellings', (v) => num(v)],
  ['estates', (v) => num(v)],
  ['dwellingsPerEstate', (v) => num(v, 1)],
  ['collectiveShare', (v) => pct(v)],
  ['qpvShare', (v) => pct(v)],
  ['densityLevel', (v, i) => (v === null ? null : i.densityEstimated ? t('map_panel_estimated_suffix', { value: String(v) }) : String(v))],
  ['population', (v) => num(v)],
  ['nearestSameLandlordMeters', (v) => (v === null ? null : t('map_panel_metres_value', { metres: v }))],
  ['nearbyLandlordDwellings', (v) => num(v)],
  ['meanTravelMinutes', (v, i) => (v === null ? null : i.travelEstimated
    ? t('map_panel_estimated_suffix', { value: t('map_panel_minutes_value', { minutes: v }) }) : t('map_panel_minutes_value', { minutes: v }))],
  ['maxTravelMinutes', (v) => (v === null ? null : t('map_panel_minutes_value', { minutes: v }))],
  ['landlords', (v) => (Array.isArray(v) ? v.join(', ') : v)],
  ['officesInside', (v) => num(v)],
  ['siteAgents', (v) => num(v, 1)],
  ['dwellingsPerSiteAgent', (v) => num(v)],
  ['areaKm2', (v) => num(v, 2)],
];

export function renderTerritoryPanel(title, body, d, ctx) {
  title.textContent = `${t('panel.territory')} : ${d.name || d.id}`;
  body.innerHTML = '';
  body.dataset.kind = 'territory';
  body.dataset.id = d.id;
  const type = ctx.project.types.find((x) => x.code === d.type);
  body.append(el('p', { class: 'type-line', testid: 'territory-type' }, chip(d.colour), ' ', el('strong', {}, type ? ctx.typeLabel(type) : d.typeLabel)));
  if (d.kindLabel) body.append(el('p', { class: 'muted' }, d.kindLabel));
  renderPlan(body, d);

  const dec = d.decision || {};
  body.append(el('h3', {}, t('panel.reasons')));
  const reasons = el('ul', { class: 'reasons', testid: 'territory-reasons' });
  (dec.reasons || []).forEach((r) => reasons.append(el('li', {}, r)));
  body.append(reasons);
  if (dec.rule) body.append(el('p', { class: 'rule' }, el('strong', {}, `${t('panel.rule')} : `), dec.rule));
  if (dec.runnerUpLabel) body.append(el('p', { class: 'muted' }, t('map_panel_runner_up_line', { label: dec.runnerUpLabel, margin: dec.margin })));
  (dec.notes || []).forEach((n) => body.append(el('p', { class: 'note' }, n)));

  if (dec.scores && dec.scores.length) {
    body.append(el('h3', {}, t('panel.scores')));
    const list = el('div', { class: 'scores', testid: 'territory-scores' });
    const typeColour = (code) => (ctx.project.types.find((x) => x.code === code) || {}).colour || '#888';
    dec.scores.forEach((s) => {
      const row = el('details', { class: s.type === d.type ? 'winner' : '' });
      const sum = el('summary', {},
        el('span', { class: 'score-label' }, s.label),
        el('span', { class: 'bar' }, el('span', { style: `width:${Math.round(Math.max(0, Math.min(1, s.score)) * 100)}%;background:${typeColour(s.type)}` })),
        el('span', { class: 'score-value' }, num(s.score, 2)));
      row.append(sum);
      const ul = el('ul', { class: 'criteria' });
      (s.criteria || []).forEach((c) => ul.append(el('li', {}, t('map_panel_score_line', { label: c.label, score: c.score, weight: c.weight, contribution: c.contribution }))));
      row.append(ul);
      list.append(row);
    });
    body.append(list);
  }

  if (d.accueil) {
    body.append(el('h3', {}, t('panel.accueil')));
    const a = d.accueil;
    if (a.recommended) body.append(el('p', {}, a.recommended.join(' · ')));
    const ul = el('ul', { class: 'accueil' });
    ['permanencePhysique', 'surRendezVous', 'piedImmeuble'].forEach((k) => { if (a[k]) ul.append(el('li', {}, a[k])); });
    body.append(ul);
  }

  body.append(el('h3', {}, t('panel.indicators')));
  const ind = d.indicators || {};
  body.append(dl(indicatorRows.filter(([k]) => k in ind).map(([k, f]) => [t(`ind.${k}`), f(ind[k], ind)])));

}

function planLine(p) {
  const li = el('li', { class: `plan-line ${p.status}`, 'data-form': p.form, 'data-status': p.status },
    el('span', { class: `plan-status ${p.status}` }, p.statusLabel), ' ', el('strong', {}, p.label));
  if (p.quantityLabel) li.append(' — ', p.quantityLabel, p.sitesLabel ? ` (${p.sitesLabel})` : '');
  if (p.legal) li.append(' ', el('span', { class: 'legal' }, `⚖ ${p.legalLabel || ''}`.trim()));
  li.append(el('div', { class: 'plan-reason' }, p.reason));
  return li;
}

/** The presence plan (actions and present forms, the rest folded), stakes, context, staff and caretaking. */
function renderPlan(body, d) {
  const plan = d.presence || [];
  body.append(el('h3', {}, t('plan_heading')));
  const shown = el('ol', { class: 'plan', testid: 'territory-plan' });
  plan.filter((p) => p.status !== 'not_retained').forEach((p) => shown.append(planLine({ ...p, legalLabel: t('plan_legal_mark') })));
  body.append(shown);
  const dropped = plan.filter((p) => p.status === 'not_retained');
  if (dropped.length) {
    const det = el('details', { class: 'plan-dropped', testid: 'territory-plan-dropped' }, el('summary', {}, `${t('plan_not_retained_title')} (${dropped.length})`));
    const ul = el('ul', { class: 'plan' });
    dropped.forEach((p) => ul.append(planLine(p)));
    det.append(ul);
    body.append(det);
  }
  if (d.stakes && d.stakes.length) {
    body.append(el('h3', {}, t('stakes_heading')));
    const ul = el('ul', { class: 'stakes', testid: 'territory-stakes' });
    d.stakes.forEach((s) => ul.append(el('li', {}, s)));
    body.append(ul, el('p', { class: 'muted' }, d.stakesSource));
  }
  if (d.context && d.context.length) {
    body.append(el('h3', {}, t('context_heading')));
    const ul = el('ul', { class: 'context', testid: 'territory-context' });
    d.context.forEach((c) => ul.append(el('li', { 'data-code': c.code }, c.text)));
    body.append(ul);
  }
  if (d.organisation && d.organisation.length) {
    body.append(el('h3', {}, t('organisation_heading')));
    const ul = el('ul', { class: 'organisation' });
    d.organisation.forEach((o) => ul.append(el('li', {}, o)));
    body.append(ul);
  }
  if (d.staff && d.ownDwellings > 0) {
    body.append(el('h3', {}, t('staff_heading')));
    body.append(staffList(d, d.staff, 'territory-staff'));
  }
  if (d.caretaking) renderCaretaking(body, d);
}

function staffList(d, s, testid) {
  const rows = [
    [t('staff_col_needed_site'), num(s.neededSiteFte, 1)],
    [t('staff_col_declared_site'), num(s.declaredSiteFte, 1)],
    [t('staff_col_needed_proximity'), num(s.neededProximityFte, 1)],
    [t('staff_col_declared_proximity'), num(s.declaredProximityFte, 1)],
    [t('staff_col_drive'), num(s.driveHoursPerWeek, 1)],
    [t('staff_col_gap'), num(s.gapFte, 1), { class: s.gapFte > 0.05 ? 'deficit' : '', 'data-gap': String(s.gapFte) }],
  ];
  if (s.unlocatedSiteFte > 0) rows.push([t('staff_col_unlocated'), num(s.unlocatedSiteFte, 1)]);
  const list = dl(rows);
  list.setAttribute('data-testid', testid);
  return list;
}

function renderCaretaking(body, d) {
  const c = d.caretaking;
  body.append(el('h3', {}, t('caretaking_heading')));
  const box = el('div', { class: 'caretaking', testid: 'territory-caretaking', 'data-status': c.status });
  box.append(el('p', { class: c.deficitFte > 0 ? 'deficit' : '' }, el('strong', {}, c.statusLabel),
    c.status === 'applies' ? ` — ${t('caretaking_col_required')} ${num(c.requiredFte, 2)}, ${t('caretaking_col_declared_total')} ${num(c.declaredFte, 2)}, ${t('caretaking_col_deficit')} ${num(c.deficitFte, 2)}` : '',
    c.status === 'to_check' ? ` — ${t('caretaking_col_dwellings')} ${num(c.toCheckDwellings)}` : '',
    c.status === 'not_assessable' ? ` — ${t('caretaking_col_dwellings')} ${num(c.notAssessableDwellings)}` : ''));
  if (c.ensembles && c.ensembles.length) {
    const head = el('tr', {}, ...['caretaking_col_ensemble', 'caretaking_col_landlord', 'caretaking_col_dwellings', 'caretaking_col_status',
      'caretaking_col_required', 'caretaking_col_declared', 'caretaking_col_cover', 'caretaking_col_deficit'].map((k) => el('th', {}, t(k))));
    const tb = el('tbody');
    c.ensembles.forEach((e) => tb.append(el('tr', { class: e.deficit ? 'deficit' : '', title: e.ground, 'data-own': String(e.own) },
      el('td', {}, e.id), el('td', {}, e.landlord), el('td', {}, num(e.dwellings)), el('td', {}, e.statusLabel),
      el('td', {}, num(e.requiredFte, 2)), el('td', {}, num(e.declaredFte, 2)), el('td', {}, num(e.agencyCoverFte, 2)), el('td', {}, num(e.deficitFte, 2)))));
    box.append(el('table', { class: 'ensembles' }, el('thead', {}, head), tb));
  }
  box.append(el('p', { class: 'muted' }, c.disclaimer));
  body.append(box);
}

export function renderAgencyPanel(title, body, d, ctx) {
  title.textContent = `${ctx.kindLabel(d.kind)} : ${d.name || d.id}`;
  body.innerHTML = '';
  body.dataset.kind = 'agency';
  body.dataset.id = d.id;
  const status = d.status || 'saved';
  body.append(dl([
    [t('map_panel_id'), d.id],
    [t('panel.kind'), ctx.kindLabel(d.kind)],
    [t('panel.status'), el('span', { class: `status ${status}` }, t(`status.${status}`))],
    [t('panel.landlord'), d.landlord],
    [t('panel.staff'), num(d.staff)],
    [t('panel.siteStaff'), num(d.siteStaff)],
    [t('panel.managed'), t('map_panel_managed_value', { estates: d.managedEstates, dwellings: d.managedDwellings })],
    [t('panel.perAgent'), d.dwellingsPerSiteAgent === null || d.dwellingsPerSiteAgent === undefined ? null : num(d.dwellingsPerSiteAgent)],
  ]));
  if (d.unsnappedReason) body.append(el('p', { class: 'error' }, d.unsnappedReason));
  if (d.management) {
    body.append(el('h3', {}, t('panel.management')));
    body.append(el('p', {}, d.management.description || t('map_panel_model', { model: d.management.model })));
  }
  if (d.perimeterLabel || d.perimeterModel) {
    body.append(el('h3', {}, t('panel.perimeter')));
    body.append(el('p', {}, d.perimeterLabel || t('map_panel_model', { model: d.perimeterModel })));
  }
  const plan = d.plan || {};
  if (plan.staff) {
    body.append(el('h3', {}, t('staff_heading')));
    body.append(staffList(plan, plan.staff, 'agency-staff'));
  }
  if (plan.flags && plan.flags.length) {
    body.append(el('h3', {}, t('staff_flags_heading')));
    const ul = el('ul', { class: 'flags', testid: 'agency-flags' });
    plan.flags.forEach((f) => ul.append(el('li', { class: 'deficit', 'data-code': f.code }, f.text)));
    body.append(ul);
  }
  body.append(el('h3', {}, t('panel.travelReview')));
  const tv = d.travel;
  const travel = el('div', { testid: 'agency-travel', class: 'agency-travel' });
  if (!tv) {
    travel.append(el('p', { class: 'muted' }, t('panel.noTravel')));
  } else {
    const m = (v) => (v === null || v === undefined ? null : t('map_panel_minutes_value', { minutes: v }));
    const rows = [
      [t('panel.managed'), t('map_panel_managed_value', { estates: tv.estateCount, dwellings: tv.dwellings })],
      [t('panel.meanMinutes'), m(tv.meanMinutes)],
      [t('panel.median'), m(tv.medianMinutes)],
      [t('panel.p90'), m(tv.p90Minutes)],
      [t('panel.max'), m(tv.maxMinutes)],
    ];
    // The review counts dwellings beyond each threshold (never estates): « Logements à plus de 20 min : 379 ».
    Object.entries(tv.beyond || {}).forEach(([k, v]) => rows.push([t('panel.beyond', { minutes: k }), num(v), { testid: `agency-beyond-${k}` }]));
    rows.push([t('panel.nearerOther'), num(tv.estatesNearerToAnotherAgency)]);
    rows.push([t('panel.unreachableEstates'), num(tv.unreachableEstates)]);
    if (tv.estimated) rows.push([t('panel.estimated'), t('panel.yes')]);
    travel.append(dl(rows));
  }
  body.append(travel);
  const actions = el('div', { class: 'row buttons' });
  const iso = el('button', { type: 'button' }, t('panel.showIso'));
  const isoHost = el('div', { class: 'iso-host' });
  iso.addEventListener('click', () => ctx.onIso(isoHost));
  const del = el('button', { type: 'button', class: 'danger' }, t('panel.deletePoint'));
  del.addEventListener('click', ctx.onRemove);
  actions.append(iso, del);
  body.append(actions, isoHost);
  return isoHost;
}
