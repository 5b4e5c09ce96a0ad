// The one way the UI talks to the server: JSON over fetch with the session cookie, the CSRF
// header on every non-GET request, and Accept-Language following the chosen UI language.
import { locale, t } from '@/shared/i18n'

export interface FieldError {
  field: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: FieldError[]

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message)
    this.status = status
    this.code = code
    this.fields = fields
  }

  /** Messages per field: several messages for one field are joined. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const f of this.fields) out[f.field] = out[f.field] ? `${out[f.field]}\n${f.message}` : f.message
    return out
  }
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

const CSRF_KEY = 'keyuan.csrf'
let csrfToken: string = readStoredCsrf()

function readStoredCsrf(): string {
  try {
    return sessionStorage.getItem(CSRF_KEY) ?? ''
  } catch {
    return ''
  }
}

export function setCsrfToken(token: string): void {
  csrfToken = token
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token)
    else sessionStorage.removeItem(CSRF_KEY)
  } catch {
    /* storage unavailable: memory only */
  }
}

/** Called for errors that mean "go somewhere else first" (set by the session module). */
type GateHandler = (error: ApiError) => void
let gateHandler: GateHandler | null = null
export function onGateError(handler: GateHandler): void {
  gateHandler = handler
}
const GATE_CODES = new Set(['unauthenticated', 'password_change_required', 'second_factor_required'])

export interface RequestOptions {
  query?: Record<string, string | number | undefined | null>
  body?: unknown
  /** A body sent as it is (a file), with its own Content-Type; takes the place of `body`. */
  raw?: { data: Blob | string; contentType: string }
  /** Extra request headers, e.g. If-Match. */
  headers?: Record<string, string>
  /** Do not hand gate errors (401, pending password change or second factor) to the router. */
  quiet?: boolean
  signal?: AbortSignal
}

export function buildQuery(query?: RequestOptions['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': locale.value === 'en' ? 'en' : 'zh-CN',
  }
  if (options.headers) Object.assign(headers, options.headers)
  let body: BodyInit | undefined
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType
    body = options.raw.data
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let response: Response
  try {
    response = await fetch(`/api/v1${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'network', t('common.networkError'))
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
  }
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined)?.error
    const error = new ApiError(
      response.status,
      err?.code ?? `http_${response.status}`,
      err?.message ?? `${t('common.unknownError')} (HTTP ${response.status})`,
      Array.isArray(err?.fields) ? err!.fields : [],
    )
    if (!options.quiet && GATE_CODES.has(error.code) && gateHandler) gateHandler(error)
    throw error
  }
  return data as T
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], options: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, options),
}

/** The message to show a person for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && e.message) return e.message
  return t('common.unknownError')
}
