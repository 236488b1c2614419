// Who is signed in, beside the language switch: the name, the role and « Se déconnecter » (texts rendered by the
// server from its catalogue, in the page's language). Without sign-in (one person on this computer) nothing shows.
//
// Controls a role cannot use are not shown: any element marked data-role-min="planification" or
// data-role-min="administration" (in index.html or drawn later by any panel) shows only to that role or above. The rule
// lives here, once: a style sheet keyed on body[data-role], so controls drawn after sign-in follow it too. Without
// sign-in (data-role empty) the one local user sees everything. The server still answers 403: this only spares the click.
import { send } from './api.js';
import { getLang } from './i18n.js';
import { $ } from './state.js';

const ROLES = ['lecture', 'planification', 'administration'];

const roleStyle = document.createElement('style');
roleStyle.dataset.roleRules = '';
roleStyle.textContent = ROLES.flatMap((role, rank) => ROLES.slice(rank + 1)
  .map((above) => `body[data-role=${role}] [data-role-min=${above}]`)).join(',\n') + ' { display: none !important; }';
document.head.append(roleStyle);

/** True when the current user's role reaches `min` (always without sign-in). */
export function roleAllows(min) {
  const role = document.body.dataset.role || '';
  return role === '' || ROLES.indexOf(role) >= ROLES.indexOf(min);
}

export async function renderUser() {
  const res = await fetch(`api/auth/me?lang=${getLang()}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) return;
  const me = await res.json();
  document.body.dataset.user = me.signedIn ? me.name : '';
  document.body.dataset.role = me.signedIn ? (me.role || 'lecture') : '';
  $('user').hidden = !me.signedIn;
  if (!me.signedIn) return;
  $('user-name').textContent = me.label;
  $('sign-out').textContent = me.signOutLabel;
  if (me.notice) showNotice(me.notice, me.noticeCode);
}

// A notice for this user from the server (said once: their unsaved scenario let go while they were away), until closed.
function showNotice(text, code) {
  document.querySelector('[data-testid=session-notice]')?.remove();
  const box = document.createElement('div');
  box.className = 'notice session-notice';
  box.setAttribute('role', 'status');
  box.dataset.testid = 'session-notice';
  box.dataset.code = code || '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'icon';
  close.textContent = '×';
  close.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Close' : 'Fermer');
  close.addEventListener('click', () => box.remove());
  box.append(document.createTextNode(text + ' '), close);
  document.querySelector('.map-wrap').append(box);
}

export function setupUser() {
  $('sign-out').addEventListener('click', async () => {
    await send('POST', 'api/auth/logout');
    window.location.assign('connexion');
  });
}
