// Sign in with an API key. It is kept in this tab's sessionStorage until sign-out.
import { session, whoAmI, ApiError } from './api.js';
import { h } from './dom.js';

export function signInPage(done, notice) {
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, size: 50 });
  const message = h('p', { role: 'status', class: notice ? 'error' : null }, notice || '');
  const form = h('form', { id: 'sign-in', onsubmit: async (event) => {
    event.preventDefault();
    session.signIn(input.value.trim());
    try {
      await whoAmI();
      done();
    } catch (e) {
      session.signOut();
      message.className = 'error';
      message.textContent = e instanceof ApiError && e.status === 401
        ? 'This key is not known (or was revoked).' : `Sign-in failed: ${e.message}`;
    }
  } },
  h('label', { for: 'api-key' }, 'API key'), input, ' ', h('button', { type: 'submit' }, 'Sign in'), message);
  return h('section', {}, h('h1', {}, 'Sign in'),
    h('p', {}, 'Use the key that ./s2l up or ./s2l demo printed, or one an admin created for you.',
      ' It is kept in this tab only and sent as an Authorization header.'), form);
}
