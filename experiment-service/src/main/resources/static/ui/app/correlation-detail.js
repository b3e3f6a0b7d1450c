// One (proxy, evaluation set): the reference's losses against the proxy's, and the per-example R².
import { h } from './dom.js';
import { chart, tip } from './charts.js';

function scatter(e) {
  const proxyNoise = e.seedNoise?.proxyNoise ?? null;
  const referenceNoise = e.seedNoise?.referenceNoise ?? null;
  const rows = e.distributionNames.map((name, i) => ({
    distribution: name, proxyLoss: e.proxyLosses[i], referenceLoss: e.referenceLosses[i],
    proxyLow: proxyNoise === null ? null : e.proxyLosses[i] - proxyNoise,
    proxyHigh: proxyNoise === null ? null : e.proxyLosses[i] + proxyNoise,
    referenceLow: referenceNoise === null ? null : e.referenceLosses[i] - referenceNoise,
    referenceHigh: referenceNoise === null ? null : e.referenceLosses[i] + referenceNoise,
  }));
  // the fitted line over the proxy's range; y = x over the range of both, for scale
  const fit = (x) => (e.slope === null ? null : e.slope * x + e.intercept);
  const px = [Math.min(...e.proxyLosses), Math.max(...e.proxyLosses)];
  const all = [...e.proxyLosses, ...e.referenceLosses];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const lines = [
    { line: 'fitted', x: px[0], y: fit(px[0]) }, { line: 'fitted', x: px[1], y: fit(px[1]) },
    { line: 'y = x', x: lo, y: lo }, { line: 'y = x', x: hi, y: hi },
  ].filter((r) => r.y !== null);
  // the axes span the points (and their bars); y = x is clipped to them, shown where it crosses
  const domain = (values, noise) => {
    const a = Math.min(...values) - (noise ?? 0);
    const b = Math.max(...values) + (noise ?? 0);
    const pad = (b - a) * 0.08 || 0.01;
    return [a - pad, b + pad];
  };
  const scale = (values, noise) => ({ domain: domain(values, noise), nice: false, zero: false });
  const x = { field: 'proxyLoss', type: 'quantitative', scale: scale(e.proxyLosses, proxyNoise), title: `${e.proxyScale} mean loss (nats)` };
  const y = { field: 'referenceLoss', type: 'quantitative', scale: scale(e.referenceLosses, referenceNoise), title: `${e.referenceScale} mean loss (nats)` };
  const layers = [
    { data: { values: lines }, mark: { type: 'line', strokeWidth: 1.5, clip: true },
      encoding: { x: { field: 'x', type: 'quantitative', scale: x.scale }, y: { field: 'y', type: 'quantitative', scale: y.scale },
        strokeDash: { field: 'line', type: 'nominal', title: null, scale: { domain: ['fitted', 'y = x'], range: [[1, 0], [4, 3]] } },
        color: { value: '#5a5a5a' } } },
  ];
  if (proxyNoise !== null) {
    layers.push({ mark: { type: 'rule', color: '#56B4E9' }, encoding: { x: { field: 'proxyLow', type: 'quantitative' }, x2: { field: 'proxyHigh' }, y } });
    layers.push({ mark: { type: 'rule', color: '#56B4E9' }, encoding: { x, y: { field: 'referenceLow', type: 'quantitative' }, y2: { field: 'referenceHigh' } } });
  }
  layers.push({ mark: { type: 'point', filled: true, size: 70, color: '#0072B2' },
    encoding: { x, y, tooltip: [{ field: 'distribution' }, tip('proxyLoss', 'proxy loss', '.4~f'), tip('referenceLoss', 'reference loss', '.4~f')] } });
  return chart(`Reference against proxy ${e.proxyScale}, ${e.evalSet}`, { layer: layers }, rows, {
    description: 'one point per distribution, the fitted line, y = x and, with several seeds, ± one seed standard deviation as bars' });
}

function histogram(e) {
  const p = e.perExample;
  if (!p?.histogram) return h('p', { class: 'muted' }, 'No per-example R² for this pair.');
  const rows = p.histogram.counts.map((count, i) => ({ from: p.histogram.edges[i], to: p.histogram.edges[i + 1], examples: count }));
  return chart(`Per-example R², ${e.proxyScale}, ${e.evalSet}`, {
    layer: [
      { mark: { type: 'bar', color: '#009E73' }, encoding: {
        x: { field: 'from', type: 'quantitative', bin: { binned: true }, title: 'R² of one example across distributions' },
        x2: { field: 'to' }, y: { field: 'examples', type: 'quantitative', title: 'examples' },
        tooltip: [tip('from', 'from'), tip('to', 'to'), { field: 'examples', type: 'quantitative' }] } },
      ...(p.nullMeanR2 !== undefined && p.nullMeanR2 !== null
        ? [{ data: { values: [{ nullMean: p.nullMeanR2 }] }, mark: { type: 'rule', color: '#D55E00', strokeDash: [4, 3] },
          encoding: { x: { field: 'nullMean', type: 'quantitative' }, tooltip: [tip('nullMean', 'mean R² with no relation')] } }]
        : []),
    ],
  }, rows, { description: `histogram of per-example R²; mean ${p.mean}; the dashed line is the mean with no relation` });
}

/** A chooser of proxy and evaluation set with the scatter and the histogram of the chosen pair. */
export function detailSection(entries) {
  if (!entries.length) return null;
  const proxies = [...new Set(entries.map((e) => e.proxyScale))];
  const sets = [...new Set(entries.map((e) => e.evalSet))];
  const proxy = h('select', { id: 'detail-proxy' }, proxies.map((p) => h('option', { value: p }, p)));
  const set = h('select', { id: 'detail-set' }, sets.map((s) => h('option', { value: s }, s)));
  const charts = h('div', { class: 'charts', id: 'detail-charts' });
  const show = () => {
    const e = entries.find((x) => x.proxyScale === proxy.value && x.evalSet === set.value);
    charts.replaceChildren(...(e ? [scatter(e), histogram(e)] : [h('p', {}, 'No result for this pair.')]));
  };
  proxy.addEventListener('change', show);
  set.addEventListener('change', show);
  show();
  return h('section', {}, h('h2', {}, 'One proxy on one evaluation set'),
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: 'detail-proxy' }, 'Proxy'), proxy),
      h('div', {}, h('label', { for: 'detail-set' }, 'Evaluation set'), set)),
    charts);
}
