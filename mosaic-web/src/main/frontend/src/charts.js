// Charts of server results: uPlot for x-y curves (hover values in the legend, drag to zoom, double-click to reset),
// HTML bars for categories, a canvas for the statistical eye, SVG for the emitter array. They draw; they never compute.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { escapeHtml, num, quantity } from './format.js';

export const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
const DASH = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/** A figure box with a title and a caption; returns the element the chart goes into. */
export function figure(parent, title, caption = '') {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.innerHTML = `<figcaption><strong>${escapeHtml(title)}</strong>${caption ? ` <span>${escapeHtml(caption)}</span>` : ''}</figcaption><div class="plot"></div>`;
  parent.append(fig);
  return fig.querySelector('.plot');
}

function positiveOnly(ys, log) {
  return ys.map((y) => (y === null || y === undefined || !Number.isFinite(y) || (log && y <= 0) ? null : y));
}

/**
 * A line chart. series: [{label, x: [...], y: [...], dash?, points?}] (each its own x, merged onto one axis);
 * opts: {xLabel, yLabel, xUnit, yUnit, logX, logY, hlines: [{y, label}]}.
 */
export function lineChart(el, series, opts = {}) {
  const xs = [...new Set(series.flatMap((s) => s.x.filter((v) => Number.isFinite(v) && (!opts.logX || v > 0))))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  const sers = [{ label: opts.xLabel || 'x', value: (u, v) => (v == null ? '—' : quantity(v, opts.xUnit)) }];
  series.forEach((s, k) => {
    const ys = new Array(xs.length).fill(null);
    const clean = positiveOnly(s.y, opts.logY);
    s.x.forEach((x, i) => {
      if (index.has(x)) ys[index.get(x)] = clean[i];
    });
    data.push(ys);
    const color = s.color || PALETTE[k % PALETTE.length];
    sers.push({
      label: s.label,
      stroke: color,
      width: 2,
      dash: s.dash || DASH[Math.floor(k / PALETTE.length) % DASH.length],
      spanGaps: true,
      points: { show: s.points ?? xs.length <= 40, size: 5, fill: color },
      value: (u, v) => (v == null ? '—' : quantity(v, opts.yUnit, 3)),
    });
  });
  for (const h of opts.hlines || []) {
    data.push(new Array(xs.length).fill(h.y));
    sers.push({ label: h.label, stroke: '#6b7280', width: 1, dash: [4, 4], points: { show: false }, value: () => num(h.y, 3) });
  }
  const expTicks = (u, vals) => vals.map((v) => (v == null ? '' : Math.abs(Math.log10(v) % 1) < 1e-9 ? `1e${Math.round(Math.log10(v))}` : ''));
  const width = Math.max(280, el.clientWidth || 600);
  const plot = new uPlot({
    width,
    height: opts.height || 280,
    series: sers,
    scales: {
      x: { time: false, distr: opts.logX ? 3 : 1 },
      y: { distr: opts.logY ? 3 : 1 },
    },
    axes: [
      { label: opts.xLabel ? `${opts.xLabel}${opts.xUnit ? ` (${opts.xUnit})` : ''}` : undefined, values: opts.logX ? expTicks : (u, vals) => vals.map((v) => num(v, 3)) },
      { label: opts.yLabel ? `${opts.yLabel}${opts.yUnit ? ` (${opts.yUnit})` : ''}` : undefined, values: opts.logY ? expTicks : (u, vals) => vals.map((v) => num(v, 3)), size: 64 },
    ],
    cursor: { drag: { x: true, y: true, uni: 40 } },
    legend: { live: true },
  }, data, el);
  const ro = new ResizeObserver(() => {
    const w = Math.max(280, el.clientWidth);
    if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height: plot.height });
  });
  ro.observe(el);
  el.classList.add('uplot-host');
  el.dataset.points = String(data.slice(1).reduce((n, ys) => n + ys.filter((v) => v != null).length, 0));
  return plot;
}

/**
 * Horizontal bars by category, one bar per design in each category. groups: [{label, values: [number|null per design]}];
 * designs: labels of the designs. Hovering a bar shows its value (title and the value printed beside it).
 */
export function barChart(el, groups, designs, unit, opts = {}) {
  const all = groups.flatMap((g) => g.values).filter((v) => Number.isFinite(v));
  const max = Math.max(...all.map(Math.abs), 0) || 1;
  const rows = groups.map((g) => {
    const bars = g.values.map((v, k) => {
      const w = Number.isFinite(v) ? Math.max(0.5, (Math.abs(v) / max) * 100) : 0;
      const text = Number.isFinite(v) ? quantity(v, unit, 3) : '—';
      const who = designs.length > 1 ? `${designs[k]}: ` : '';
      return `<div class="bar" title="${escapeHtml(`${g.label} — ${who}${text}`)}"><span class="fill${v < 0 ? ' neg' : ''}" style="width:${w}%;background:${PALETTE[k % PALETTE.length]}"></span><span class="v">${escapeHtml(text)}</span></div>`;
    }).join('');
    return `<div class="barrow"><div class="blabel" title="${escapeHtml(g.label)}">${escapeHtml(g.label)}</div><div class="bars">${bars}</div></div>`;
  }).join('');
  const legend = designs.length > 1
    ? `<div class="blegend">${designs.map((d, k) => `<span><i style="background:${PALETTE[k % PALETTE.length]}"></i>${escapeHtml(d)}</span>`).join('')}</div>` : '';
  el.innerHTML = `<div class="barchart${opts.compact ? ' compact' : ''}">${rows}</div>${legend}`;
}

/** The statistical eye: density over (time, level) as a heat map, with the inner eye at the BER target. */
export function eyeChart(el, eye) {
  const t = eye.timeUi;
  const lv = eye.level;
  const d = eye.density;
  const canvas = document.createElement('canvas');
  const W = t.length;
  const H = lv.length;
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(W, H);
  let max = 0;
  for (const col of d) for (const v of col) if (v > max) max = v;
  const floor = max * 1e-6;
  for (let i = 0; i < W; i++) {
    for (let j = 0; j < H; j++) {
      const v = d[i][j];
      const s = v > floor ? Math.log10(v / floor) / Math.log10(max / floor) : 0;
      const p = 4 * ((H - 1 - j) * W + i);
      // white → blue → dark red
      img.data[p] = Math.round(255 * (s < 0.5 ? 1 - 1.6 * s : 0.2 + 1.2 * (s - 0.5)));
      img.data[p + 1] = Math.round(255 * (s < 0.5 ? 1 - 1.2 * s : 0.4 - 0.7 * (s - 0.5)));
      img.data[p + 2] = Math.round(255 * (s < 0.5 ? 1 - 0.3 * s : 0.85 - 1.5 * (s - 0.5)));
      img.data[p + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  const wrap = document.createElement('div');
  wrap.className = 'eye';
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const y = (level) => (H - 1) * (1 - (level - lv[0]) / (lv[H - 1] - lv[0]));
  for (const key of ['innerTop', 'innerBottom']) {
    const pts = eye[key].map((v, i) => (Number.isFinite(v) ? `${i},${y(v).toFixed(2)}` : null)).filter(Boolean).join(' ');
    const pl = document.createElementNS(svgNs, 'polyline');
    pl.setAttribute('points', pts);
    pl.setAttribute('class', 'inner');
    svg.append(pl);
  }
  wrap.append(canvas, svg);
  const axis = document.createElement('div');
  axis.className = 'eyeaxis';
  axis.innerHTML = `<span>${num(t[0])} UI</span><span>time</span><span>${num(t[W - 1])} UI</span>`;
  const probe = document.createElement('div');
  probe.className = 'probe';
  probe.textContent = `inner eye at BER ${num(eye.berTarget, 2)} (black); hover for the density`;
  wrap.addEventListener('mousemove', (e) => {
    const r = wrap.getBoundingClientRect();
    const i = Math.min(W - 1, Math.max(0, Math.round(((e.clientX - r.left) / r.width) * (W - 1))));
    const j = Math.min(H - 1, Math.max(0, H - 1 - Math.round(((e.clientY - r.top) / r.height) * (H - 1))));
    probe.textContent = `t = ${num(t[i], 3)} UI, level = ${num(lv[j], 3)} OMA, density ${num(d[i][j], 3)}`;
  });
  el.append(wrap, axis, probe);
}

/**
 * The emitter array seen from the front: one square per grid position coloured by role (data, parity, spare, empty).
 * roles: row-major role names; or, when the result carries only the counts, null (then a note says the layout is not
 * in the result and the squares show the counts in reading order).
 */
export function arrayChart(el, rows, cols, roles, counts) {
  const colors = { DATA: '#2563eb', PARITY: '#d97706', SPARE: '#059669', EMPTY: '#e5e7eb' };
  let list = roles;
  if (!list) {
    list = [];
    for (const [role, n] of [['DATA', counts.data], ['PARITY', counts.parity], ['SPARE', counts.spare]]) for (let i = 0; i < n; i++) list.push(role);
    while (list.length < rows * cols) list.push('EMPTY');
  }
  const s = 10;
  const cells = list.slice(0, rows * cols).map((r, i) => {
    const role = String(r).toUpperCase();
    return `<rect x="${(i % cols) * s + 1}" y="${Math.floor(i / cols) * s + 1}" width="${s - 2}" height="${s - 2}" rx="1.5" fill="${colors[role] || '#9ca3af'}" data-role="${role}"><title>row ${Math.floor(i / cols)}, col ${i % cols}: ${role.toLowerCase()}</title></rect>`;
  }).join('');
  const tally = {};
  for (const r of list) tally[String(r).toUpperCase()] = (tally[String(r).toUpperCase()] || 0) + 1;
  const legend = Object.entries(colors).filter(([k]) => tally[k]).map(([k, c]) => `<span><i style="background:${c}"></i>${k.toLowerCase()} (${tally[k]})</span>`).join('');
  el.innerHTML = `<svg class="array" viewBox="0 0 ${cols * s} ${rows * s}" role="img" aria-label="${rows} × ${cols} emitter array">${cells}</svg>
    <div class="blegend">${legend}</div>${roles ? '' : '<p class="note">the result gives the counts, not the positions: squares in reading order</p>'}`;
}

/** A table from rows of cells; numbers right-aligned. */
export function table(el, head, rows, opts = {}) {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ''}>${r.cells.map((c) => `<td${typeof c === 'object' && c?.num ? ' class="num"' : ''}${typeof c === 'object' && c?.title ? ` title="${escapeHtml(c.title)}"` : ''}>${escapeHtml(typeof c === 'object' && c !== null ? c.text : c ?? '—')}</td>`).join('')}</tr>`).join('');
  el.innerHTML = `<div class="tablebox${opts.tall ? ' tall' : ''}"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
