// The web studio's HTTP API (mosaic-web). Every model number comes from here; the browser only draws it.

/** An answer other than 2xx: its status and the server's {error, problems} body. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.problems = Array.isArray(this.body.problems) ? this.body.problems : [];
  }
}

const RAW = new WeakMap();

/** The server's own text of a JSON answer (a result downloads exactly as the server wrote it). */
export function rawText(json) {
  return json && typeof json === 'object' ? RAW.get(json) : undefined;
}

async function call(method, path, body, signal) {
  const init = { method, headers: { Accept: 'application/json' }, signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { error: `the server does not answer (${e.message}); is ./mosaic serve running?` });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = { error: text.slice(0, 300) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, json);
  if (json && typeof json === 'object') RAW.set(json, text);
  return json;
}

/** A POST whose answer is text (a CSV or YAML download): the server's own text, or an ApiError. */
async function callText(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) {
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = { error: text.slice(0, 300) };
    }
    throw new ApiError(response.status, json);
  }
  return text;
}

const enc = encodeURIComponent;

export const api = {
  studies: () => call('GET', 'api/studies'),
  defaults: (study) => call('GET', `api/studies/${enc(study)}/defaults`),
  presets: () => call('GET', 'api/presets'),
  document: (study, input, value, signal) => call('POST', `api/studies/${enc(study)}/document`, { input, value }, signal),
  run: (study, values, signal) => call('POST', `api/studies/${enc(study)}/run`, values, signal),
  /** The result's metric rows as CSV, as ./mosaic run STUDY --format csv prints them. */
  runCsv: (study, values) => callText(`api/studies/${enc(study)}/run?format=csv`, values),
  /** The resolved document as YAML (a file ./mosaic takes back). */
  documentYaml: (study, input, value) => callText(`api/studies/${enc(study)}/document?format=yaml`, { input, value }),
  submit: (study, values) => call('POST', `api/studies/${enc(study)}/jobs`, values),
  job: (id) => call('GET', `api/jobs/${enc(id)}`),
  cancel: (id) => call('DELETE', `api/jobs/${enc(id)}`),
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a study as a job: submits it, polls its state, reports progress, and cancels it on the server when the signal
 * aborts. Resolves with the result; rejects with an ApiError (refused, failed) or an AbortError (cancelled).
 */
export async function runJob(study, values, { onProgress, onSubmit, signal } = {}) {
  const { id } = await api.submit(study, values);
  onSubmit?.(id);
  let cancelling = null;
  const abort = () => {
    cancelling = api.cancel(id).catch(() => {});
  };
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    let wait = 150;
    for (;;) {
      if (signal?.aborted) {
        await cancelling;
        throw new DOMException('cancelled', 'AbortError');
      }
      const job = await api.job(id);
      onProgress?.(job);
      if (job.state === 'done') return job.result;
      if (job.state === 'failed') throw new ApiError(job.error?.status || 422, job.error || { error: 'the job failed' });
      if (job.state === 'cancelled') throw new DOMException('cancelled', 'AbortError');
      await sleep(wait);
      wait = Math.min(600, wait * 1.5);
    }
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
