// Import per-example losses trained elsewhere (CSV); refused rows are listed with their reason.
import { call, ApiError } from './api.js';
import { h, problemBox } from './dom.js';

export async function importPage() {
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv', required: true });
  const reference = h('input', { id: 'import-reference', type: 'text', required: true, placeholder: 'e.g. 1B' });
  const out = h('div', { id: 'import-result', role: 'status' });
  const form = h('form', { id: 'import-form', onsubmit: async (event) => {
    event.preventDefault();
    if (!file.files.length) return;
    out.replaceChildren('Uploading…');
    try {
      const receipt = await call('analysis', `/api/v1/imports?reference=${encodeURIComponent(reference.value.trim())}`,
        { method: 'POST', body: file.files[0], type: 'text/csv' });
      out.replaceChildren(h('p', { class: 'ok' }, 'Imported; the analysis is queued. '),
        h('a', { id: 'import-link', href: `#/studies/${receipt.id}/correlation` }, 'See its scale correlation'));
    } catch (e) {
      out.replaceChildren(e instanceof ApiError ? problemBox(e) : String(e));
    }
  } },
  h('label', { for: 'import-file' }, 'CSV file'), file,
  h('label', { for: 'import-reference' }, 'Reference scale'), reference,
  h('p', { class: 'muted' }, 'Header: scale,params,tokens,distribution,seed,evalSet,exampleId,loss (docs/api.md has the optional columns).'),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Import')), out);
  return { title: 'Import results', element: h('section', {}, h('h1', {}, 'Import results'), form) };
}
