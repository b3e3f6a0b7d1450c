// The studies the key may see, newest first, a page at a time, filtered on the page shown.
import { get } from './api.js';
import { h, table } from './dom.js';

const STATUSES = ['', 'QUEUED', 'TRAINING', 'ANALYZING', 'COMPLETED', 'FAILED', 'CANCELLED'];
const SIZE = 20;

export const family = (s) => [...new Set((s.plan?.scales || []).map((x) => x.family || 'lm'))].join(', ');

export async function studiesPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  let page = 0;
  const filters = {
    name: h('input', { id: 'filter-name', type: 'search' }),
    status: h('select', { id: 'filter-status' }, STATUSES.map((s) => h('option', { value: s }, s || 'any'))),
    family: h('select', { id: 'filter-family' }, ['', 'lm', 'mlp', 'cnn'].map((s) => h('option', { value: s }, s || 'any'))),
    progress: h('input', { id: 'filter-progress', type: 'number', min: 0, max: 100, step: 10, value: 0 }),
    since: h('input', { id: 'filter-since', type: 'date' }),
  };
  filters.status.value = params.get('status') || '';
  const list = h('div', { id: 'studies' });
  const pager = h('div', { class: 'actions' });
  let loaded = { items: [], total: 0 };

  const show = () => {
    const name = filters.name.value.trim().toLowerCase();
    const since = filters.since.value ? new Date(filters.since.value) : null;
    const rows = loaded.items.filter((s) =>
      (!name || s.name.toLowerCase().includes(name))
      && (!filters.status.value || s.status === filters.status.value)
      && (!filters.family.value || family(s).includes(filters.family.value))
      && s.progress.fraction * 100 >= Number(filters.progress.value || 0)
      && (!since || new Date(s.createdAt) >= since));
    list.replaceChildren(table(`Studies ${page * SIZE + 1}–${page * SIZE + loaded.items.length} of ${loaded.total}`
      + (rows.length < loaded.items.length ? ` (${rows.length} match the filters)` : ''), [
      { label: 'Name', value: (s) => h('a', { href: `#/studies/${s.id}` }, s.name) },
      { label: 'Status', value: (s) => h('span', { 'data-status': s.status }, s.status) },
      { label: 'Progress', value: (s) => h('span', {}, h('progress', { max: 1, value: s.progress.fraction, 'aria-label': `progress of ${s.name}` }),
        ` ${s.progress.jobsDone}/${s.progress.jobsTotal}`) },
      { label: 'Models', value: (s) => family(s) },
      { label: 'Reference', value: (s) => s.referenceScale || '—' },
      { label: 'Submitted', value: (s) => (s.createdAt ? new Date(s.createdAt).toLocaleString() : '—') },
    ], rows, { id: 'studies-table' }));
    pager.replaceChildren(
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => load(page - 1) }, 'Newer'),
      h('button', { type: 'button', class: 'secondary', disabled: (page + 1) * SIZE >= loaded.total, onclick: () => load(page + 1) }, 'Older'));
  };
  const load = async (p) => {
    page = p;
    loaded = await get('experiment', `/api/v1/studies?page=${p}&size=${SIZE}`);
    show();
  };
  Object.values(filters).forEach((f) => f.addEventListener('input', show));
  await load(0);
  const label = (id, text) => h('label', { for: id }, text);
  return {
    title: 'Studies',
    element: h('section', {}, h('h1', {}, 'Studies'),
      h('div', { class: 'filters', role: 'search' },
        h('div', {}, label('filter-name', 'Name'), filters.name),
        h('div', {}, label('filter-status', 'Status'), filters.status),
        h('div', {}, label('filter-family', 'Models'), filters.family),
        h('div', {}, label('filter-progress', 'Progress at least (%)'), filters.progress),
        h('div', {}, label('filter-since', 'Submitted since'), filters.since)),
      list, pager),
  };
}
