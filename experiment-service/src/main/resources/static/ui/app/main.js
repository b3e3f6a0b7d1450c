// The dashboard: a hash router over small page modules. Every page needs a signed-in key.
import { session, whoAmI, canSubmit, ApiError } from './api.js';
import { h, problemBox } from './dom.js';
import { signInPage } from './signin.js';
import { studiesPage } from './studies.js';
import { studyPage } from './study.js';
import { correlationPage } from './correlation.js';
import { attributionPage } from './attribution.js';
import { gainsPage } from './gains.js';
import { submitPage } from './submit.js';
import { importPage } from './import.js';

const main = document.getElementById('main');
let leave = null; // what the current page stops when left (a progress stream)
let latest = 0; // a render that a newer one overtook while it waited shows nothing

const routes = [
  [/^#\/studies$/, () => studiesPage()],
  [/^#\/studies\/([^/]+)$/, ([id], key) => studyPage(id, key)],
  [/^#\/studies\/([^/]+)\/correlation$/, ([id]) => correlationPage(id)],
  [/^#\/studies\/([^/]+)\/attribution$/, ([id]) => attributionPage(id)],
  [/^#\/studies\/([^/]+)\/(selection|mixture)$/, ([id, kind]) => gainsPage(id, kind)],
  [/^#\/submit$/, () => submitPage()],
  [/^#\/import$/, () => importPage()],
];

function header(key) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  nav.replaceChildren();
  who.replaceChildren();
  if (!key) return;
  nav.append(h('a', { href: '#/studies' }, 'Studies'));
  if (canSubmit(key)) nav.append(h('a', { href: '#/submit' }, 'Submit'), h('a', { href: '#/import' }, 'Import'));
  who.append(`${key.name} (${key.role}, owner ${key.owner}) `,
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => {
      session.signOut();
      go('#/signin');
    } }, 'Sign out'));
}

/** Goes to a page: a new hash renders through hashchange, the same one is rendered again. */
function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

async function render() {
  const mine = ++latest;
  if (leave) { leave(); leave = null; }
  const hash = location.hash || '#/studies';
  if (!session.key() || hash === '#/signin') {
    header(null);
    main.replaceChildren(signInPage(() => go('#/studies')));
    return;
  }
  let key;
  try {
    key = await whoAmI();
  } catch (e) {
    if (mine !== latest) return;
    if (e instanceof ApiError && e.status === 401) {
      session.signOut();
      header(null);
      main.replaceChildren(signInPage(() => go('#/studies'), 'That key is not valid (any more).'));
      return;
    }
    main.replaceChildren(problemBox(e));
    return;
  }
  if (mine !== latest) return;
  header(key);
  const route = routes.find(([re]) => re.test(hash));
  if (!route) { location.hash = '#/studies'; return; }
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const page = await route[1](hash.match(route[0]).slice(1).map(decodeURIComponent), key);
    if (mine !== latest) {
      if (page.leave) page.leave();
      return;
    }
    main.replaceChildren(page.element);
    performance.mark('s2l:page-shown'); // the load time the browser test reports
    leave = page.leave || null;
    document.title = `${page.title} · s2l`;
    main.focus();
  } catch (e) {
    if (mine === latest) main.replaceChildren(problemBox(e));
  }
}

window.addEventListener('hashchange', render);
render(); // a module runs once the document is parsed
