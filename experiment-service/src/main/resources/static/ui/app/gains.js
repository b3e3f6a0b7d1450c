// Dataset selection and mixture recommendation: the verified gain over random data, with intervals,
// and for a selection that sweeps sizes, the gain against the size.
import { get } from './api.js';
import { h, fmt, interval, table } from './dom.js';
import { chart, tip } from './charts.js';

function gainChart(entries) {
  const rows = entries.map((e) => ({ method: e.method, proxy: e.proxyScale, size: e.size ?? null, computeRatio: e.computeRatio,
    gain: e.gainOverRandom, low: e.ci95?.[0] ?? null, high: e.ci95?.[1] ?? null }));
  const x = { field: 'computeRatio', type: 'quantitative', scale: { type: 'log' }, title: 'compute saved by the proxy (log)' };
  const color = { field: 'method', type: 'nominal' };
  return chart('Gain over random data against compute saved', {
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#5a5a5a' }, data: { values: [{ zero: 0 }] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'errorbar', ticks: true }, encoding: { x, color, y: { field: 'low', type: 'quantitative', title: 'loss of random − loss of selected' }, y2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, size: 80 }, encoding: { x, color, y: { field: 'gain', type: 'quantitative' },
        tooltip: [{ field: 'method' }, { field: 'proxy' }, { field: 'size' }, tip('computeRatio', 'compute ratio'), tip('gain'), tip('low', '95% low'), tip('high', '95% high')] } },
    ],
  }, rows, { description: 'gain of each selection over random data of the same size, with 95% intervals; above 0 is better than random' });
}

/** A selection study that sweeps sizes: each method's gain against the selection's size. */
function sweepChart(entries) {
  const rows = entries.map((e) => ({ series: e.proxyScale ? `${e.method} (proxy ${e.proxyScale})` : e.method,
    size: e.size, gain: e.gainOverRandom, low: e.ci95?.[0] ?? null, high: e.ci95?.[1] ?? null }));
  // a sweep has a few sizes: a linear axis around them, padded so no point sits on its edge
  const x = { field: 'size', type: 'quantitative', scale: { zero: false, padding: 24 }, title: 'selection size (pool examples)' };
  const color = { field: 'series', type: 'nominal', title: 'selection' };
  return chart('Gain over random data against selection size', {
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#5a5a5a' }, data: { values: [{ zero: 0 }] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'errorbar', ticks: true }, encoding: { x, color, y: { field: 'low', type: 'quantitative', title: 'loss of random − loss of selected' }, y2: { field: 'high' } } },
      { mark: { type: 'line', point: { filled: true, size: 60 } }, encoding: { x, color, y: { field: 'gain', type: 'quantitative' },
        tooltip: [{ field: 'series', title: 'selection' }, { field: 'size' }, tip('gain'), tip('low', '95% low'), tip('high', '95% high')] } },
    ],
  }, rows, { description: 'gain of each selection over random data of the same size against the size, with 95% intervals; above 0 is better than random' });
}

export async function gainsPage(id, kind) {
  const r = await get('analysis', `/api/v1/studies/${id}/${kind}`);
  const entries = kind === 'mixture' ? r.verification.entries : r.entries;
  const title = kind === 'mixture' ? 'Mixture recommendation' : 'Dataset selection';
  const columns = [
    { label: 'Method', value: (e) => e.method },
    { label: 'Proxy', value: (e) => e.proxyScale },
    ...(kind === 'selection' ? [{ label: 'Size', num: true, value: (e) => e.size ?? null }] : []),
    { label: 'Compute ratio', num: true, value: (e) => e.computeRatio },
    { label: 'Predicted loss', num: true, value: (e) => e.predictedLoss ?? null },
    { label: 'Verified loss', num: true, value: (e) => e.verifiedLoss },
    { label: 'Random loss', num: true, value: (e) => e.randomLoss },
    { label: 'Gain', num: true, value: (e) => e.gainOverRandom },
    { label: 'interval', value: (e) => interval(e.ci95) },
    ...(kind === 'mixture' ? [{ label: 'Weights', value: (e) => Object.entries(e.weights || {}).map(([d, w]) => `${d} ${fmt(w, 2)}`).join(', ') }] : []),
  ];
  const resampled = (kind === 'mixture' ? r.verification.resampled : r.resampled) || [];
  return {
    title,
    element: h('section', {},
      h('p', {}, h('a', { href: `#/studies/${id}` }, '← study')),
      h('h1', {}, title),
      h('p', { class: 'muted' }, `Reference ${r.referenceScale ?? r.verification?.referenceScale} · intervals resample ${resampled.join(', ') || 'nothing'}`),
      table('Verified on the reference (positive gain: better than random)', columns, entries, { id: 'gains-table' }),
      h('div', { class: 'charts' }, gainChart(entries),
        kind === 'selection' && (r.sizes || []).length > 1 ? sweepChart(entries) : null)),
  };
}
