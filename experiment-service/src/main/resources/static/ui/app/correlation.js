// The scale-correlation result: does each proxy rank the distributions as the reference does?
import { find } from './api.js';
import { h, fmt, interval, table } from './dom.js';
import { chart, tip } from './charts.js';
import { detailSection } from './correlation-detail.js';
import { extrasSection } from './correlation-extras.js';

/** Per proxy, cheapest first: compute ratio and the mean and minimum over evaluation sets. */
export function summarise(entries) {
  const byProxy = new Map();
  for (const e of entries) {
    if (!byProxy.has(e.proxyScale)) byProxy.set(e.proxyScale, []);
    byProxy.get(e.proxyScale).push(e);
  }
  const mean = (xs) => { const d = xs.filter((x) => x !== null); return d.length ? d.reduce((a, b) => a + b, 0) / d.length : null; };
  const min = (xs) => { const d = xs.filter((x) => x !== null); return d.length ? Math.min(...d) : null; };
  return [...byProxy.entries()].map(([proxy, es]) => ({
    proxy, computeRatio: es[0].computeRatio,
    meanR2: mean(es.map((e) => e.r2)), minR2: min(es.map((e) => e.r2)),
    meanSpearman: mean(es.map((e) => e.spearman)), meanDecisionAccuracy: mean(es.map((e) => e.decisionAccuracy)),
  })).sort((a, b) => b.computeRatio - a.computeRatio);
}

function recommendation(r) {
  if (!r) return null;
  return h('div', { class: 'card recommend', id: 'recommendation' },
    h('h2', { style: 'margin-top:0' }, 'Recommendation'),
    r.recommendedScale
      ? h('p', {}, 'Use proxy ', h('strong', { id: 'recommended-scale' }, r.recommendedScale),
        `: the cheapest whose lower 95% bound on ${r.metric} reaches ${fmt(r.threshold)} on every evaluation set.`)
      : h('p', {}, h('strong', { id: 'recommended-scale' }, 'No proxy is recommended'), r.reason ? `: ${r.reason}` : '.'),
    table('Frontier, cheapest proxy first', [
      { label: 'Proxy', value: (f) => f.proxyScale },
      { label: 'Compute ratio', num: true, value: (f) => f.computeRatio },
      { label: `Mean ${r.metric}`, num: true, value: (f) => f.meanValue },
      { label: 'Lowest lower bound', num: true, value: (f) => f.minLowerBound },
      { label: 'Clears', value: (f) => (f.clears ? 'yes' : 'no') },
    ], r.frontier || []));
}

function versusCompute(entries, stat, label) {
  const rows = entries.map((e) => ({
    proxy: e.proxyScale, evalSet: e.evalSet, computeRatio: e.computeRatio,
    value: e[stat], low: e.ci95?.[stat]?.[0] ?? null, high: e.ci95?.[stat]?.[1] ?? null,
  })).filter((r) => r.value !== null);
  const x = { field: 'computeRatio', type: 'quantitative', scale: { type: 'log' }, title: 'compute saved (reference FLOPs / proxy FLOPs, log)' };
  const color = { field: 'evalSet', type: 'nominal', title: 'evaluation set' };
  const tooltip = [{ field: 'proxy' }, { field: 'evalSet' }, tip('computeRatio', 'compute ratio'), tip('value', label), tip('low', '95% low'), tip('high', '95% high')];
  return chart(`${label} against compute saved`, {
    encoding: { x, color },
    layer: [
      { mark: { type: 'errorband', opacity: 0.25 }, encoding: { y: { field: 'low', type: 'quantitative', title: label }, y2: { field: 'high' } } },
      { mark: { type: 'line', point: { size: 50, filled: true } }, encoding: { y: { field: 'value', type: 'quantitative', title: label }, tooltip } },
    ],
  }, rows, { description: `${label} of each proxy against the compute it saves, one line per evaluation set, 95% intervals as bands` });
}

/** Until the analysis is stored (a fresh import, a running study) the page looks again every 2 s. */
function waiting(id) {
  const timer = setTimeout(() => window.dispatchEvent(new HashChangeEvent('hashchange')), 2000);
  return {
    title: 'Scale correlation',
    leave: () => clearTimeout(timer),
    element: h('section', {}, h('p', {}, h('a', { href: `#/studies/${id}` }, '← study')),
      h('h1', {}, 'Scale correlation'), h('p', { id: 'not-ready', role: 'status' }, 'No result yet: the analysis is queued or running. This page looks again every 2 seconds.')),
  };
}

export async function correlationPage(id) {
  const result = await find('analysis', `/api/v1/studies/${id}/scale-correlation`);
  if (!result) return waiting(id);
  const entries = result.entries || [];
  const summary = summarise(entries);
  const accuracy = entries.filter((e) => e.proxyAccuracy !== undefined && e.proxyAccuracy !== null);
  return {
    title: 'Scale correlation',
    element: h('section', {},
      h('p', {}, h('a', { href: `#/studies/${id}` }, '← study')),
      h('h1', {}, 'Scale correlation'),
      h('p', { class: 'muted' }, `Reference ${result.referenceScale} · version ${result.version ?? '—'} · computed ${result.computedAt ? new Date(result.computedAt).toLocaleString() : '—'}`
        + ` · ${result.options.resamples} bootstrap resamples, seed ${result.options.seed}`),
      recommendation(result.recommendation),
      h('h2', {}, 'Summary'),
      table('Per proxy, over its evaluation sets', [
        { label: 'Proxy', value: (s) => s.proxy },
        { label: 'Compute ratio', num: true, value: (s) => s.computeRatio },
        { label: 'Mean R²', num: true, value: (s) => s.meanR2 },
        { label: 'Min R²', num: true, value: (s) => s.minR2 },
        { label: 'Mean Spearman', num: true, value: (s) => s.meanSpearman },
        { label: 'Mean decision accuracy', num: true, value: (s) => s.meanDecisionAccuracy },
      ], summary, { id: 'summary-table' }),
      table('Per proxy and evaluation set (95% bootstrap intervals)', [
        { label: 'Proxy', value: (e) => e.proxyScale },
        { label: 'Evaluation set', value: (e) => e.evalSet },
        { label: 'K', num: true, value: (e) => e.distributions },
        { label: 'Pearson r', num: true, value: (e) => e.pearsonR },
        { label: 'R²', num: true, value: (e) => e.r2 },
        { label: 'R² interval', value: (e) => interval(e.ci95?.r2) },
        { label: 'Spearman', num: true, value: (e) => e.spearman },
        { label: 'Kendall', num: true, value: (e) => e.kendall },
        { label: 'Decision accuracy', num: true, value: (e) => e.decisionAccuracy },
        { label: 'DA interval', value: (e) => interval(e.ci95?.decisionAccuracy) },
        { label: 'p (DA)', num: true, value: (e) => e.permutation?.decisionAccuracy ?? null },
        { label: 'of ceiling', num: true, value: (e) => e.fractionOfCeiling ?? null },
      ], entries, { id: 'entries-table' }),
      h('h2', {}, 'Against compute'),
      h('div', { class: 'charts' }, versusCompute(entries, 'r2', 'R²'), versusCompute(entries, 'decisionAccuracy', 'decision accuracy')),
      detailSection(entries),
      accuracy.length ? accuracySection(accuracy) : null,
      extrasSection(result)),
  };
}

function accuracySection(entries) {
  const rows = entries.map((e) => ({ proxy: e.proxyScale, evalSet: e.evalSet, proxyAccuracy: e.proxyAccuracy,
    referenceAccuracy: e.referenceAccuracy, chance: e.chance, aboveChance: e.proxyAccuracy - e.chance, pearsonR: e.pearsonR }));
  return h('section', {}, h('h2', {}, 'Accuracy against chance'),
    h('p', { class: 'muted' }, 'A proxy near chance accuracy can still rank data well by loss: its correlation is what counts.'),
    h('div', { class: 'charts' }, chart('Proxy accuracy above chance against Pearson r', {
      mark: { type: 'point', filled: true, size: 80 },
      encoding: {
        x: { field: 'aboveChance', type: 'quantitative', title: 'proxy accuracy − chance' },
        y: { field: 'pearsonR', type: 'quantitative', title: 'Pearson r with the reference' },
        color: { field: 'evalSet', type: 'nominal', title: 'evaluation set' },
        shape: { field: 'proxy', type: 'nominal', title: 'proxy' },
        tooltip: [{ field: 'proxy' }, { field: 'evalSet' }, tip('proxyAccuracy', 'proxy accuracy'), tip('referenceAccuracy', 'reference accuracy'), tip('chance'), tip('pearsonR', 'Pearson r')],
      },
    }, rows)));
}
