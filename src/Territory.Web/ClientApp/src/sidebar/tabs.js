// The tool tabs on the left (Couches, Filtres, Scénario, Import-Export…): a button
// `.tab[data-tab=NAME]` shows the section `#tab-NAME`.
export function activateTab(name) {
  document.querySelectorAll('.tab').forEach((b) => {
    const on = b.dataset.tab === name;
    b.classList.toggle('active', on);
    b.setAttribute('aria-selected', on ? 'true' : 'false');
  });
  document.querySelectorAll('.tab-panel').forEach((p) => { p.hidden = p.id !== `tab-${name}`; });
}

export function setupTabs() {
  document.querySelectorAll('.tab').forEach((b) => b.addEventListener('click', () => activateTab(b.dataset.tab)));
}
