// One study: its plan and definition, live progress, cancel, its results and a re-run of its
// analysis.
import { get, find, call, follow, canSubmit, dashboardConfig, ApiError } from './api.js';
import { h, fmt, table, problemBox } from './dom.js';
import { definitionSection } from './definition.js';

const FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED'];
const RESULTS = [
  ['correlation', 'scale-correlation', 'Scale correlation'],
  ['attribution', 'attribution', 'Attribution'],
  ['selection', 'selection', 'Dataset selection'],
  ['mixture', 'mixture', 'Mixture recommendation'],
];

function planSection(plan) {
  if (!plan) return null;
  const scales = plan.scales || [];
  const keys = [...new Set(scales.flatMap((s) => Object.keys(s)))].filter((k) => k !== 'options');
  return h('section', {}, h('h2', {}, 'Plan'),
    table('Scales (the reference is compared with each proxy)', keys.map((k) => ({
      label: k, num: k !== 'name' && k !== 'family' && k !== 'trainer',
      value: (s) => (typeof s[k] === 'object' && s[k] !== null ? JSON.stringify(s[k]) : s[k] ?? '—') }))
      , scales),
    table('Distributions', [
      { label: 'Name', value: (d) => d.name },
      { label: 'Mixture or subset', value: (d) => (d.weights
        ? Object.entries(d.weights).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')
        : `${(d.subset || []).length} examples`) },
    ], plan.distributions || []),
    h('p', {}, h('strong', {}, 'Evaluation sets: '), (plan.evalSets || []).join(', ') || '—'),
    h('p', {}, h('strong', {}, 'Seeds: '), (plan.seeds || []).join(', ')));
}

function rerunForm(id) {
  const metric = h('select', { id: 'rerun-metric' }, ['decisionAccuracy', 'r2'].map((m) => h('option', { value: m }, m)));
  const threshold = h('input', { id: 'rerun-threshold', type: 'number', step: '0.05', min: '0.05', max: '1', value: '0.8' });
  const minK = h('input', { id: 'rerun-min', type: 'number', step: '1', min: '3', max: '1000', value: '6' });
  const out = h('div', { role: 'status' });
  const form = h('form', { id: 'rerun', onsubmit: async (event) => {
    event.preventDefault();
    out.replaceChildren('Queueing…');
    try {
      const body = { metric: metric.value, threshold: Number(threshold.value), minDistributions: Number(minK.value) };
      const queued = await call('analysis', `/api/v1/studies/${id}/analyses`, { method: 'POST', body });
      out.replaceChildren(h('span', { class: 'ok' }, `Analysis queued (job ${queued.job}). `),
        h('a', { href: `#/studies/${id}/correlation` }, 'See the scale correlation'));
    } catch (e) { out.replaceChildren(problemBox(e)); }
  } },
  h('div', { class: 'filters' },
    h('div', {}, h('label', { for: 'rerun-metric' }, 'Metric'), metric),
    h('div', {}, h('label', { for: 'rerun-threshold' }, 'Threshold'), threshold),
    h('div', {}, h('label', { for: 'rerun-min' }, 'Minimum distributions'), minK),
    h('div', {}, h('button', { type: 'submit' }, 'Re-run analysis'))), out);
  return h('section', {}, h('h2', {}, 'Re-run the analysis'),
    h('p', { class: 'muted' }, 'The same runs, another recommendation rule: the result gets a new version.'), form);
}

/** An import has results but no study on the experiment service. */
async function importedPage(id) {
  if (!(await find('analysis', `/api/v1/studies/${id}/analyses?size=1`))) return null;
  return {
    title: 'Imported results',
    element: h('section', {}, h('h1', {}, 'Imported results'),
      h('p', {}, 'These results were imported, not trained here: there is no plan or progress to show. ',
        h('a', { href: `#/studies/${id}/correlation` }, 'See the scale correlation'), '.')),
  };
}

export async function studyPage(id, key) {
  let study;
  try {
    study = await get('experiment', `/api/v1/studies/${id}`);
  } catch (e) {
    const imported = e instanceof ApiError && e.status === 404 ? await importedPage(id) : null;
    if (imported) return imported;
    throw e;
  }
  const { studyDefaults } = await dashboardConfig();
  const status = h('strong', { id: 'study-status' });
  const bar = h('progress', { id: 'study-progress', class: 'progress', max: 1, 'aria-label': 'training progress' });
  const counts = h('span', { id: 'study-counts' });
  const failure = h('p', { class: 'error', id: 'study-failure' });
  const results = h('ul', { id: 'results' }, h('li', { class: 'muted' }, 'The results appear here once the study completes.'));
  const cancelArea = h('div', {});
  let shownResults = false;

  const showResults = async (s) => {
    if (shownResults || s.status !== 'COMPLETED') return;
    shownResults = true;
    const found = await Promise.all(RESULTS.map(([, path]) => find('analysis', `/api/v1/studies/${id}/${path}`)));
    results.replaceChildren(...RESULTS.filter((_, i) => found[i]).map(([page, , label]) =>
      h('li', {}, h('a', { href: `#/studies/${id}/${page}` }, label))));
    if (found[0] && canSubmit(key)) results.after(rerunForm(id));
  };
  const update = (s) => {
    status.textContent = s.status;
    status.dataset.status = s.status;
    bar.value = s.progress.fraction;
    const p = s.progress;
    counts.textContent = ` ${p.jobsDone} of ${p.jobsTotal} models trained, ${p.jobsRunning} running, ${p.jobsQueued ?? 0} queued`
      + (p.jobsFailed ? `, ${p.jobsFailed} failed` : '')
      + (p.featuresTotal ? `; ${p.featuresDone} of ${p.featuresTotal} featurised` : '');
    failure.textContent = s.failure || '';
    if (FINISHED.includes(s.status)) cancelArea.replaceChildren();
    showResults(s);
  };
  if (canSubmit(key) && !FINISHED.includes(study.status)) {
    cancelArea.append(h('button', { type: 'button', class: 'danger', id: 'cancel', onclick: async (event) => {
      if (!confirm(`Cancel study "${study.name}"? Its queued and running models are stopped.`)) return;
      event.target.disabled = true;
      try { update(await call('experiment', `/api/v1/studies/${id}/cancel`, { method: 'POST' })); } catch (e) { cancelArea.append(problemBox(e)); }
    } }, 'Cancel study'));
  }
  update(study);
  const stop = FINISHED.includes(study.status) ? null : follow(id, update, (e) => {
    if (e) failure.textContent = `Progress stream ended: ${e.message}`;
    else get('experiment', `/api/v1/studies/${id}`).then(update);
  });
  return {
    title: study.name,
    leave: stop,
    element: h('section', {}, h('h1', {}, study.name),
      h('p', {}, 'Status: ', status, h('span', { class: 'muted' }, ` · ${study.kind || 'study'} · owner ${study.owner || '—'} · id ${study.id} · reference ${study.referenceScale || '—'} · submitted ${new Date(study.createdAt).toLocaleString()}`)),
      h('div', {}, bar, counts), failure, cancelArea,
      h('h2', {}, 'Results'), results, planSection(study.plan),
      definitionSection(study.definition, studyDefaults)),
  };
}
