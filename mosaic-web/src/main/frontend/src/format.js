// Formatting of numbers the server computed: significant digits and SI prefixes. Nothing here computes a model value.

const PREFIXES = [
  [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f'],
];
/** Units shown with an SI prefix; other units keep the number as it is. */
const PREFIXABLE = new Set(['m', 's', 'Hz', 'b/s', 'W', 'B', 'J', 'A', 'V', 'B/s', 'FLOP/s']);

export function num(x, digits = 4) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(digits - 1).replace('e+', 'e');
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return Number(x.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 12 });
}

/** A value with its unit: "12.2 m", "2.13 Gb/s", "5.3 W", "0.0039". */
export function quantity(x, unit, digits = 4) {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'boolean') return x ? 'yes' : 'no';
  if (typeof x !== 'number') return String(x);
  if (!unit || unit === '1' || unit === 'bool') return num(x, digits);
  if (PREFIXABLE.has(unit) && x !== 0 && Number.isFinite(x)) {
    const a = Math.abs(x);
    for (const [f, p] of PREFIXES) {
      if (a >= f * 0.9999999) return `${Number((x / f).toPrecision(digits))} ${p}${unit}`;
    }
  }
  return `${num(x, digits)} ${unit}`;
}

/** The unit of a result key, by the same name endings the server declares (used only when a metric has none). */
export function unitOfKey(key) {
  const k = String(key);
  const ends = [
    ['BitsPerSecond', 'b/s'], ['Meters', 'm'], ['Seconds', 's'], ['Watts', 'W'], ['Hz', 'Hz'], ['Dbm', 'dBm'], ['Db', 'dB'],
    ['Bytes', 'B'], ['Usd', 'USD'], ['Kwh', 'kWh'], ['Picojoules', 'pJ'], ['Hours', 'h'], ['Mm2', 'mm²'],
  ];
  for (const [e, u] of ends) if (k.endsWith(e)) return u;
  return '';
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Reads a value at a dotted path ("power.perEndWatts"); undefined when absent. */
export function at(obj, path) {
  let x = obj;
  for (const part of String(path).split('.')) {
    if (x === null || x === undefined) return undefined;
    x = x[part];
  }
  return x;
}

/** The result JSON flattened to path,value rows (the CSV download); lists of numbers are indexed. */
export function flatten(obj, prefix = '', rows = []) {
  if (obj === null || typeof obj !== 'object') {
    rows.push([prefix, obj]);
  } else if (Array.isArray(obj)) {
    obj.forEach((v, i) => flatten(v, `${prefix}[${i}]`, rows));
  } else {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, rows);
  }
  return rows;
}

export function csv(rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
