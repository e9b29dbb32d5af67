// Charts of server results: uPlot for x-y curves (hover values in the legend, drag to zoom, double-click to reset),
// HTML bars for categories, a canvas for the statistical eye, SVG for the emitter array. They draw; they never compute.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { escapeHtml, num, quantity } from './format.js';

/** A short signature of a chart's data (tests and the page compare it to see that a chart was redrawn with new data). */
function signature(data) {
  const text = JSON.stringify(data);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

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

function finite(v, log) {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  if (!log) return v;
  return v > 0 ? Math.log10(v) : null;
}

/** Ticks of a log axis drawn in log10 units: decades, or 1-2-5 steps when the axis spans less than three decades. */
function decadeSplits(u, axisIdx, min, max) {
  const out = [];
  if (max - min < 3) {
    for (let d = Math.floor(min); d <= Math.ceil(max); d++) {
      for (const m of max - min < 1 ? [1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 5]) {
        const v = d + Math.log10(m);
        if (v >= min - 1e-9 && v <= max + 1e-9) out.push(v);
      }
    }
    return out;
  }
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / 8));
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}

/**
 * A line chart. series: [{label, x: [...], y: [...], dash?, points?}] (each its own x, merged onto one axis);
 * opts: {xLabel, yLabel, xUnit, yUnit, logX, logY, hlines: [{y, label}]}. A log axis is drawn in decades (the values
 * are placed at their log10; the legend shows the values themselves).
 */
export function lineChart(el, series, opts = {}) {
  const fx = (v) => finite(v, opts.logX);
  const xs = [...new Set(series.flatMap((s) => s.x.map(fx).filter((v) => v !== null)))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  const back = (v, log) => (log ? 10 ** v : v);
  const sers = [{ label: opts.xLabel || 'x', value: (u, v) => (v == null ? '—' : quantity(back(v, opts.logX), opts.xUnit, 4)) }];
  series.forEach((s, k) => {
    const ys = new Array(xs.length).fill(null);
    s.x.forEach((x, i) => {
      const key = fx(x);
      if (index.has(key)) ys[index.get(key)] = finite(s.y[i], opts.logY);
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
      value: (u, v) => (v == null ? '—' : quantity(back(v, opts.logY), opts.yUnit, 3)),
    });
  });
  for (const h of opts.hlines || []) {
    const y = finite(h.y, opts.logY);
    if (y === null) continue;
    data.push(new Array(xs.length).fill(y));
    sers.push({ label: h.label, stroke: '#6b7280', width: 1, dash: [4, 4], points: { show: false }, value: () => num(h.y, 3) });
  }
  const decadeLabels = (u, vals) => vals.map((v) => (v == null ? '' : Math.abs(v - Math.round(v)) < 1e-9 ? `1e${Math.round(v)}` : num(10 ** v, 2)));
  const plain = (u, vals) => vals.map((v) => num(v, 3));
  const width = Math.max(280, el.clientWidth || 600);
  const plot = new uPlot({
    width,
    height: opts.height || 280,
    series: sers,
    scales: { x: { time: false, ...(opts.logX ? { range: (u, mn, mx) => [mn, mx] } : {}) }, y: {} },
    axes: [
      { label: opts.xLabel ? `${opts.xLabel}${opts.xUnit ? ` (${opts.xUnit})` : ''}` : undefined,
        values: opts.logX ? decadeLabels : plain, ...(opts.logX ? { splits: decadeSplits } : {}) },
      { label: opts.yLabel ? `${opts.yLabel}${opts.yUnit ? ` (${opts.yUnit})` : ''}` : undefined,
        values: opts.logY ? decadeLabels : plain, ...(opts.logY ? { splits: decadeSplits } : {}), size: 64 },
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
  el.dataset.sig = signature(data);
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
  el.dataset.sig = signature(groups);
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

/**
 * One training step stage by stage (the train result's pipelineSchedule): a row per pipeline stage, its intervals in
 * time order as the step model scheduled them (each ends at `end[i]`, the next starts there), coloured by kind. The
 * colours and the counts in the legend are the result's; nothing is re-timed here.
 */
export const TIMELINE_COLORS = {
  forward: '#2563eb', backward: '#dc2626', send: '#7c3aed', bubble: '#f1f5f9', dp: '#059669', wait: '#e2e8f0', optimizer: '#d97706',
};

export function timelineChart(el, sched) {
  const W = 1000;
  const rowH = 16;
  const top = 4;
  const left = 56;
  const bottom = 22;
  const H = top + sched.byStage.length * rowH + bottom;
  const step = sched.stepSeconds;
  const x = (t) => left + ((W - left - 8) * t) / step;
  const tally = {};
  const rects = [];
  sched.byStage.forEach((st, row) => {
    let start = 0;
    const y = top + row * rowH;
    rects.push(`<text x="${left - 6}" y="${y + rowH - 4}" text-anchor="end" class="tl-label">stage ${st.stage}</text>`);
    for (let i = 0; i < st.end.length; i++) {
      const kind = sched.kinds[st.kind[i]];
      const end = st.end[i];
      tally[kind] = (tally[kind] || 0) + 1;
      const what = st.microBatch[i] >= 0 ? ` micro-batch ${st.microBatch[i]}, chunk ${st.chunk[i]}` : '';
      rects.push(`<rect x="${x(start).toFixed(2)}" y="${y + 1}" width="${Math.max(0, x(end) - x(start)).toFixed(3)}" height="${rowH - 2}" fill="${TIMELINE_COLORS[kind] || '#9ca3af'}" data-kind="${kind}"><title>stage ${st.stage}: ${kind}${what}, ${quantity(start, 's', 4)} to ${quantity(end, 's', 4)}</title></rect>`);
      start = end;
    }
  });
  const ticks = [];
  const raw = step / 8;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const inc = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) || raw;
  for (let t = 0; t <= step * (1 + 1e-9); t += inc) {
    const y = top + sched.byStage.length * rowH;
    ticks.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${y}" y2="${y + 4}" stroke="#64748b"/><text x="${x(t)}" y="${y + 15}" text-anchor="middle" class="tl-label">${quantity(t, 's', 3)}</text>`);
  }
  const legend = Object.keys(TIMELINE_COLORS).filter((k) => tally[k]).map((k) => `<span data-kind="${k}" data-count="${tally[k]}"><i style="background:${TIMELINE_COLORS[k]}"></i>${k} (${tally[k]})</span>`).join('');
  el.innerHTML = `<svg class="timeline" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="pipeline timeline of ${sched.stages} stages">${rects.join('')}${ticks.join('')}</svg>
    <div class="blegend">${legend}</div>`;
  el.dataset.intervals = String(Object.values(tally).reduce((a, b) => a + b, 0));
}

/**
 * The fleet's floor (the fleet result's floor): each rack a square at its row and position (hall rows, then the spine
 * room's), coloured by role; each pair of racks with links a line coloured by the technology the policy gave them (links
 * inside a rack a ring on the rack); the legend gives the result's counts.
 */
export function floorChart(el, floor) {
  const roleColors = { gpu: '#94a3b8', network: '#0f172a' };
  const s = 14;
  const gap = 2 * s;
  const racks = floor.racks;
  const n = racks.kind.length;
  let maxPos = floor.racksPerRow;
  for (let i = 0; i < n; i++) maxPos = Math.max(maxPos, racks.position[i] + 1);
  // rows run down the page side by side (a hall of many rows is wider than deep); the spine room to the right of the hall
  const roomLeft = (room) => (room === 'hall' ? 0 : floor.hallRows * s * 2 + gap);
  const cx = (i) => roomLeft(racks.room[i]) + racks.row[i] * s * 2 + s / 2 + 4;
  const cy = (i) => racks.position[i] * s + s / 2 + 14;
  const W = (floor.hallRows + floor.spineRoomRows) * s * 2 + (floor.spineRoomRows ? gap : 0) + 8;
  const H = maxPos * s + 18;
  const techColor = (t) => (t === 'unserved' ? '#ef4444' : t === 'on-board-trace' ? '#cbd5e1' : PALETTE[floor.technologies.indexOf(t) % PALETTE.length]);
  const parts = [];
  const L = floor.links;
  for (let i = 0; i < L.count.length; i++) {
    const tech = floor.technologies[L.technology[i]];
    const tier = floor.tiers[L.tier[i]];
    const w = Math.min(3, 0.6 + Math.log10(1 + L.count[i]) * 0.8).toFixed(2);
    const title = `<title>${escapeHtml(tier)}: ${L.count[i]} link${L.count[i] === 1 ? '' : 's'} on ${escapeHtml(tech)}, rack ${L.from[i]}${L.from[i] === L.to[i] ? ' (inside)' : ` to rack ${L.to[i]}`}</title>`;
    if (L.from[i] === L.to[i]) {
      parts.push(`<circle class="link" cx="${cx(L.from[i])}" cy="${cy(L.from[i])}" r="${s / 2 + 1}" fill="none" stroke="${techColor(tech)}" stroke-width="${w}" data-tech="${escapeHtml(tech)}" data-count="${L.count[i]}">${title}</circle>`);
    } else {
      parts.push(`<line class="link" x1="${cx(L.from[i])}" y1="${cy(L.from[i])}" x2="${cx(L.to[i])}" y2="${cy(L.to[i])}" stroke="${techColor(tech)}" stroke-opacity="0.55" stroke-width="${w}" data-tech="${escapeHtml(tech)}" data-count="${L.count[i]}">${title}</line>`);
    }
  }
  const rackParts = [];
  const roles = {};
  for (let i = 0; i < n; i++) {
    roles[racks.kind[i]] = (roles[racks.kind[i]] || 0) + 1;
    rackParts.push(`<rect class="rack" x="${cx(i) - s / 2 + 1}" y="${cy(i) - s / 2 + 1}" width="${s - 2}" height="${s - 2}" rx="2" fill="${roleColors[racks.kind[i]] || '#9ca3af'}" data-role="${racks.kind[i]}"><title>rack ${i}: ${racks.kind[i]}, ${racks.room[i]} row ${racks.row[i]}, position ${racks.position[i]}</title></rect>`);
  }
  const roleLegend = Object.keys(roles).map((k) => `<span data-role="${k}" data-count="${roles[k]}"><i style="background:${roleColors[k] || '#9ca3af'}"></i>${k} racks (${roles[k]})</span>`).join('');
  const techLegend = Object.entries(floor.linksByTechnology).map(([t, c]) => `<span data-tech="${escapeHtml(t)}" data-count="${c}"><i style="background:${techColor(t)}"></i>${escapeHtml(t)} (${Number(c).toLocaleString("en-US")} links)</span>`).join('');
  el.innerHTML = `<svg class="floor" viewBox="0 0 ${W} ${H}" role="img" aria-label="floor of ${n} racks"><text x="4" y="10" class="tl-label">hall (a column per row)</text>${floor.spineRoomRows ? `<text x="${roomLeft('spine-room') + 4}" y="10" class="tl-label">spine room</text>` : ''}${parts.join('')}${rackParts.join('')}</svg>
    <div class="blegend">${roleLegend}${techLegend}</div>`;
}

/** A table from rows of cells; numbers right-aligned. */
export function table(el, head, rows, opts = {}) {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ''}>${r.cells.map((c) => `<td${typeof c === 'object' && c?.num ? ' class="num"' : ''}${typeof c === 'object' && c?.title ? ` title="${escapeHtml(c.title)}"` : ''}>${escapeHtml(typeof c === 'object' && c !== null ? c.text : c ?? '—')}</td>`).join('')}</tr>`).join('');
  el.insertAdjacentHTML('beforeend', `<p class="scrollhint" hidden>more columns to the right: scroll the table sideways →</p><div class="tablebox${opts.tall ? ' tall' : ''}"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`);
  scrollAffordance(el.lastElementChild);
}

/**
 * A table wider than its box says so: the box gets class `scrolls` (edge shadows, a visible scrollbar) and the line before it
 * a hint, kept true as the window resizes and as the table is scrolled to its end.
 */
export function scrollAffordance(box) {
  const hint = box.previousElementSibling?.classList.contains('scrollhint') ? box.previousElementSibling : null;
  const mark = () => {
    const over = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle('scrolls', over);
    box.dataset.hiddenColumns = over ? String([...box.querySelectorAll('thead th')].filter((t) => t.offsetLeft + t.offsetWidth > box.scrollLeft + box.clientWidth + 1).length) : '0';
    if (hint) {
      hint.hidden = !over;
      const n = Number(box.dataset.hiddenColumns);
      hint.textContent = n > 0 ? `${n} more column${n === 1 ? '' : 's'} to the right: scroll the table sideways →` : '← scrolled to the last column';
    }
  };
  requestAnimationFrame(mark);
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(mark).observe(box);
  box.addEventListener('scroll', mark, { passive: true });
}
