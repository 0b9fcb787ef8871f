// The one fetch wrapper every module's api.js goes through.
// Conventions (shared with the back end): same-origin JSON under /api, Spring Security SPA CSRF
// (cookie XSRF-TOKEN echoed in header X-XSRF-TOKEN on every non-GET), errors as {code, message, details}.
import { ElMessage } from 'element-plus'

const API_BASE = '/api'
const CSRF_COOKIE = 'XSRF-TOKEN'
const CSRF_HEADER = 'X-XSRF-TOKEN'

// Token from GET /api/auth/csrf; used only if the cookie cannot be read (e.g. made HttpOnly).
let csrfFromEndpoint = null
let unauthorizedHandler = () => {}

/** Registered once by the router: called on a 401 from anything but login. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || defaultMessage(status))
    this.name = 'ApiError'
    this.status = status
    this.code = body?.code || null
    this.details = Array.isArray(body?.details) ? body.details : []
    // the whole error body, for endpoints that add their own fields (e.g. an import's reportId)
    this.body = body || null
    // true once the wrapper has already told the user (401 redirect, 403 toast)
    this.handled = false
  }
}

function defaultMessage(status) {
  if (status === 0) return '网络异常，无法连接服务器'
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '无权限'
  if (status === 404) return '请求的资源不存在'
  if (status >= 500) return `服务器错误（${status}），请稍后重试`
  return `请求失败（${status}）`
}

function readCookie(name) {
  const prefix = name + '='
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix))
  return found ? decodeURIComponent(found.slice(prefix.length)) : null
}

// Re-read on every request: the token changes at login and logout.
function currentCsrfToken() {
  return readCookie(CSRF_COOKIE) || csrfFromEndpoint
}

/** Makes sure a CSRF token exists (cookie set by the server). */
export async function refreshCsrf() {
  csrfFromEndpoint = null
  const res = await request('GET', '/auth/csrf', { quiet: true })
  csrfFromEndpoint = res?.token || null
}

export function buildQuery(params) {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === '') continue
    q.append(key, value)
  }
  const s = q.toString()
  return s ? '?' + s : ''
}

/** URL for plain browser navigation (downloads); GET needs no CSRF header. */
export function apiUrl(path, query) {
  return API_BASE + path + buildQuery(query)
}

async function parseBody(res) {
  if (res.status === 204) return null
  const text = await res.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * options.query    - query params (empty values dropped)
 * options.body     - JSON body
 * options.formData - multipart body (FormData); the browser sets Content-Type with the boundary
 * options.noAuthRedirect - a 401 is the caller's business (login, password change, initial /me)
 * options.quiet    - no global 403 toast
 */
export async function request(method, path, options = {}) {
  const { query, body, formData, noAuthRedirect = false, quiet = false, retried = false } = options
  const unsafe = method !== 'GET' && method !== 'HEAD'
  if (unsafe && !currentCsrfToken()) await refreshCsrf()

  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (unsafe) {
    const token = currentCsrfToken()
    if (token) headers[CSRF_HEADER] = token
  }

  const url = API_BASE + path + buildQuery(query)
  let res
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: formData ?? (body === undefined ? undefined : JSON.stringify(body))
    })
  } catch {
    throw new ApiError(0, null)
  }

  const data = await parseBody(res)
  if (res.ok) return data

  // A stale CSRF token (rotated by a login/logout in another tab) also yields 403: refresh it and retry once.
  if (res.status === 403 && unsafe && !retried) {
    await refreshCsrf()
    return request(method, path, { ...options, retried: true })
  }

  const error = new ApiError(res.status, data)
  if (res.status === 401 && !noAuthRedirect) {
    error.handled = true
    unauthorizedHandler()
  } else if (res.status === 403 && !quiet) {
    error.handled = true
    ElMessage.error(error.message || '无权限')
  }
  throw error
}

export const http = {
  get: (path, query, options) => request('GET', path, { ...options, query }),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options),
  /** POST multipart/form-data: fields is a FormData or a plain object (File/Blob values become file parts). */
  upload: (path, fields, options) => request('POST', path, { ...options, formData: toFormData(fields) })
}

function toFormData(fields) {
  if (fields instanceof FormData) return fields
  const data = new FormData()
  for (const [key, value] of Object.entries(fields || {})) {
    if (value === undefined || value === null) continue
    data.append(key, value)
  }
  return data
}
