// Submit a study, starting from one of the examples; the API's field errors are shown inline.
import { call, ApiError } from './api.js';
import { h, problemBox } from './dom.js';

export async function submitPage() {
  const names = (await (await fetch('/dashboard/examples.json')).json()).names;
  const chooser = h('select', { id: 'example' }, names.map((n) => h('option', { value: n }, n)));
  const text = h('textarea', { id: 'definition', rows: 22, spellcheck: 'false', 'aria-describedby': 'definition-help' });
  const out = h('div', { id: 'submit-result', role: 'status' });
  const load = async () => { text.value = await (await fetch(`/ui/examples/${encodeURIComponent(chooser.value)}`)).text(); };
  chooser.addEventListener('change', load);
  if (names.includes('demo-quick.json')) chooser.value = 'demo-quick.json';
  await load();
  const form = h('form', { id: 'submit-form', onsubmit: async (event) => {
    event.preventDefault();
    out.replaceChildren('Submitting…');
    let body;
    try { body = JSON.parse(text.value); } catch (e) {
      out.replaceChildren(h('div', { class: 'problem', role: 'alert' }, `Not JSON: ${e.message}`));
      return;
    }
    try {
      const study = await call('experiment', '/api/v1/studies', { method: 'POST', body });
      location.hash = `#/studies/${study.id}`;
    } catch (e) {
      out.replaceChildren(e instanceof ApiError ? problemBox(e) : String(e));
    }
  } },
  h('label', { for: 'example' }, 'Start from'), chooser,
  h('label', { for: 'definition' }, 'Study definition (JSON)'),
  h('p', { id: 'definition-help', class: 'muted' }, 'Fields are described in docs/api.md; every refused field is listed below the form.'),
  text, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Submit study')), out);
  return { title: 'Submit a study', element: h('section', {}, h('h1', {}, 'Submit a study'), form) };
}
