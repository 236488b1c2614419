// Who is signed in, beside the language switch: the name, the role and « Se déconnecter » (texts rendered by the
// server from its catalogue, in the page's language). Without sign-in (one person on this computer) nothing shows.
import { send } from './api.js';
import { getLang } from './i18n.js';
import { $ } from './state.js';

export async function renderUser() {
  const res = await fetch(`api/auth/me?lang=${getLang()}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) return;
  const me = await res.json();
  document.body.dataset.user = me.signedIn ? me.name : '';
  document.body.dataset.role = me.role || '';
  $('user').hidden = !me.signedIn;
  if (!me.signedIn) return;
  $('user-name').textContent = me.label;
  $('sign-out').textContent = me.signOutLabel;
}

export function setupUser() {
  $('sign-out').addEventListener('click', async () => {
    await send('POST', 'api/auth/logout');
    window.location.assign('connexion');
  });
}
