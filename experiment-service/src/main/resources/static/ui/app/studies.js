// The studies the key may see, newest first, a page at a time. Every filter is the API's: the
// service filters all studies, not just the page shown.
import { get, whoAmI } from './api.js';
import { h, table, problemBox } from './dom.js';

const STATUSES = ['', 'QUEUED', 'TRAINING', 'ANALYZING', 'COMPLETED', 'FAILED', 'CANCELLED'];
const KINDS = ['', 'scale-correlation', 'attribution', 'selection', 'mixture'];
const SIZE = 20;
const options = (values) => values.map((s) => h('option', { value: s }, s || 'any'));

export const family = (s) => [...new Set((s.plan?.scales || []).map((x) => x.family || 'lm'))].join(', ');

/** A date input's day as the instant it starts (UTC), or null when empty. */
const dayStart = (input) => (input.value ? new Date(`${input.value}T00:00:00Z`).toISOString() : null);

export async function studiesPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const admin = (await whoAmI()).role === 'ADMIN';
  let page = 0;
  let asked = 0; // an answer to an older request than the newest shows nothing
  const filters = {
    name: h('input', { id: 'filter-name', type: 'search', maxlength: 200 }),
    status: h('select', { id: 'filter-status' }, options(STATUSES)),
    kind: h('select', { id: 'filter-kind' }, options(KINDS)),
    owner: admin ? h('input', { id: 'filter-owner', type: 'search', maxlength: 100 }) : null,
    since: h('input', { id: 'filter-since', type: 'date' }),
    until: h('input', { id: 'filter-until', type: 'date' }),
  };
  filters.status.value = params.get('status') || '';
  const list = h('div', { id: 'studies', 'aria-live': 'polite' });
  const pager = h('div', { class: 'actions' });

  const query = (p) => {
    const q = new URLSearchParams({ page: p, size: SIZE });
    const add = (name, value) => { if (value) q.set(name, value); };
    add('name', filters.name.value.trim());
    add('status', filters.status.value);
    add('kind', filters.kind.value);
    if (filters.owner) add('owner', filters.owner.value.trim());
    add('submittedAfter', dayStart(filters.since));
    // "until" includes its whole day: before the next day starts
    add('submittedBefore', filters.until.value
      ? new Date(Date.parse(`${filters.until.value}T00:00:00Z`) + 864e5).toISOString() : null);
    return q;
  };
  const show = (loaded) => {
    const first = loaded.total ? page * SIZE + 1 : 0;
    list.replaceChildren(table(`Studies ${first}–${page * SIZE + loaded.items.length} of ${loaded.total}`, [
      { label: 'Name', value: (s) => h('a', { href: `#/studies/${s.id}` }, s.name) },
      { label: 'Status', value: (s) => h('span', { 'data-status': s.status }, s.status) },
      { label: 'Kind', value: (s) => s.kind || '—' },
      { label: 'Owner', value: (s) => s.owner || '—' },
      { label: 'Progress', value: (s) => h('span', {}, h('progress', { max: 1, value: s.progress.fraction, 'aria-label': `progress of ${s.name}` }),
        ` ${s.progress.jobsDone}/${s.progress.jobsTotal}`) },
      { label: 'Models', value: (s) => family(s) },
      { label: 'Reference', value: (s) => s.referenceScale || '—' },
      { label: 'Submitted', value: (s) => (s.createdAt ? new Date(s.createdAt).toLocaleString() : '—') },
    ], loaded.items, { id: 'studies-table', 'data-query': query(page).toString() }));
    pager.replaceChildren(
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => load(page - 1) }, 'Newer'),
      h('button', { type: 'button', class: 'secondary', disabled: (page + 1) * SIZE >= loaded.total, onclick: () => load(page + 1) }, 'Older'));
  };
  const load = async (p) => {
    const mine = ++asked;
    try {
      const loaded = await get('experiment', `/api/v1/studies?${query(p)}`);
      if (mine !== asked) return;
      page = p;
      show(loaded);
    } catch (e) {
      if (mine === asked) list.replaceChildren(problemBox(e));
    }
  };
  Object.values(filters).filter(Boolean)
    .forEach((f) => f.addEventListener(f.tagName === 'SELECT' ? 'change' : 'input', () => load(0)));
  await load(0);
  const label = (id, text) => h('label', { for: id }, text);
  return {
    title: 'Studies',
    element: h('section', {}, h('h1', {}, 'Studies'),
      h('div', { class: 'filters', role: 'search' },
        h('div', {}, label('filter-name', 'Name contains'), filters.name),
        h('div', {}, label('filter-status', 'Status'), filters.status),
        h('div', {}, label('filter-kind', 'Kind'), filters.kind),
        filters.owner ? h('div', {}, label('filter-owner', 'Owner'), filters.owner) : null,
        h('div', {}, label('filter-since', 'Submitted from (UTC day)'), filters.since),
        h('div', {}, label('filter-until', 'Submitted until (UTC day)'), filters.until)),
      list, pager),
  };
}
