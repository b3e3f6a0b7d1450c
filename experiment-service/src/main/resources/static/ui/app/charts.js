// Charts: Vega-Lite specifications rendered by vega-embed as SVG, with tooltips, an SVG download
// and the chart's data as CSV.
import { h, download, csv } from './dom.js';

/** Okabe & Ito (2008): eight colours told apart with any common colour-vision deficiency. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

const CONFIG = {
  range: { category: OKABE_ITO },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, orient: 'bottom', direction: 'horizontal', columns: 3 },
  view: { stroke: null },
};

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * A figure with the chart of `spec` over `rows` (the spec's data is set to them), and buttons to
 * save it as SVG and its rows as CSV. Rendering starts when the figure is in the document.
 */
export function chart(title, spec, rows, { description } = {}) {
  const plot = h('div', { class: 'plot', role: 'img', 'aria-label': description || title });
  const name = slug(title);
  let view = null;
  const svgButton = h('button', { class: 'secondary', type: 'button', disabled: true,
    onclick: async () => download(`${name}.svg`, 'image/svg+xml', await view.toSVG()) }, 'Download SVG');
  const csvButton = h('button', { class: 'secondary', type: 'button',
    onclick: () => download(`${name}.csv`, 'text/csv', csv(rows)) }, 'Download CSV');
  const figure = h('figure', { class: 'chart', 'data-chart': name },
    h('figcaption', {}, title), plot, h('div', { class: 'actions' }, svgButton, csvButton));
  const full = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container', height: 240, autosize: { type: 'fit-x', contains: 'padding' },
    config: CONFIG, ...spec, data: { values: rows },
  };
  requestAnimationFrame(async () => {
    const result = await window.vegaEmbed(plot, full, { actions: false, renderer: 'svg' });
    view = result.view;
    svgButton.disabled = false;
    figure.dataset.rendered = 'true';
  });
  return figure;
}

/** Number formats for tooltips: three significant digits. */
export const tip = (field, title, format = '.3~g') => ({ field, title: title || field, type: 'quantitative', format });
