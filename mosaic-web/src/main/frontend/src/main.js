// The Mosaic studio: a study picker, forms generated from each study's declared inputs, results drawn from the
// result JSON the server returns, two designs side by side, downloads, and long work as jobs with progress and cancel.
import './style.css';
import { api, ApiError, rawText, runJob } from './api.js';
import { DesignForm, documentKind } from './form.js';
import { at, download, escapeHtml, quantity } from './format.js';
import { PAGES } from './pages.js';
import { scrollAffordance } from './charts.js';

const state = { studies: [], byName: new Map(), presets: {}, view: null };
const $ = (sel) => document.querySelector(sel);

function setStatus(text, kind = '') {
  const s = $('#status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

const DEBOUNCE_MS = 350;

/** One open page: its designs (A, and B when comparing), their runs and the drawing of their results. */
class PageView {
  constructor(page, study) {
    this.page = page;
    this.study = study;
    this.designs = [];
    this.outs = [];
    this.cache = {};
    this.timer = null;
    this.generation = 0;
  }

  async mount(main) {
    main.innerHTML = `<div class="pagehead"><div><h2>${escapeHtml(this.page.title)}</h2><p class="question">${escapeHtml(this.study.question)}</p></div>
      <div class="tools"><label class="toggle" title="run as a job on the server: progress and a cancel button"><input type="checkbox" id="asjob"${this.page.job ? ' checked' : ''}> as a job</label>
      <label class="toggle"><input type="checkbox" id="compare"> two designs side by side</label>
      <button type="button" id="runnow">Run now</button></div></div>
      <div class="workspace"><div class="forms" id="forms"></div><div class="results"><div class="runs" id="runs"></div><div id="results" class="resultbody"><p class="note">running…</p></div></div></div>`;
    this.main = main;
    main.querySelector('#runnow').addEventListener('click', () => this.runAll());
    main.querySelector('#compare').addEventListener('change', (e) => this.setCompare(e.target.checked));
    main.querySelector('#asjob').addEventListener('change', () => this.runAll());
    let defaults;
    try {
      defaults = await api.defaults(this.study.name);
    } catch (e) {
      main.querySelector('#results').innerHTML = `<p class="problem">${escapeHtml(e.message)}</p>`;
      setStatus('refused', 'bad');
      document.body.dataset.state = 'done';
      return;
    }
    this.defaults = { ...defaults, ...(this.page.initial || {}) };
    this.addDesign('A', this.defaults);
    this.runAll();
  }

  extraFields() {
    return (this.page.extra || []).map((x) => {
      const other = state.byName.get(x.study);
      if (!other || other.bindable === false) return null;
      const spec = other.inputs.find((i) => i.name === x.input);
      return spec ? { spec: { ...spec, defaultValue: x.value }, value: x.value } : null;
    }).filter(Boolean);
  }

  addDesign(label, values, extra) {
    const form = new DesignForm({
      study: this.study, values, presets: state.presets, label, extra: extra || this.extraFields(),
      onChange: () => this.schedule(),
    });
    const tools = document.createElement('div');
    tools.className = 'downloads';
    tools.innerHTML = `<span>download</span><button type="button" data-dl="yaml">document YAML</button><button type="button" data-dl="document">document JSON</button><button type="button" data-dl="json">result JSON</button><button type="button" data-dl="csv">result CSV</button><button type="button" data-dl="inputs">inputs</button>`;
    tools.addEventListener('click', (e) => {
      const kind = e.target.dataset?.dl;
      if (kind) this.download(form, kind);
    });
    form.el.querySelector('h3').after(tools);
    this.designs.push(form);
    this.main.querySelector('#forms').append(form.el);
    this.main.querySelector('.workspace').classList.toggle('two', this.designs.length > 1);
  }

  setCompare(on) {
    if (on && this.designs.length === 1) {
      const a = this.designs[0];
      this.addDesign('B', a.values, a.extra.map((x) => ({ ...x })));
    } else if (!on && this.designs.length > 1) {
      const b = this.designs.pop();
      b.el.remove();
      this.main.querySelector('.workspace').classList.remove('two');
    }
    this.runAll();
  }

  schedule() {
    clearTimeout(this.timer);
    document.body.dataset.state = 'pending';
    this.markDifferences();
    this.timer = setTimeout(() => this.runAll(), DEBOUNCE_MS);
  }

  markDifferences() {
    if (this.designs.length > 1) {
      this.designs[0].markDifferences(this.designs[1]);
      this.designs[1].markDifferences(this.designs[0]);
    } else {
      for (const f of this.designs[0]?.el.querySelectorAll('.field.diff') || []) f.classList.remove('diff');
    }
  }

  /** Runs every study of the page for every design; draws as results arrive; a newer run supersedes an older one. */
  async runAll() {
    clearTimeout(this.timer);
    this.controllers?.forEach((c) => c.abort());
    this.controllers = [];
    const gen = ++this.generation;
    this.markDifferences();
    const runsBox = this.main.querySelector('#runs');
    runsBox.innerHTML = '';
    this.outs = this.designs.map((d) => ({ label: d.label, errors: {} }));
    const started = performance.now();
    setStatus('running…', 'busy');
    document.body.dataset.state = 'running';
    const tasks = [];
    this.designs.forEach((design, k) => {
      const { values, extra } = design.snapshot();
      const out = this.outs[k];
      const asJob = this.main.querySelector('#asjob').checked;
      const runs = [{ key: 'main', study: this.page.study || this.study.name, job: asJob, values: (v) => (this.page.values ? this.page.values(v, this.defaults) : v) }, ...(this.page.runs || [])];
      for (const run of runs) {
        if (!state.byName.has(run.study) || (run.key !== 'main' && state.byName.get(run.study).bindable === false)) {
          out.errors[run.key] = `${run.study} is not offered by this server (it cannot bind its inputs yet)`;
          continue;
        }
        const body = run.values(values, extra);
        const cacheKey = `${run.study} ${JSON.stringify(body)}`;
        if (this.cache[cacheKey]) {
          out[run.key] = this.cache[cacheKey];
          continue;
        }
        const ctl = new AbortController();
        this.controllers.push(ctl);
        const label = `${this.designs.length > 1 ? `${design.label}: ` : ''}${run.study}`;
        const bar = run.job ? this.progressBar(runsBox, label, ctl) : null;
        const t = (async () => {
          try {
            const result = run.job
              ? await runJob(run.study, body, { signal: ctl.signal, onProgress: (j) => bar.update(j), onSubmit: (id) => bar.submitted(id) })
              : await api.run(run.study, body, ctl.signal);
            if (gen !== this.generation) return;
            out[run.key] = result;
            if (run.once || run.key !== 'main') this.cache[cacheKey] = result;
            if (run.key === 'main') design.clearProblems();
            bar?.done();
          } catch (e) {
            if (gen !== this.generation) return;
            if (e.name === 'AbortError') {
              out.errors[run.key] = 'cancelled';
              bar?.cancelled();
              return;
            }
            bar?.failed(e.message);
            out.errors[run.key] = e.message + (e.problems?.length ? `: ${e.problems.map((p) => `${p.input} ${p.expected ?? ''}`).join('; ')}` : '');
            if (run.key === 'main') design.showProblems(e instanceof ApiError ? e.problems : [], e.message);
          }
          this.draw();
        })();
        tasks.push(t);
      }
    });
    this.draw();
    await Promise.all(tasks);
    if (gen !== this.generation) return;
    const failed = this.outs.some((o) => o.errors.main && o.errors.main !== 'cancelled');
    const cancelled = this.outs.some((o) => o.errors.main === 'cancelled');
    setStatus(failed ? 'refused: see the messages next to the fields' : cancelled ? 'cancelled' : `ran in ${Math.round(performance.now() - started)} ms`,
      failed || cancelled ? 'bad' : 'ok');
    document.body.dataset.runs = String(gen);
    document.body.dataset.state = 'done';
  }

  progressBar(parent, label, ctl) {
    const el = document.createElement('div');
    el.className = 'job';
    el.innerHTML = `<span class="jl">${escapeHtml(label)}</span><progress max="1" value="0"></progress><span class="jt">queued</span><button type="button" class="cancel">Cancel</button>`;
    parent.append(el);
    el.querySelector('.cancel').addEventListener('click', () => ctl.abort());
    const txt = el.querySelector('.jt');
    const prog = el.querySelector('progress');
    return {
      submitted(id) {
        el.dataset.job = id;
      },
      update(j) {
        if (Number.isFinite(j.fraction)) prog.value = j.fraction;
        txt.textContent = `${j.state}${j.total ? ` ${j.done}/${j.total}` : ''}${j.task ? ` — ${j.task}` : ''}`;
        el.dataset.state = j.state;
      },
      done() {
        el.remove();
      },
      cancelled() {
        el.dataset.state = 'cancelled';
        txt.textContent = 'cancelled';
        el.querySelector('.cancel').remove();
      },
      failed(m) {
        el.dataset.state = 'failed';
        txt.textContent = m;
        el.querySelector('.cancel').remove();
      },
    };
  }

  draw() {
    const el = this.main.querySelector('#results');
    const outs = this.outs;
    // while a new run has no answer yet, the last results stay (dimmed) instead of blinking away
    if (!outs.some((o) => o.main || o.errors.main) && el.querySelector('.cards, figure, .problem')) {
      el.classList.add('stale');
      return;
    }
    el.classList.remove('stale');
    el.innerHTML = '';
    for (const o of outs) {
      if (o.errors.main && o.errors.main !== 'cancelled') el.insertAdjacentHTML('beforeend', `<p class="problem">${escapeHtml(`${outs.length > 1 ? `${o.label}: ` : ''}${o.errors.main}`)}</p>`);
    }
    if (!outs.some((o) => o.main)) {
      if (!outs.some((o) => o.errors.main)) el.insertAdjacentHTML('beforeend', '<p class="note">running…</p>');
      return;
    }
    try {
      (this.page.render || (() => {}))(el, outs);
    } catch (e) {
      el.insertAdjacentHTML('beforeend', `<p class="problem">could not draw this result: ${escapeHtml(e.message)}</p>`);
    }
    this.numbers(el, outs);
  }

  /** Every declared scalar metric of the study, one column per design, differences highlighted. */
  numbers(el, outs) {
    const metrics = this.study.metrics.filter((m) => !/[[*]/.test(m.path));
    const rows = metrics.map((m) => {
      const vals = outs.map((o) => (o.main ? at(o.main, m.path) : undefined));
      if (vals.every((v) => v === undefined)) return null;
      const texts = vals.map((v) => quantity(v, m.unit === 'bool' ? '' : m.unit, 5));
      return `<tr class="${outs.length > 1 && new Set(texts).size > 1 ? 'diff' : ''}"><td title="${escapeHtml(m.description)}">${escapeHtml(m.path)}</td>${texts.map((t) => `<td class="num">${escapeHtml(t)}</td>`).join('')}</tr>`;
    }).filter(Boolean);
    if (!rows.length) return;
    const d = document.createElement('details');
    d.className = 'numbers panel';
    d.open = this.page.id === 'generic';
    d.innerHTML = `<summary>Every number of the result (${rows.length})</summary><p class="scrollhint" hidden></p><div class="tablebox tall"><table><thead><tr><th>metric</th>${outs.map((o) => `<th>${escapeHtml(o.label)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
    el.append(d);
    scrollAffordance(d.querySelector('.tablebox'));
  }

  async download(form, kind) {
    const k = this.designs.indexOf(form);
    const out = this.outs[k] || {};
    const base = `${this.study.name}-${form.label}`;
    if (kind === 'json' || kind === 'csv') {
      if (!out.main) {
        setStatus('no result to download yet', 'bad');
        return;
      }
      if (kind === 'json') download(`${base}.json`, rawText(out.main) ?? JSON.stringify(out.main, null, 2));
      else {
        // the server's CSV of the same inputs (metric,value,unit: ./mosaic run --format csv), not a flattening here
        try {
          download(`${base}.csv`, await api.runCsv(this.page.study || this.study.name, form.snapshot().values), 'text/csv');
        } catch (e) {
          setStatus(`CSV: ${e.message}`, 'bad');
        }
      }
    } else if (kind === 'inputs') {
      download(`${base}-inputs.json`, JSON.stringify(form.snapshot().values, null, 2));
    } else {
      const docs = this.study.inputs.filter((i) => documentKind(i) && form.values[i.name] != null);
      if (!docs.length) {
        setStatus('this design has no document', 'bad');
        return;
      }
      for (const spec of docs) {
        const value = form.values[spec.name];
        const each = Array.isArray(value) ? value.map((v, i) => [v, `${spec.name}-${i + 1}`]) : [[value, spec.name]];
        for (const [v, name] of each) {
          try {
            if (kind === 'yaml') {
              download(`${base}-${name}.yaml`, await api.documentYaml(this.study.name, spec.name, v), 'application/yaml');
            } else {
              const doc = await api.document(this.study.name, spec.name, v);
              download(`${base}-${name}.json`, rawText(doc) ?? JSON.stringify(doc, null, 2));
            }
          } catch (e) {
            form.showProblems(e.problems || [], e.message);
          }
        }
      }
    }
  }

  unmount() {
    clearTimeout(this.timer);
    this.controllers?.forEach((c) => c.abort());
  }
}

function picker() {
  const nav = $('#picker');
  const groups = new Map();
  for (const p of PAGES) {
    if (!state.byName.has(p.study)) continue;
    if (!groups.has(p.group)) groups.set(p.group, []);
    groups.get(p.group).push({ href: `#/${p.id}`, title: p.title, id: p.id, off: state.byName.get(p.study).bindable === false });
  }
  const covered = new Set(PAGES.map((p) => p.study));
  const others = state.studies.filter((s) => !covered.has(s.name) && s.bindable !== false);
  if (others.length) groups.set('Other studies', others.map((s) => ({ href: `#/study/${s.name}`, title: s.name, id: `study/${s.name}` })));
  nav.innerHTML = [...groups].map(([g, items]) => `<div class="group"><h5>${escapeHtml(g)}</h5>${items.map((i) => `<a href="${i.href}" data-page="${escapeHtml(i.id)}"${i.off ? ' class="off" title="the server cannot bind this study\'s inputs yet"' : ''}>${escapeHtml(i.title)}</a>`).join('')}</div>`).join('');
}

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  let page = PAGES.find((p) => p.id === hash && state.byName.has(p.study));
  let study;
  if (!page && hash.startsWith('study/')) {
    study = state.byName.get(decodeURIComponent(hash.slice(6)));
    if (study) page = { id: 'generic', group: 'Other studies', title: study.name, study: study.name };
  }
  if (!page) {
    page = PAGES.find((p) => state.byName.has(p.study));
    if (!page) {
      $('#main').innerHTML = '<p class="problem">the server offers none of the studio\'s studies</p>';
      return;
    }
    history.replaceState(null, '', `#/${page.id}`);
  }
  study ||= state.byName.get(page.study);
  for (const a of document.querySelectorAll('#picker a')) a.classList.toggle('active', a.dataset.page === (page.id === 'generic' ? hash : page.id));
  document.body.classList.remove('menu-open');
  state.view?.unmount();
  state.view = new PageView(page, study);
  document.body.dataset.page = page.id;
  state.view.mount($('#main'));
}

async function start() {
  $('#menu').addEventListener('click', () => {
    const open = document.body.classList.toggle('menu-open');
    $('#menu').setAttribute('aria-expanded', String(open));
  });
  try {
    const [studies, presets] = await Promise.all([api.studies(), api.presets()]);
    state.studies = studies;
    state.byName = new Map(studies.map((s) => [s.name, s]));
    state.presets = presets || {};
    // a channel input takes a channel or a cable scenario (a cable is checked whole)
    if (state.presets.cable) state.presets.channel = [...new Set([...(state.presets.channel || []), ...state.presets.cable])];
  } catch (e) {
    $('#main').innerHTML = `<p class="problem">${escapeHtml(e.message)}</p>`;
    document.body.dataset.state = 'done';
    return;
  }
  picker();
  window.addEventListener('hashchange', route);
  route();
}

start();
