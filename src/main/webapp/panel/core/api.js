// Fetch wrapper for the panel API: sends the panel token, turns {"error","detail"} into an Error.
import { session } from './session.js';

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} detail */
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

/** Sends JSON to the panel API. @param {string} path @param {unknown} body */
export function postJson(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** Fetches a file from the panel API and hands it to the browser as a download. */
export async function download(path, fileName) {
  const response = await fetch(`${session.base}/api/panel/${path}`, { headers: { Authorization: `Bearer ${session.token}` } });
  if (!response.ok) throw new ApiError(response.status, 'download_failed', `Download failed (${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * @param {string} path  path under /api/panel, e.g. "me"
 * @param {RequestInit} [options]
 */
export async function api(path, options = {}) {
  const response = await fetch(`${session.base}/api/panel/${path}`, {
    ...options,
    headers: { Accept: 'application/json', Authorization: `Bearer ${session.token}`, ...(options.headers || {}) },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'error', body?.detail ?? `Request failed (${response.status}).`);
  }
  return body;
}
