// Small helpers to build the page without a framework.

/** h('a', {href: '#/x'}, 'text', child): an element with attributes, listeners (on*) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** A number as people read it: 3 significant digits, large and small ones in exponent form. */
export function fmt(x, digits = 3) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(digits - 1);
  return x.toPrecision(digits).replace(/\.?0+$/, '');
}

export const interval = (ci) => (ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : '—');

/**
 * A table: columns are {label, value: row => content, num?}; a caption names it for screen
 * readers. Wrapped so that it scrolls sideways on a phone.
 */
export function table(caption, columns, rows, attrs = {}) {
  return h('div', { class: 'scroll' },
    h('table', attrs,
      h('caption', { class: 'muted', style: 'text-align:left' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => {
        const v = c.value(r);
        return h('td', { class: c.num ? 'num' : null }, c.num ? fmt(v) : v);
      }))))));
}

/** A problem+json error, with its field errors (studies) or row errors (imports) listed. */
export function problemBox(error) {
  const p = error.problem || {};
  const rows = (p.errors || []).map((e) => h('li', { class: 'field-error' },
    e.row !== undefined ? `row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.reason}` : `${e.field}: ${e.reason}`));
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, `${error.status || ''} ${p.title || 'Error'}`), h('div', {}, error.message),
    rows.length ? h('ul', {}, rows) : null,
    p.errorCount > rows.length ? h('div', {}, `${p.errorCount} errors in all`) : null);
}

/** Starts a download of text as a file. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rows of objects as RFC 4180 CSV, columns in the first row's key order. */
export function csv(rows) {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]);
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
