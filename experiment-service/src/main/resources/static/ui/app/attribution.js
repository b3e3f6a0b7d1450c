// Attribution: how well each scale's TRAK scores predict the reference's behaviour (LDS), and a
// target's most helpful and most harmful training examples.
import { get, blobUrl } from './api.js';
import { h, fmt, interval, table, problemBox } from './dom.js';
import { chart, tip } from './charts.js';

function ldsChart(result) {
  const rows = result.lds.map((s) => ({ scale: s.scale, computeRatio: s.computeRatio, lds: s.lds,
    low: s.ci95?.[0] ?? null, high: s.ci95?.[1] ?? null }));
  const x = { field: 'computeRatio', type: 'quantitative', scale: { type: 'log' }, title: 'compute saved (reference FLOPs / scale FLOPs, log)' };
  return chart('LDS against compute saved', {
    encoding: { x },
    layer: [
      { mark: { type: 'errorbar', ticks: true }, encoding: { y: { field: 'low', type: 'quantitative', title: 'linear datamodeling score' }, y2: { field: 'high' } } },
      { mark: { type: 'line', point: { size: 60, filled: true } }, encoding: { y: { field: 'lds', type: 'quantitative' },
        tooltip: [{ field: 'scale' }, tip('computeRatio', 'compute ratio'), tip('lds', 'LDS'), tip('low', '95% low'), tip('high', '95% high')] } },
    ],
  }, rows, { description: 'LDS of each scale against the compute it saves, with 95% intervals' });
}

async function examples(list, dataset) {
  return h('div', { class: 'images' }, await Promise.all(list.map(async (ex) => {
    let src = '';
    try { src = await blobUrl('analysis', ex.image); } catch { /* shown as its id */ }
    return h('figure', {}, h('img', { src, alt: `training image ${ex.id}, label ${ex.label}` }),
      h('figcaption', {}, ex.score === undefined || ex.score === null ? `${ex.id} (label ${ex.label})` : `${ex.id} · ${fmt(ex.score)}`));
  })));
}

const excerpts = (list) => table('', [
  { label: 'Document', value: (d) => d.id },
  { label: 'Score', num: true, value: (d) => d.score },
  { label: 'Excerpt', value: (d) => h('span', { class: 'excerpt' }, d.excerpt) },
], list);

function targetSection(id, result) {
  const scale = h('select', { id: 'target-scale' }, result.lds.map((s) => h('option', { value: s.scale }, s.scale)));
  scale.value = result.referenceScale;
  const target = h('input', { id: 'target-index', type: 'number', min: 0, max: result.targets - 1, value: 0 });
  const out = h('div', { id: 'target-examples' });
  const show = async () => {
    out.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const t = await get('analysis', `/api/v1/studies/${id}/attribution/targets/${target.value}?scale=${encodeURIComponent(scale.value)}&count=8`);
      if (t.documents) {
        out.replaceChildren(h('p', {}, h('strong', {}, `Target ${t.documents.targetId}: `), h('span', { class: 'excerpt' }, t.documents.targetExcerpt)),
          h('h3', {}, 'Most helpful'), excerpts(t.documents.helpful), h('h3', {}, 'Most harmful'), excerpts(t.documents.harmful));
      } else {
        out.replaceChildren(h('h3', {}, 'Target'), await examples([t.target]),
          h('h3', {}, 'Most helpful'), await examples(t.helpful), h('h3', {}, 'Most harmful'), await examples(t.harmful));
      }
    } catch (e) { out.replaceChildren(problemBox(e)); }
  };
  scale.addEventListener('change', show);
  target.addEventListener('change', show);
  show();
  return h('section', {}, h('h2', {}, 'One target\'s most helpful and harmful training examples'),
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: 'target-scale' }, 'Scale'), scale),
      h('div', {}, h('label', { for: 'target-index' }, `Target (0 to ${result.targets - 1})`), target)),
    out);
}

export async function attributionPage(id) {
  const r = await get('analysis', `/api/v1/studies/${id}/attribution`);
  return {
    title: 'Attribution',
    element: h('section', {},
      h('p', {}, h('a', { href: `#/studies/${id}` }, '← study')),
      h('h1', {}, 'Attribution'),
      h('p', { class: 'muted' }, `Reference ${r.referenceScale} · pool ${r.pool} · ${r.targets} targets · ground truth ${r.groundTruth?.subsets} subsets`),
      table('Per scale (95% intervals)', [
        { label: 'Scale', value: (s) => s.scale },
        { label: 'Compute ratio', num: true, value: (s) => s.computeRatio },
        { label: 'LDS', num: true, value: (s) => s.lds },
        { label: 'interval', value: (s) => interval(s.ci95) },
        { label: 'minus reference', num: true, value: (s) => s.pairedDifference ?? null },
        { label: 'interval', value: (s) => interval(s.pairedCi95) },
        { label: 'Order similarity', num: true, value: (s) => s.orderSimilarityToReference ?? null },
        { label: 'Models', num: true, value: (s) => s.models },
      ], r.lds, { id: 'lds-table' }),
      r.lasso ? h('p', {}, `LASSO datamodel: LDS ${fmt(r.lasso.lds)} ${interval(r.lasso.ci95)}`) : null,
      h('div', { class: 'charts' }, ldsChart(r)),
      targetSection(id, r)),
  };
}
