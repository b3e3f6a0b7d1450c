// Calls to both services with the signed-in key. The key lives in sessionStorage (gone when the tab
// closes) and travels only in the Authorization header, never in a URL.
const KEY = 's2l.key';
let config = null;
let me = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => { sessionStorage.setItem(KEY, key); me = null; },
  signOut: () => { sessionStorage.removeItem(KEY); me = null; },
};

/** The experiment service's public configuration for the dashboard, read once. */
export async function dashboardConfig() {
  if (!config) {
    const res = await fetch('/dashboard/config.json');
    config = await res.json();
  }
  return config;
}

/** Where the analysis service is. */
export async function analysisUrl() {
  return (await dashboardConfig()).analysisUrl;
}

async function base(service) {
  return service === 'analysis' ? analysisUrl() : '';
}

function headers(extra = {}) {
  return { Authorization: `Bearer ${session.key()}`, ...extra };
}

async function failure(res) {
  let problem = null;
  try { problem = await res.json(); } catch { /* a body that is not JSON */ }
  return new ApiError(res.status, problem);
}

/** A JSON call; throws ApiError with the problem details on any status outside 2xx. */
export async function call(service, path, { method = 'GET', body, type = 'application/json', extra } = {}) {
  const init = { method, headers: headers(extra) };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
    init.headers['Content-Type'] = type;
  }
  const res = await fetch((await base(service)) + path, init);
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return null;
  return res.json();
}

export const get = (service, path) => call(service, path);

/** GET that answers null on 404 (a result this study does not have). */
export async function find(service, path) {
  try { return await get(service, path); } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** An image or SVG behind the key, as an object URL an <img> can show. */
export async function blobUrl(service, path) {
  const res = await fetch((await base(service)) + path, { headers: headers() });
  if (!res.ok) throw await failure(res);
  return URL.createObjectURL(await res.blob());
}

/** The signed-in key: id, owner, name, role. */
export async function whoAmI() {
  if (!me) me = await get('experiment', '/api/v1/keys/me');
  return me;
}

export const canSubmit = (key) => key.role === 'SUBMIT' || key.role === 'ADMIN';

/**
 * Follows a study's server-sent progress events. EventSource cannot send a header, so the stream
 * is read with fetch; onEvent gets each parsed "progress" view. Returns a function that stops it.
 */
export function follow(studyId, onEvent, onEnd) {
  const abort = new AbortController();
  (async () => {
    try {
      const res = await fetch(`/api/v1/studies/${studyId}/events`, { headers: headers(), signal: abort.signal });
      if (!res.ok) throw await failure(res);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (data) onEvent(JSON.parse(data));
        }
      }
      onEnd(null);
    } catch (e) {
      if (e.name !== 'AbortError') onEnd(e);
    }
  })();
  return () => abort.abort();
}
