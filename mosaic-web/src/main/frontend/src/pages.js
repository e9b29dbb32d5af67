// The studio's pages: which studies each runs with a design's values, and how each result JSON is drawn.
// Every number drawn is read from a result the server computed; the browser never evaluates a model.
import { arrayChart, barChart, eyeChart, figure, lineChart, table, timelineChart, floorChart } from './charts.js';
import { at, escapeHtml, quantity, unitOfKey } from './format.js';

const section = (parent, title) => {
  const s = document.createElement('section');
  s.className = 'panel';
  s.innerHTML = `<h4>${escapeHtml(title)}</h4>`;
  parent.append(s);
  return s;
};

/** Cards of headline numbers, one value per design; a number that differs between designs is highlighted. */
/** A box for one design's drawing, appended to the page, marked with the design's label for the browser tests. */
function designBox(el, className, label) {
  const box = document.createElement('div');
  box.className = className;
  box.dataset.design = label;
  el.append(box);
  return box;
}

function cards(parent, outs, items) {
  const box = document.createElement('div');
  box.className = 'cards';
  for (const it of items) {
    const vals = outs.map((o) => (o.main ? it.get(o.main) : undefined));
    if (vals.every((v) => v === undefined)) continue;
    const texts = vals.map((v) => (typeof v === 'string' ? v : quantity(v, it.unit, 4)));
    const differ = outs.length > 1 && new Set(texts).size > 1;
    const card = document.createElement('div');
    card.className = `card${differ ? ' diff' : ''}`;
    card.dataset.metric = it.id || it.label;
    card.innerHTML = `<span class="k" title="${escapeHtml(it.title || '')}">${escapeHtml(it.label)}</span>${texts.map((t, k) => `<span class="v" data-design="${escapeHtml(outs[k].label)}">${outs.length > 1 ? `<i>${escapeHtml(outs[k].label)}</i> ` : ''}${escapeHtml(t)}</span>`).join('')}`;
    box.append(card);
  }
  parent.append(box);
}

/** Category bars from a list inside each result: [{label, value}] per design, merged by label. */
function barsFrom(parent, title, outs, pick, unit, caption = '') {
  const per = outs.map((o) => (o.main ? pick(o.main) || [] : []));
  const labels = [...new Set(per.flat().map((e) => e.label))];
  if (!labels.length) return;
  const el = figure(parent, title, caption);
  barChart(el, labels.map((l) => ({ label: l, values: per.map((list) => list.find((e) => e.label === l)?.value ?? null) })), outs.map((o) => o.label), unit);
}

const entries = (obj) => Object.entries(obj || {}).map(([label, value]) => ({ label, value }));

// ---------------------------------------------------------------------------------------------------- channel

function renderChannel(el, outs) {
  cards(el, outs, [
    { label: 'closes at its length', get: (r) => r.channelCloses },
    { label: 'fibre length', get: (r) => r.fiberLengthMeters, unit: 'm' },
    { label: 'channel rate', get: (r) => r.channelRateBitsPerSecond, unit: 'b/s' },
    { label: 'mean BER over the array', id: 'ber.mean', get: (r) => r.ber?.mean },
    { label: 'nominal BER', get: (r) => r.nominalBer },
    { label: 'BER target', get: (r) => r.berTarget },
    { label: 'Q', get: (r) => r.qFactor },
    { label: 'margin', get: (r) => r.marginDb, unit: 'dB' },
    { label: 'reach at the target', id: 'reach', get: (r) => r.reachMeters, unit: 'm' },
    { label: 'eye height (of OMA)', get: (r) => r.eyeHeightFraction },
    { label: 'eye width', get: (r) => r.eyeWidthUi, unit: 'UI' },
    { label: 'received OMA', get: (r) => r.receivedOmaDbm, unit: 'dBm' },
    { label: 'sensitivity (OMA)', get: (r) => r.sensitivityOmaDbm, unit: 'dBm' },
    { label: 'max rate at this length', get: (r) => r.maxRateBitsPerSecond, unit: 'b/s' },
  ]);
  const notes = outs.filter((o) => o.main?.channelDoesNotClose).map((o) => `${outs.length > 1 ? `${o.label}: ` : ''}${o.main.channelDoesNotClose}`);
  if (notes.length) el.insertAdjacentHTML('beforeend', notes.map((n) => `<p class="verdict bad">${escapeHtml(n)}</p>`).join(''));

  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  // BER against length (channel-sweep over fiber.length)
  const sweeps = outs.filter((o) => o.sweep?.points);
  if (sweeps.length) {
    const s = sweeps[0].sweep;
    const series = [];
    for (const o of sweeps) {
      const xs = o.sweep.points.map((p) => p.value);
      for (const [key, label] of [['ber.mean', 'mean BER'], ['nominalBer', 'nominal BER']]) {
        series.push({ label: `${outs.length > 1 ? `${o.label} ` : ''}${label}`, x: xs, y: o.sweep.points.map((p) => at(p.result || {}, key)) });
      }
    }
    const target = outs.find((o) => o.main)?.main?.berTarget;
    const sw = s.sweep || {};
    const bf = figure(grid, `BER against ${sw.key || 'the swept parameter'}`, 'drag to zoom, double-click to reset');
    bf.parentElement.classList.add('berlength');
    lineChart(bf, series, {
      xLabel: sw.key, xUnit: sw.unit || '', yLabel: 'BER', logY: true, hlines: target ? [{ y: target, label: 'BER target' }] : [],
    });
  } else if (outs.some((o) => o.errors?.sweep && o.errors.sweep !== 'cancelled')) {
    grid.insertAdjacentHTML('beforeend', `<p class="note">BER against length: ${escapeHtml(outs.find((o) => o.errors?.sweep).errors.sweep)}</p>`);
  }
  const noEye = outs.find((o) => o.errors?.eye && !o.eye);
  if (noEye && !outs.some((o) => o.eye)) grid.insertAdjacentHTML('beforeend', `<p class="note">eye and bathtub: ${escapeHtml(noEye.errors.eye)}</p>`);
  // eye and bathtub (channel-eye: the nominal channel's statistical eye and BER against sampling phase, as data)
  for (const o of outs) {
    if (o.eye?.eyeDiagram) {
      const f = figure(grid, `Statistical eye${outs.length > 1 ? ` — ${o.label}` : ''}`, `nominal channel at ${quantity(o.eye.fiberLengthMeters, 'm', 3)}; inner opening at the BER target`);
      f.parentElement.classList.add('eyechart');
      eyeChart(f, o.eye.eyeDiagram);
    }
  }
  const tubs = outs.filter((o) => o.eye?.bathtub);
  if (tubs.length) {
    const f = figure(grid, 'Bathtub', 'BER against the sampling phase, nominal channel');
    f.parentElement.classList.add('bathtub');
    lineChart(f, tubs.map((o) => ({ label: `${o.label} (${quantity(o.eye.fiberLengthMeters, 'm', 3)})`, x: o.eye.bathtub.phaseUi, y: o.eye.bathtub.ber })), {
      xLabel: 'phase', xUnit: 'UI', yLabel: 'BER', logY: true, hlines: [{ y: tubs[0].eye.berTarget, label: 'BER target' }],
    });
  }
  // budget: the designs' lines side by side (by position when the lists match, their items naming their own values)
  const budgets = outs.map((o) => o.main?.budget || []);
  if (budgets.some((b) => b.length)) {
    const t = section(el, 'Link budget');
    const aligned = budgets.every((b) => b.length === budgets[0].length && b.every((x, i) => x.unit === budgets[0][i].unit));
    const keys = aligned ? budgets[0].map((_, i) => i) : [...new Set(budgets.flat().map((b) => b.item))];
    table(t, ['item', ...outs.map((o) => o.label)], keys.map((key) => {
      const entriesOf = budgets.map((b) => (aligned ? b[key] : b.find((x) => x.item === key)));
      const cells = entriesOf.map((e) => (e ? { text: quantity(e.db, e.unit || 'dB', 4), num: true } : '—'));
      const names = [...new Set(entriesOf.filter(Boolean).map((e) => e.item))];
      return { cells: [names.join(' | '), ...cells], cls: outs.length > 1 && new Set(cells.map((c) => c.text ?? c)).size > 1 ? 'diff' : '' };
    }));
  }
}

// ---------------------------------------------------------------------------------------------------- cable

function renderCable(el, outs) {
  cards(el, outs, [
    { label: 'host interface', get: (r) => r.host?.interface },
    { label: 'attachment', get: (r) => r.host?.attachment },
    { label: 'channels (data / parity / spare)', id: 'channels', get: (r) => r.channels && `${r.channels.data} / ${r.channels.parity} / ${r.channels.spare}` },
    { label: 'array', get: (r) => r.channels && `${r.channels.rows} × ${r.channels.cols}` },
    { label: 'power per end', id: 'power', get: (r) => r.power?.perEndWatts, unit: 'W' },
    { label: 'energy per bit', get: (r) => r.power?.perBitPicojoules, unit: 'pJ/b' },
    { label: 'link FIT', id: 'fit', get: (r) => r.reliability?.linkFit, unit: 'FIT' },
    { label: 'link FIT without spares', get: (r) => r.reliability?.withoutSpares?.linkFit, unit: 'FIT' },
    { label: 'AFR per cable', get: (r) => r.reliability?.afrPerCable },
    { label: 'MTTF', get: (r) => r.reliability?.mttfHours, unit: 'h' },
    { label: 'skew', get: (r) => r.skew?.unitIntervals, unit: 'UI' },
    { label: 'channel closes', get: (r) => r.channelCloses },
  ]);
  for (const o of outs.filter((x) => x.main?.checks?.some((c) => !c.ok))) {
    el.insertAdjacentHTML('beforeend', o.main.checks.filter((c) => !c.ok).map((c) => `<p class="verdict bad">${escapeHtml(`${outs.length > 1 ? `${o.label}: ` : ''}${c.check}: ${c.detail}`)}</p>`).join(''));
  }
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  for (const o of outs) {
    const c = o.main?.channels;
    if (!c) continue;
    const plan = o.plan && Object.values(o.plan.cables || {})[0]?.plan;
    const roles = plan?.roles && plan.gridRows * plan.gridCols === plan.roles.length ? plan.roles : null;
    arrayChart(figure(grid, `Emitter array${outs.length > 1 ? ` — ${o.label}` : ''}`, `${c.rows} × ${c.cols}, spares in green`),
      roles ? plan.gridRows : c.rows, roles ? plan.gridCols : c.cols, roles, c);
  }
  barsFrom(grid, 'Power per end, by component', outs, (r) => (r.power?.breakdown || []).map((b) => ({ label: b.item, value: b.watts })), 'W',
    outs[0].main?.power?.attachment || '');
  barsFrom(grid, 'Reliability: FIT by contributor', outs, (r) => (r.reliability?.contributions || []).map((b) => ({ label: `${b.name} (${b.role})`, value: b.averagedFit })), 'FIT');
  const cdfs = outs.filter((o) => o.main?.reliability?.sparesExhausted?.cdf?.length);
  if (cdfs.length) {
    lineChart(figure(grid, 'Probability the spares are exhausted', 'against time'), cdfs.map((o) => ({
      label: o.label, x: o.main.reliability.sparesExhausted.cdf.map((p) => p.timeHours), y: o.main.reliability.sparesExhausted.cdf.map((p) => p.probability),
    })), { xLabel: 'time', xUnit: 'h', yLabel: 'probability', logX: true, logY: true });
  }
  const scale = outs.filter((o) => Array.isArray(o.main?.scale) || o.main?.scaling);
  if (scale.length) genericTable(section(el, 'Scaling to 1.6T and 3.2T'), scale[0].main.scale || scale[0].main.scaling);
}

function genericTable(el, list) {
  if (!Array.isArray(list) || !list.length) return;
  const keys = Object.keys(list[0]).filter((k) => list.some((r) => r[k] === null || typeof r[k] !== 'object'));
  // camelCase keys as words, so that a header can wrap and a wide table fits (detectedAtCodeword → detected at codeword)
  const words = (k) => k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  table(el, keys.map(words), list.map((r) => ({ cells: keys.map((k) => (typeof r[k] === 'number' ? { text: quantity(r[k], unitOfKey(k), 4), num: true } : r[k] ?? '—')) })));
}

// ---------------------------------------------------------------------------------------------------- compare

function renderCompare(el, outs) {
  cards(el, outs, [
    { label: 'generation', get: (r) => r.generation },
    { label: 'length', get: (r) => r.lengthMeters, unit: 'm' },
    { label: 'host lanes', get: (r) => r.hostLanes },
  ]);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  barsFrom(grid, 'Power per end', outs, (r) => (r.rows || []).map((x) => ({ label: `${x.reaches ? '' : '✗ '}${x.technology}`, value: x.powerPerEndWatts })), 'W', '✗: does not reach');
  barsFrom(grid, 'Reach', outs, (r) => (r.rows || []).map((x) => ({ label: x.technology, value: x.reachMeters })), 'm');
  for (const o of outs) {
    if (!o.main?.rows) continue;
    const t = section(el, `Every technology at ${o.main.generation}, ${quantity(o.main.lengthMeters, 'm')}${outs.length > 1 ? ` — ${o.label}` : ''}`);
    table(t, ['technology', 'reaches', 'reach', 'power/end', 'pJ/bit', 'FIT/end', 'AFR/end', 'cost/end', 'confidence'], o.main.rows.map((x) => ({
      cls: x.ourModel ? 'ours' : x.reaches ? '' : 'short',
      cells: [x.technology, x.reaches ? 'yes' : 'no', { text: quantity(x.reachMeters, 'm', 3), num: true }, { text: quantity(x.powerPerEndWatts, 'W', 3), num: true },
        { text: quantity(x.perBitPicojoules, 'pJ', 3), num: true }, { text: quantity(x.fitPerEnd, '', 3), num: true }, { text: quantity(x.afrPerEnd, '', 3), num: true },
        { text: x.costPerEndUsd == null ? '—' : `$${quantity(x.costPerEndUsd, '', 4)}`, num: true }, { text: x.confidence, title: x.source }],
    })));
    const claims = (o.main.claims || []).flatMap((c) => c.ratios || []);
    if (claims.length) {
      const c = section(el, `MOSAIC's claims recomputed${outs.length > 1 ? ` — ${o.label}` : ''}`);
      table(c, ['subject', 'claim', 'against', 'ratio', 'arithmetic'], claims.map((x) => ({ cells: [x.subject, x.claim, x.reference, { text: quantity(x.value, '', 3), num: true }, x.arithmetic] })));
    }
  }
}

// ---------------------------------------------------------------------------------------------------- datapath

function renderEmulate(el, outs) {
  cards(el, outs, [
    { label: 'engine', get: (r) => r.engine },
    { label: 'mapping', get: (r) => r.mapping },
    { label: 'code', get: (r) => r.code },
    { label: 'codewords', get: (r) => r.codewords },
    { label: 'pre-FEC BER', id: 'preFecBer', get: (r) => r.preFecBer },
    { label: 'uncorrectable codewords', get: (r) => r.uncorrectableCodewords },
    { label: 'codeword failure ratio', get: (r) => r.codewordFailureRatio?.value },
    { label: 'post-FEC BER', get: (r) => r.postFecBer?.value },
    { label: 'frame loss ratio', id: 'flr', get: (r) => r.frameLossRatio?.value },
    { label: 'failovers', get: (r) => r.failovers?.length },
    { label: 'unrepaired channels', get: (r) => r.unrepairedChannels },
  ]);
  const notes = outs.filter((o) => o.main?.channelDoesNotClose).map((o) => o.main.channelDoesNotClose);
  if (notes.length) el.insertAdjacentHTML('beforeend', `<p class="verdict bad">${escapeHtml(notes[0])}</p>`);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  const per = outs.filter((o) => o.main?.preFecBerPerChannel?.length);
  if (per.length) {
    lineChart(figure(grid, 'Pre-FEC BER per channel', 'dead channels show at the top'), per.map((o) => ({
      label: o.label, x: o.main.preFecBerPerChannel.map((_, i) => i), y: o.main.preFecBerPerChannel, points: true,
    })), { xLabel: 'channel', yLabel: 'BER', logY: true });
  }
  const dist = outs.filter((o) => o.main?.symbolErrorDistribution?.length);
  if (dist.length) {
    lineChart(figure(grid, 'Symbol errors per codeword', `distribution; the code corrects t = ${dist[0].main.t}`), dist.map((o) => {
      const d = o.main.symbolErrorDistribution;
      let last = d.length - 1;
      while (last > 0 && !(d[last] > 0)) last--;
      const n = Math.max(last + 2, (o.main.t || 15) + 3);
      return { label: o.label, x: d.slice(0, n).map((_, i) => i), y: d.slice(0, n), points: true };
    }), { xLabel: 'symbol errors', yLabel: 'fraction of codewords', logY: true, hlines: [] });
  }
  // FLR against pre-FEC BER by mapping (flr-curves: the exact curves with as many dead channels as the design has, up to 3)
  flrChart(grid, outs.find((o) => o.flr?.curves)?.flr, outs.filter((o) => o.main?.frameLossRatio).map((o) => ({
    label: `this design${outs.length > 1 ? ` (${o.label})` : ''}`, ber: o.main.preFecBer, flr: o.main.frameLossRatio.value,
  })));
  if (!outs.some((o) => o.flr?.curves) && outs.some((o) => o.errors?.flr)) {
    figure(grid, 'Frame loss ratio against pre-FEC BER, by mapping').innerHTML = `<p class="note">${escapeHtml(outs.find((o) => o.errors?.flr).errors.flr)}</p>`;
  }
  const fo = outs.filter((o) => o.main?.failovers?.length);
  for (const o of fo) genericTable(section(el, `Failovers${outs.length > 1 ? ` — ${o.label}` : ''}`), o.main.failovers);
}

/** The FLR-against-pre-FEC-BER chart of a flr-curves result, with optional points (e.g. an emulated design). */
function flrChart(grid, rep, points = []) {
  if (!rep?.curves) return;
  const series = rep.curves.map((c) => ({ label: c.name, x: c.ber, y: c.frameLossRatio, points: false }));
  for (const p of points) if (p.flr > 0) series.push({ label: p.label, x: [p.ber], y: [p.flr], points: true, color: '#111827' });
  const f = figure(grid, 'Frame loss ratio against pre-FEC BER, by mapping',
    `${rep.code}, ${rep.dataChannels} data channels, ${rep.deadChannels ? `dead channel${rep.deadChannels > 1 ? 's' : ''} ${rep.deadChannelIndices.join(', ')}` : 'no dead channel'}; target FLR ${quantity(rep.targetFrameLossRatio, '', 2)}`);
  f.parentElement.classList.add('flrchart');
  lineChart(f, series, {
    xLabel: 'pre-FEC BER', yLabel: 'frame loss ratio', logX: true, logY: true, hlines: [{ y: rep.targetFrameLossRatio, label: 'target FLR' }], height: 320,
  });
}

function renderFlr(el, outs) {
  cards(el, outs, [
    { label: 'code', get: (r) => r.code },
    { label: 'dead channels', id: 'dead', get: (r) => r.deadChannels },
    ...((outs.find((o) => o.main)?.main?.berAtTarget) || []).map((a, i) => ({
      label: `highest pre-FEC BER meeting the target, ${a.label} mapping`, id: `at-${a.mapping}`, get: (r) => r.berAtTarget?.[i]?.preFecBer ?? 'none',
    })),
  ]);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  for (const o of outs) flrChart(grid, o.main);
}

// ---------------------------------------------------------------------------------------------------- fleet

const policiesOf = (r) => (Array.isArray(r.policies) ? r.policies : [r]);

function renderFleet(el, outs) {
  const first = (r) => policiesOf(r)[0] || {};
  cards(el, outs, [
    { label: 'cluster', get: (r) => first(r).cluster },
    { label: 'GPUs', get: (r) => first(r).gpus },
    { label: 'interconnect power', id: 'power', get: (r) => (Array.isArray(r.policies) ? undefined : r.interconnectPowerWatts), unit: 'W' },
    { label: 'share of IT power', get: (r) => (Array.isArray(r.policies) ? undefined : r.interconnectShareOfIt) },
    { label: 'link failures per day', id: 'failures', get: (r) => (Array.isArray(r.policies) ? undefined : r.linkFailuresPerDay) },
    { label: 'cost per year', get: (r) => (Array.isArray(r.policies) ? undefined : r.costPerYearUsd), unit: 'USD' },
    { label: 'racks', get: (r) => first(r).racks },
  ]);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  const byPolicy = (key) => (r) => policiesOf(r).map((p) => ({ label: p.policy, value: p[key] }));
  barsFrom(grid, 'Interconnect power by policy', outs, byPolicy('interconnectPowerWatts'), 'W');
  barsFrom(grid, 'Link failures per day by policy', outs, byPolicy('linkFailuresPerDay'), '');
  barsFrom(grid, 'Interconnect share of IT power', outs, byPolicy('interconnectShareOfIt'), '');
  // cables under the policy whose floor is drawn (floorPolicy), else the first
  const shown = (r) => policiesOf(r).find((p) => p.policy === r.floor?.policy) || policiesOf(r)[0];
  barsFrom(grid, 'Cables by technology', outs, (r) => entries(shown(r)?.metrics?.linksByTechnology), '', (outs[0].main && shown(outs[0].main)?.policy) || '');
  const hist = outs.flatMap((o) => (o.main ? (policiesOf(o.main)[0]?.lengthHistograms || []).map((h) => ({ o, h })) : []));
  if (hist.length) {
    lineChart(figure(grid, 'Cable lengths by tier', 'links up to each length'), hist.map(({ o, h }) => ({
      label: `${outs.length > 1 ? `${o.label} ` : ''}${h.tier}`, x: h.bins.map((b) => b.upToMeters), y: h.bins.map((b) => b.links), points: true,
    })), { xLabel: 'length', xUnit: 'm', yLabel: 'links' });
  }
  for (const o of outs) {
    const f = o.main?.floor;
    if (f) {
      const box = designBox(el, 'floorplan', o.label);
      const compared = Array.isArray(o.main.policies) ? ' (floorPolicy picks which compared policy)' : '';
      floorChart(figure(box, `Floor under ${f.policy}${outs.length > 1 ? ` — ${o.label}` : ''}${compared}`,
        `${f.hallRows} hall row${f.hallRows === 1 ? '' : 's'}${f.spineRoomRows ? ` and ${f.spineRoomRows} spine-room row${f.spineRoomRows === 1 ? '' : 's'}` : ''} of up to ${f.racksPerRow} racks; lines join racks with links, coloured by technology (rings: links inside a rack)`), f);
    }
  }
  for (const o of outs) {
    const s = o.main?.savingsAgainstToday;
    if (s?.length) {
      table(section(el, `Against today${outs.length > 1 ? ` — ${o.label}` : ''}`), ['policy', 'power saved', 'energy saved/yr', 'cost saved/yr', 'homes', 'failures/day avoided'], s.map((x) => ({
        cells: [x.to, { text: quantity(x.powerSavedWatts, 'W', 3), num: true }, { text: quantity(x.energySavedMwhPerYear, 'MWh', 3), num: true }, { text: `$${quantity(x.costSavedUsdPerYear, '', 3)}`, num: true },
          { text: quantity(x.homesEquivalent, '', 3), num: true }, { text: quantity(x.linkFailuresPerDayAvoided, '', 3), num: true }],
      })));
    }
  }
}

// ---------------------------------------------------------------------------------------------------- training

function renderTrain(el, outs) {
  cards(el, outs, [
    { label: 'system', get: (r) => r.system },
    { label: 'model', get: (r) => r.model },
    { label: 'GPUs', get: (r) => r.gpus },
    { label: 'plan', get: (r) => r.planLabel },
    { label: 'step time', id: 'step', get: (r) => r.stepSeconds, unit: 's' },
    { label: 'MFU', id: 'mfu', get: (r) => r.mfu },
    { label: 'tokens/s', get: (r) => r.tokensPerSecond },
    { label: 'TFLOP/s per GPU', get: (r) => r.tflopsPerGpu },
    { label: 'HBM used', get: (r) => r.memory?.totalBytes, unit: 'B' },
    { label: 'fits in HBM', get: (r) => r.memory?.fits },
  ]);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  barsFrom(grid, 'Step time breakdown', outs, (r) => entries(r.breakdown), 's');
  barsFrom(grid, 'HBM by use', outs, (r) => entries(r.memory).filter((e) => e.label.endsWith('Bytes') && e.label !== 'totalBytes' && e.label !== 'capacityBytes')
    .map((e) => ({ label: e.label.replace(/Bytes$/, ''), value: e.value })), 'B');
  for (const o of outs) {
    const sc = o.main?.pipelineSchedule;
    if (sc) {
      const box = designBox(el, 'pipeline', o.label);
      timelineChart(figure(box, `One step, stage by stage${outs.length > 1 ? ` — ${o.label}` : ''}`,
        `${sc.plan}: ${sc.schedule} pipeline of ${sc.stages} stages × ${sc.microBatches} micro-batches${sc.chunks > 1 ? ` × ${sc.chunks} chunks` : ''}; `
        + `pipeline ${quantity(sc.pipelineSeconds, 's', 4)}, then DP ${quantity(sc.dpSeconds, 's', 3)} and optimizer ${quantity(sc.optimizerSeconds, 's', 3)}: step ${quantity(sc.stepSeconds, 's', 4)}`), sc);
    }
    const ranked = o.main?.search?.ranked;
    if (ranked?.length) {
      table(section(el, `Fastest plans that fit${outs.length > 1 ? ` — ${o.label}` : ''}`), ['plan', 'step', 'MFU', 'HBM'], ranked.map((p) => ({
        cells: [p.plan, { text: quantity(p.stepSeconds, 's', 4), num: true }, { text: quantity(p.mfu, '', 3), num: true }, { text: quantity(p.memoryBytes, 'B', 3), num: true }],
      })));
    }
    const runs = o.main?.policies || o.main?.runs;
    if (Array.isArray(runs) && runs.length > 1) genericTable(section(el, `By policy${outs.length > 1 ? ` — ${o.label}` : ''}`), runs);
  }
}

function renderGoodput(el, outs) {
  cards(el, outs, [
    { label: 'cluster', get: (r) => r.cluster },
    { label: 'GPUs', get: (r) => r.gpus },
    { label: 'campaign', get: (r) => r.days, unit: 'days' },
    { label: 'trials', get: (r) => r.trials },
    { label: 'interruptions per day', id: 'interruptions', get: (r) => r.interruptionsPerDay?.total },
    { label: 'effective training time ratio', id: 'ettr', get: (r) => r.ettr?.mean },
    { label: 'lost GPU-hours per day', get: (r) => r.lostGpuHoursPerDay?.mean },
    { label: 'mean time between interruptions', get: (r) => r.mtbiHours, unit: 'h' },
    { label: 'checkpoint interval', get: (r) => r.checkpointIntervalSeconds, unit: 's' },
  ]);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  const pol = (r) => (Array.isArray(r.policies) && r.policies.length ? r.policies : [r]);
  barsFrom(grid, 'Interruptions per day by cause', outs, (r) => entries(r.interruptionsPerDay?.byCause).filter((e) => e.value > 0), '', outs[0].main?.policy || '');
  barsFrom(grid, 'Effective training time ratio by policy', outs, (r) => pol(r).map((p) => ({ label: p.policy, value: p.ettr?.mean })), '');
  barsFrom(grid, 'Link interruptions per day by policy', outs, (r) => pol(r).map((p) => ({ label: p.policy, value: p.linkInterruptionsPerDay })), '');
  barsFrom(grid, 'Expected link failures per day by tier', outs, (r) => entries(r.expectedLinkFailuresPerDayByTier), '');
  for (const o of outs) {
    const d = o.main?.differencesFromFirst;
    if (d?.length) genericTable(section(el, `Differences from ${o.main.policy}${outs.length > 1 ? ` — ${o.label}` : ''}`), d.map((x) => ({
      policy: x.policy, against: x.against, ettr: x.ettr?.mean ?? x.ettr?.value ?? x.ettr, interruptionsPerDay: x.interruptionsPerDay?.mean ?? x.interruptionsPerDay?.value ?? x.interruptionsPerDay,
      lostGpuHoursPerDay: x.lostGpuHoursPerDay?.mean ?? x.lostGpuHoursPerDay?.value ?? x.lostGpuHoursPerDay,
    })));
  }
}

function renderInference(el, outs) {
  const sv = (r) => r.runs?.[0]?.serving || {};
  cards(el, outs, [
    { label: 'model', get: (r) => r.model },
    { label: 'system', get: (r) => r.runs?.[0]?.system },
    { label: 'plan (TP/PP/EP/DP)', get: (r) => sv(r).plan && `${sv(r).plan.tp} / ${sv(r).plan.pp} / ${sv(r).plan.ep} / ${sv(r).plan.dp}` },
    { label: 'batch', get: (r) => sv(r).batch },
    { label: 'time to first token', id: 'ttft', get: (r) => sv(r).timeToFirstTokenSeconds, unit: 's' },
    { label: 'time per output token', id: 'tpot', get: (r) => sv(r).timePerOutputTokenSeconds, unit: 's' },
    { label: 'tokens/s per GPU', get: (r) => sv(r).gpuTokensPerSecond },
    { label: 'tokens/s', get: (r) => sv(r).tokensPerSecond },
    { label: 'KV cache per token', get: (r) => r.kvCachePerTokenBytes, unit: 'B' },
  ]);
  const grid = document.createElement('div');
  grid.className = 'grid2';
  el.append(grid);
  barsFrom(grid, 'Decode step breakdown', outs, (r) => entries(sv(r).decode).map((e) => ({ label: e.label.replace(/Seconds$/, ''), value: e.value })), 's');
  barsFrom(grid, 'Memory per GPU', outs, (r) => entries(sv(r).memory).filter((e) => e.label.endsWith('Bytes')).map((e) => ({ label: e.label.replace(/Bytes$/, ''), value: e.value })), 'B');
  barsFrom(grid, 'Tokens/s per GPU by policy', outs, (r) => (r.runs || []).map((x) => ({ label: x.policy || x.system, value: x.serving?.gpuTokensPerSecond })), '');
}

// ---------------------------------------------------------------------------------------------------- claims

function renderClaims(el, outs) {
  cards(el, outs, [
    { label: 'claims audited', id: 'claims', get: (r) => r.claims?.length },
    { label: 'hold', get: (r) => r.claims?.filter((c) => c.verdictKind === 'HOLDS').length },
    { label: 'hold only if', get: (r) => r.claims?.filter((c) => c.verdictKind === 'HOLDS_ONLY_IF').length },
    { label: 'do not hold', get: (r) => r.claims?.filter((c) => c.verdictKind === 'DOES_NOT_HOLD').length },
    { label: 'Latin-hypercube points per claim', get: (r) => r.samples },
    { label: 'seed', get: (r) => r.seed },
  ]);
  for (const o of outs) {
    const list = o.main?.claims;
    if (!list?.length) continue;
    const v = (x, unit) => (x === null || x === undefined ? '—' : quantity(x, unit === '1' ? '' : unit, 3));
    const box = section(el, `Claims against the model${outs.length > 1 ? ` — ${o.label}` : ''}`);
    box.classList.add('claims');
    table(box, ['claim', 'claimed', 'value', 'P5–P95', 'verdict', 'deciding input', 'break-even'], list.map((c) => ({
      cls: `verdict-${String(c.verdictKind || '').toLowerCase()}`,
      cells: [{ text: c.claim, title: `${c.source}; ${c.metric}` }, c.claimed, { text: v(c.value, c.unit), num: true },
        { text: `${v(c.p5, c.unit)} – ${v(c.p95, c.unit)}`, num: true }, { text: String(c.verdictKind || '').toLowerCase().replace(/_/g, ' '), title: c.verdict },
        c.decidingInput ?? '—', { text: c.breakEven === null || c.breakEven === undefined ? '—' : v(c.breakEven, c.inputUnit), title: c.breakEvenNote || '' }],
    })), { tall: true });
  }
}

/**
 * The pages. `runs` are the studies each page asks with a design's values: `main` first (its problems go next to the
 * fields), the others optional (a failure only notes itself). `job: true` runs as a job with progress and cancel.
 */
export const PAGES = [
  { id: 'channel', group: 'Channel', title: 'Channel', study: 'channel', render: renderChannel,
    extra: [{ study: 'channel-sweep', input: 'sweep', value: 'fiber.length=5m..60m:5m' }],
    runs: [
      { key: 'sweep', study: 'channel-sweep', values: (v, x) => ({ scenario: v.scenario, ...(x.sweep ? { sweep: x.sweep } : {}) }) },
      { key: 'eye', study: 'channel-eye', values: (v) => ({ scenario: v.scenario }) },
    ] },
  { id: 'cable', group: 'Cable', title: 'Cable', study: 'cable', render: renderCable,
    runs: [{ key: 'plan', study: 'report-cable', job: true, values: (v) => ({ scenarios: [v.cable ?? 'mosaic-800g'] }) }] },
  { id: 'compare', group: 'Cable', title: 'Compare technologies', study: 'compare', render: renderCompare },
  { id: 'emulate', group: 'Datapath', title: 'Emulate (FEC)', study: 'emulate', render: renderEmulate, job: true,
    runs: [{ key: 'flr', study: 'flr-curves', values: (v) => ({ deadChannels: Math.min(3, Math.max(0, Math.trunc(Number(v.deadChannels)) || 0)) }) }] },
  { id: 'flr', group: 'Datapath', title: 'FLR by mapping', study: 'flr-curves', render: renderFlr },
  { id: 'fleet', group: 'Fleet', title: 'Fleet', study: 'fleet', render: renderFleet, initial: { floor: true },
    // comparing evaluates every policy: the policy field's untouched default is not sent (a policy the user picked is, and refused)
    values: (v, defaults) => (v.comparePolicies === true && v.policy === defaults.policy ? { ...v, policy: undefined } : v) },
  { id: 'train', group: 'Training', title: 'Train (step time)', study: 'train', render: renderTrain, initial: { timeline: true } },
  { id: 'goodput', group: 'Training', title: 'Goodput', study: 'goodput', render: renderGoodput, job: true },
  { id: 'inference', group: 'Inference', title: 'Inference', study: 'inference', render: renderInference },
  { id: 'claims', group: 'Claims', title: 'Claims audit', study: 'claims', render: renderClaims, job: true },
];
