// A study's definition as submitted, one row per field, the fields set to something other than
// their default marked. The defaults come from the service (the records that apply them), so the
// page never keeps its own copy.
import { h } from './dom.js';

/** Leaves of a JSON tree as [path, value]; arrays of plain values stay one leaf. */
function leaves(node, path = '') {
  if (node === null || node === undefined) return [];
  if (Array.isArray(node)) {
    if (node.every((x) => x === null || typeof x !== 'object')) return [[path, node]];
    return node.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  }
  if (typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, node]];
}

const show = (v) => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * Rows of the definition's set fields: path, value, the default where the field has one, and
 * whether the value differs from it.
 */
export function definitionRows(definition, defaults) {
  const known = new Map(leaves(defaults || {}));
  return leaves(definition).map(([path, value]) => {
    const has = known.has(path);
    const dflt = known.get(path);
    return { path, value, default: has ? dflt : undefined, differs: has && dflt !== value };
  });
}

export function definitionSection(definition, defaults) {
  if (!definition) return null;
  const rows = definitionRows(definition, defaults);
  const differing = rows.filter((r) => r.differs).length;
  return h('section', {}, h('h2', {}, 'Definition'),
    h('p', { class: 'muted' }, differing
      ? `${differing} field${differing === 1 ? '' : 's'} differ${differing === 1 ? 's' : ''} from the default, marked below; fields left out take their defaults.`
      : 'Every field with a default keeps it; fields left out take their defaults.'),
    h('div', { class: 'scroll' }, h('table', { id: 'definition-table' },
      h('caption', { class: 'muted', style: 'text-align:left' }, 'The definition as submitted'),
      h('thead', {}, h('tr', {}, ['Field', 'Value', 'Default'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', { class: r.differs ? 'differs' : null, 'data-field': r.path },
        h('th', { scope: 'row' }, r.path),
        h('td', {}, show(r.value), r.differs ? h('span', { class: 'badge' }, ' differs from default') : null),
        h('td', { class: 'muted' }, r.default === undefined ? '—' : show(r.default))))))));
}
