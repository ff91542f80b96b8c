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
