// What "good" is: noise ceilings, the extrapolation baseline and the proxy metrics' decisions.
import { h, interval, table } from './dom.js';

export function extrasSection(result) {
  const ceilings = result.noiseCeiling || [];
  const extrapolation = result.extrapolation || [];
  const decisions = result.metricDecisions || [];
  const metrics = [...new Set(decisions.flatMap((d) => Object.keys(d.decisionAccuracy || {})))];
  return h('section', {},
    h('h2', {}, 'Noise ceiling'),
    ceilings.length
      ? table('The reference against itself: its first seeds against its last', [
        { label: 'Evaluation set', value: (c) => c.evalSet },
        { label: 'Half seeds', num: true, value: (c) => c.halfSeeds },
        { label: 'Pearson r', num: true, value: (c) => c.pearsonR },
        { label: 'r interval', value: (c) => interval(c.pearsonRCi95) },
        { label: 'R²', num: true, value: (c) => c.r2 },
        { label: 'R² interval', value: (c) => interval(c.r2Ci95) },
        { label: 'Spearman-Brown', num: true, value: (c) => c.spearmanBrown },
      ], ceilings, { id: 'ceiling-table' })
      : h('p', { class: 'muted' }, 'None: the study has a single seed.'),
    h('h2', {}, 'Extrapolation baseline'),
    extrapolation.length
      ? table('Each distribution\'s proxy losses fitted as E + A (C/C0)^-α and read at the reference\'s compute', [
        { label: 'Evaluation set', value: (x) => x.evalSet },
        { label: 'Decision accuracy', num: true, value: (x) => x.decisionAccuracy ?? null },
        { label: 'R²', num: true, value: (x) => x.r2 ?? null },
        { label: 'Mean abs. error', num: true, value: (x) => x.meanAbsoluteError ?? null },
        { label: 'Best single proxy', value: (x) => x.bestProxyScale ?? '—' },
        { label: 'its decision accuracy', num: true, value: (x) => x.bestProxyDecisionAccuracy ?? null },
        { label: 'Not fitted because', value: (x) => x.reason ?? '' },
      ], extrapolation, { id: 'extrapolation-table' })
      : h('p', { class: 'muted' }, 'Not in this result.'),
    h('h2', {}, 'Which proxy metric ranks data best'),
    decisions.length
      ? table('Decision accuracy of each proxy metric against the reference\'s ranking', [
        { label: 'Proxy', value: (d) => d.proxyScale },
        { label: 'Evaluation set', value: (d) => d.evalSet },
        { label: 'Target', value: (d) => d.target },
        ...metrics.map((m) => ({ label: m, num: true, value: (d) => d.decisionAccuracy?.[m] ?? null })),
        { label: 'Best', value: (d) => d.bestMetric ?? '—' },
      ], decisions, { id: 'metric-table' })
      : h('p', { class: 'muted' }, 'None: no evaluation set with answer scores.'));
}
