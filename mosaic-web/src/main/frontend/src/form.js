// Forms generated from a study's declared inputs (InputSpec: name, type, unit, range, defaultValue, description) and,
// for a document input, from the resolved document tree the server returns. A form only collects values; the server
// binds, checks and refuses them (422 problems shown next to the field they name).
import { api } from './api.js';
import { escapeHtml } from './format.js';

const CHOICES = /^\s*[\w.\-]+(\s*\|\s*[\w.\-]+)+\s*(,.*)?$/;

export function documentKind(spec) {
  const m = /^document\s*\((.+)\)$/.exec(spec.type || '');
  return m ? m[1].trim() : null;
}

function choicesOf(spec) {
  if (!CHOICES.test(spec.range || '')) return null;
  return spec.range.split(',')[0].split('|').map((s) => s.trim()).filter(Boolean);
}

/** The document value in its object form: {preset|yaml, set}. */
function docObject(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { preset: value, set: {} };
  return { ...value, set: { ...(value.set || {}) } };
}

function leafText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** One design's form: a panel of fields, its values (as StudyInputs.bind takes them) and its problems. */
export class DesignForm {
  /**
   * @param study    the study's description from /api/studies
   * @param values   the initial values (the defaults, or a copy of another design's)
   * @param presets  {kind: [names]} from /api/presets
   * @param onChange called (debounced by the page) when a value changes
   * @param extra    further fields from other studies the page runs: [{spec, value}]
   */
  constructor({ study, values, presets, onChange, label, extra = [], hidden = [] }) {
    this.study = study;
    this.values = structuredClone(values);
    this.presets = presets;
    this.onChange = onChange;
    this.label = label;
    this.extra = extra;
    this.hidden = new Set(hidden);
    this.trees = {};
    this.el = document.createElement('section');
    this.el.className = 'design';
    this.el.dataset.design = label;
    this.render();
  }

  changed() {
    this.onChange?.(this);
  }

  render() {
    const main = [];
    const more = [];
    for (const spec of this.study.inputs) {
      if (this.hidden.has(spec.name)) continue;
      const kind = documentKind(spec);
      const primary = kind || spec.defaultValue !== '' || ['number', 'integer', 'flag', 'choice'].includes(spec.type);
      (primary ? main : more).push(spec);
    }
    this.el.innerHTML = `<h3>${escapeHtml(this.label)}</h3><div class="fields"></div>
      <details class="more"><summary>More inputs (${more.length})</summary><div class="fields"></div></details>
      <div class="formproblems" role="alert"></div>`;
    const [fields, moreFields] = this.el.querySelectorAll('.fields');
    for (const spec of main) fields.append(this.field(spec));
    for (const { spec } of this.extra) fields.append(this.field(spec, true));
    for (const spec of more) moreFields.append(this.field(spec));
    if (!more.length) this.el.querySelector('.more').remove();
  }

  /** A field for one declared input. */
  field(spec, extra = false) {
    const kind = documentKind(spec);
    if (kind && Array.isArray(this.values[spec.name])) return this.documentListField(spec, kind);
    if (kind) return this.documentField(spec, kind);
    const wrap = document.createElement('div');
    wrap.className = 'field';
    wrap.dataset.key = spec.name;
    const id = `f-${this.label}-${spec.name}`.replace(/\W/g, '_');
    const value = extra ? this.extraValue(spec.name) : this.values[spec.name];
    const unit = spec.unit && spec.unit !== '1' ? spec.unit : '';
    const choices = choicesOf(spec);
    let control;
    if (spec.type === 'flag' && spec.defaultValue !== '') {
      control = `<input type="checkbox" id="${id}" ${value === true || value === 'true' ? 'checked' : ''}>`;
    } else if (spec.type === 'flag') {
      const v = value === null || value === undefined ? '' : String(value);
      control = `<select id="${id}"><option value="">default</option><option value="true"${v === 'true' ? ' selected' : ''}>yes</option><option value="false"${v === 'false' ? ' selected' : ''}>no</option></select>`;
    } else if (choices && spec.type === 'list') {
      const set = new Set((Array.isArray(value) ? value : String(value ?? '').split(',')).map((s) => String(s).trim()));
      control = `<span class="multi" id="${id}">${choices.map((c) => `<label><input type="checkbox" value="${escapeHtml(c)}"${set.has(c) ? ' checked' : ''}> ${escapeHtml(c)}</label>`).join('')}</span>`;
    } else if (choices) {
      const v = value === null || value === undefined ? '' : String(value);
      const none = spec.defaultValue === '' ? '<option value="">default</option>' : '';
      control = `<select id="${id}">${none}${choices.map((c) => `<option${c === v ? ' selected' : ''}>${escapeHtml(c)}</option>`).join('')}</select>`;
    } else {
      const text = Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value);
      control = `<input type="text" id="${id}" value="${escapeHtml(text)}" placeholder="${escapeHtml(spec.defaultValue || (spec.type === 'list' ? 'comma-separated' : ''))}" autocomplete="off" spellcheck="false">`;
    }
    wrap.innerHTML = `<label for="${id}" title="${escapeHtml(spec.description)}">${escapeHtml(spec.name)}</label>
      <span class="control">${control}${unit ? `<span class="unit">${escapeHtml(unit)}</span>` : ''}</span>
      <small class="help">${escapeHtml(spec.description)}${spec.range ? ` — ${escapeHtml(spec.range)}` : ''}</small>
      <div class="msg" aria-live="polite"></div>`;
    const read = () => {
      if (spec.type === 'flag' && spec.defaultValue !== '') return wrap.querySelector('input').checked;
      if (spec.type === 'flag') {
        const v = wrap.querySelector('select').value;
        return v === '' ? undefined : v === 'true';
      }
      if (choices && spec.type === 'list') return [...wrap.querySelectorAll('input:checked')].map((i) => i.value);
      const raw = (wrap.querySelector('input, select').value || '').trim();
      if (raw === '') return undefined;
      if (spec.type === 'list') {
        const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
        return spec.unit === '1' ? items.map((s) => (/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s) ? Number(s) : s)) : items;
      }
      if (spec.type === 'integer' && /^[-+]?\d[\d,_]*$/.test(raw)) return Number(raw.replace(/[,_]/g, ''));
      if (spec.type === 'number' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return Number(raw);
      return raw;
    };
    wrap.addEventListener(choices || spec.type === 'flag' ? 'change' : 'input', () => {
      const v = read();
      if (extra) {
        this.setExtra(spec.name, v);
      } else if (v === undefined) {
        delete this.values[spec.name];
      } else {
        this.values[spec.name] = v;
      }
      this.clearMessage(spec.name);
      this.changed();
    });
    return wrap;
  }

  extraValue(name) {
    return this.extra.find((e) => e.spec.name === name)?.value;
  }

  setExtra(name, v) {
    const e = this.extra.find((x) => x.spec.name === name);
    if (e) e.value = v;
  }

  /** A document input: a preset, a pasted or uploaded document, and its keys editable. */
  documentField(spec, kind) {
    const wrap = document.createElement('div');
    wrap.className = 'field document';
    wrap.dataset.key = spec.name;
    const names = this.presets[kind] || [];
    const value = docObject(this.values[spec.name]);
    const current = value?.yaml !== undefined ? '__own' : value?.preset ?? '';
    const optional = spec.defaultValue === '' || !value;
    const id = `d-${this.label}-${spec.name}`.replace(/\W/g, '_');
    wrap.innerHTML = `<label for="${id}" title="${escapeHtml(spec.description)}">${escapeHtml(spec.name)} <span class="kind">${escapeHtml(kind)} document</span></label>
      <span class="control"><select id="${id}" class="preset">
        ${optional ? `<option value=""${current === '' ? ' selected' : ''}>${spec.defaultValue ? escapeHtml(`default (${spec.defaultValue})`) : 'none'}</option>` : ''}
        ${names.map((n) => `<option${n === current ? ' selected' : ''}>${escapeHtml(n)}</option>`).join('')}
        <option value="__own"${current === '__own' ? ' selected' : ''}>my document (paste or upload)…</option>
      </select>
      <label class="upload" title="upload a YAML or JSON document">upload<input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" hidden></label></span>
      <small class="help">${escapeHtml(spec.description)}</small>
      <textarea class="yaml" rows="8" spellcheck="false" placeholder="paste a ${escapeHtml(kind)} document (YAML or JSON)" ${current === '__own' ? '' : 'hidden'}>${escapeHtml(value?.yaml ?? '')}</textarea>
      <div class="msg" aria-live="polite"></div>
      <details class="tree"><summary>Edit the document's values <span class="edits"></span></summary><div class="treebody"><p class="note">open to load…</p></div></details>`;
    const select = wrap.querySelector('select.preset');
    const area = wrap.querySelector('textarea.yaml');
    const tree = wrap.querySelector('details.tree');
    const setValue = (v) => {
      if (v === undefined) delete this.values[spec.name];
      else this.values[spec.name] = v;
      this.clearMessage(spec.name);
      this.updateEdits(wrap, spec.name);
      this.changed();
      if (tree.open) this.loadTree(spec.name, wrap);
      else tree.dataset.stale = '1';
    };
    select.addEventListener('change', () => {
      const set = docObject(this.values[spec.name])?.set || {};
      area.hidden = select.value !== '__own';
      if (select.value === '__own') {
        setValue(area.value.trim() ? { yaml: area.value, set } : this.values[spec.name]);
        area.focus();
      } else if (select.value === '') {
        setValue(optional && !spec.defaultValue ? null : undefined);
      } else {
        setValue({ preset: select.value, set });
      }
    });
    let typing;
    area.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => setValue({ yaml: area.value, set: docObject(this.values[spec.name])?.set || {} }), 400);
    });
    wrap.querySelector('input[type=file]').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      area.value = await file.text();
      area.hidden = false;
      select.value = '__own';
      setValue({ yaml: area.value, set: docObject(this.values[spec.name])?.set || {} });
    });
    tree.addEventListener('toggle', () => {
      if (tree.open && (!this.trees[spec.name] || tree.dataset.stale)) this.loadTree(spec.name, wrap);
    });
    this.updateEdits(wrap, spec.name);
    return wrap;
  }

  /** A list of documents: the presets to include, and optionally one of the user's own. */
  documentListField(spec, kind) {
    const wrap = document.createElement('div');
    wrap.className = 'field document list';
    wrap.dataset.key = spec.name;
    const items = this.values[spec.name];
    const chosen = new Set(items.filter((v) => v && (typeof v === 'string' || v.preset)).map((v) => (typeof v === 'string' ? v : v.preset)));
    const own = items.find((v) => v && typeof v === 'object' && v.yaml !== undefined);
    const names = this.presets[kind] || [];
    wrap.innerHTML = `<label title="${escapeHtml(spec.description)}">${escapeHtml(spec.name)} <span class="kind">${escapeHtml(kind)} documents</span></label>
      <span class="multi">${names.map((n) => `<label><input type="checkbox" value="${escapeHtml(n)}"${chosen.has(n) ? ' checked' : ''}> ${escapeHtml(n)}</label>`).join('')}</span>
      <small class="help">${escapeHtml(spec.description)}</small>
      <textarea class="yaml" rows="5" spellcheck="false" placeholder="and your own ${escapeHtml(kind)} document (YAML or JSON), optional">${escapeHtml(own?.yaml ?? '')}</textarea>
      <div class="msg" aria-live="polite"></div>`;
    let typing;
    const update = () => {
      const list = [...wrap.querySelectorAll('input:checked')].map((i) => ({ preset: i.value }));
      const text = wrap.querySelector('textarea').value;
      if (text.trim()) list.push({ yaml: text });
      this.values[spec.name] = list;
      this.clearMessage(spec.name);
      this.changed();
    };
    wrap.querySelector('.multi').addEventListener('change', update);
    wrap.querySelector('textarea').addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(update, 400);
    });
    return wrap;
  }

  updateEdits(wrap, input) {
    const n = Object.keys(docObject(this.values[input])?.set || {}).length;
    wrap.querySelector('.edits').textContent = n ? `(${n} edited)` : '';
  }

  /** Fetches the resolved document and lays its keys out as fields (each leaf editable; edits go to "set"). */
  async loadTree(input, wrap) {
    const body = wrap.querySelector('.treebody');
    const tree = wrap.querySelector('details.tree');
    delete tree.dataset.stale;
    const value = this.values[input];
    if (value === null || value === undefined) {
      body.innerHTML = '<p class="note">no document: the study uses its default</p>';
      return;
    }
    body.innerHTML = '<p class="note">loading…</p>';
    try {
      const doc = await api.document(this.study.name, input, value);
      this.trees[input] = doc;
      body.innerHTML = '';
      this.treeFields(input, doc, '', body);
    } catch (e) {
      body.innerHTML = `<p class="problem">${escapeHtml(e.message)}</p>`;
      if (e.problems) this.showProblems(e.problems);
    }
  }

  treeFields(input, node, path, parent) {
    const set = docObject(this.values[input])?.set || {};
    const leaves = [];
    for (const [k, v] of Object.entries(node)) {
      const p = path ? `${path}.${k}` : k;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const fs = document.createElement('fieldset');
        fs.innerHTML = `<legend>${escapeHtml(p)}</legend>`;
        parent.append(fs);
        this.treeFields(input, v, p, fs);
      } else {
        leaves.push([k, p, v]);
      }
    }
    for (const [k, p, v] of leaves) {
      const key = `${input}.${p}`;
      const wrap = document.createElement('div');
      wrap.className = 'field leaf';
      wrap.dataset.key = key;
      const id = `t-${this.label}-${key}`.replace(/\W/g, '_');
      const edited = Object.prototype.hasOwnProperty.call(set, p);
      const text = edited ? set[p] : leafText(v);
      const readOnly = Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object');
      const readOnlyKey = k === 'kind' || k === 'formatVersion';
      wrap.innerHTML = `<label for="${id}">${escapeHtml(k)}</label>
        <span class="control"><input type="text" id="${id}" value="${escapeHtml(text)}" data-original="${escapeHtml(leafText(v))}" ${readOnly || readOnlyKey ? 'readonly' : ''} spellcheck="false" autocomplete="off"></span>
        <div class="msg" aria-live="polite"></div>`;
      if (edited) wrap.classList.add('edited');
      const inputEl = wrap.querySelector('input');
      inputEl.addEventListener('input', () => {
        const obj = docObject(this.values[input]);
        if (inputEl.value === inputEl.dataset.original) delete obj.set[p];
        else obj.set[p] = inputEl.value;
        this.values[input] = obj;
        wrap.classList.toggle('edited', inputEl.value !== inputEl.dataset.original);
        this.clearMessage(key);
        this.updateEdits(this.el.querySelector(`.field.document[data-key="${CSS.escape(input)}"]`), input);
        this.changed();
      });
      parent.append(wrap);
    }
  }

  clearMessage(key) {
    const f = this.el.querySelector(`.field[data-key="${CSS.escape(key)}"]`);
    if (f) {
      f.classList.remove('invalid');
      f.querySelector('.msg').textContent = '';
    }
  }

  clearProblems() {
    for (const f of this.el.querySelectorAll('.field.invalid')) {
      f.classList.remove('invalid');
      f.querySelector('.msg').textContent = '';
    }
    this.el.querySelector('.formproblems').innerHTML = '';
  }

  /** The 422 problems next to the fields they name (the nearest field by dotted prefix); the rest above the form. */
  showProblems(problems, error) {
    this.clearProblems();
    const loose = [];
    for (const p of problems) {
      const key = String(p.input ?? '');
      let f = null;
      for (let k = key; k && !f; k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : '') {
        f = this.el.querySelector(`.field[data-key="${CSS.escape(k)}"]`);
      }
      const value = p.value === undefined || p.value === null ? '' : typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
      const expected = String(p.expected ?? p.message ?? '');
      const text = `${value && !expected.includes(value) ? `${value}: ` : ''}${expected && !/expected/.test(expected) ? 'expected ' : ''}${expected}${p.hint ? ` (hint: ${p.hint})` : ''}`;
      if (f) {
        f.classList.add('invalid');
        const msg = f.querySelector('.msg');
        msg.textContent = (msg.textContent ? `${msg.textContent}; ` : '') + (f.dataset.key === key ? text : `${key}: ${text}`);
        if (f.closest('details.more')) f.closest('details.more').open = true;
      } else {
        loose.push(`${key ? `${key}: ` : ''}${text}`);
      }
    }
    const box = this.el.querySelector('.formproblems');
    if (loose.length || (!problems.length && error)) {
      box.innerHTML = `<p class="problem">${escapeHtml(error || 'refused')}</p>${loose.map((l) => `<p class="problem">${escapeHtml(l)}</p>`).join('')}`;
    }
  }

  /** Marks the fields whose values differ from another design's. */
  markDifferences(other) {
    for (const f of this.el.querySelectorAll('.field[data-key]')) {
      const key = f.dataset.key;
      if (f.classList.contains('leaf')) {
        const [input, ...rest] = key.split('.');
        const p = rest.join('.');
        const mine = docObject(this.values[input])?.set?.[p];
        const theirs = docObject(other.values[input])?.set?.[p];
        f.classList.toggle('diff', mine !== theirs);
      } else {
        const a = JSON.stringify(this.values[key] ?? this.extraValue(key) ?? null);
        const b = JSON.stringify(other.values[key] ?? other.extraValue(key) ?? null);
        f.classList.toggle('diff', a !== b);
      }
    }
  }

  /** The values the study's run takes, with the extra fields of the page. */
  snapshot() {
    const extra = {};
    for (const e of this.extra) if (e.value !== undefined) extra[e.spec.name] = e.value;
    return { values: structuredClone(this.values), extra };
  }
}
