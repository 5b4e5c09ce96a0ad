// Who is logged in, and which step of logging in is still pending.
import { reactive } from 'vue'
import { api, ApiError, onGateError, setCsrfToken } from '@/shared/api'
import type { LoginResponse, User } from '@/shared/types'

const FLAGS_KEY = 'keyuan.login'

interface StoredFlags {
  second_factor_required: boolean
  second_factor_enrolled: boolean
}

export const session = reactive({
  user: null as User | null,
  loaded: false,
  secondFactorRequired: false,
  secondFactorEnrolled: false,
  secondFactorPassed: true,
  mustChangePassword: false,
})

function storeFlags(flags: StoredFlags | null): void {
  try {
    if (flags) sessionStorage.setItem(FLAGS_KEY, JSON.stringify(flags))
    else sessionStorage.removeItem(FLAGS_KEY)
  } catch {
    /* memory only */
  }
}

function readFlags(): StoredFlags | null {
  try {
    const text = sessionStorage.getItem(FLAGS_KEY)
    return text ? (JSON.parse(text) as StoredFlags) : null
  } catch {
    return null
  }
}

function clear(): void {
  session.user = null
  session.secondFactorRequired = false
  session.secondFactorEnrolled = false
  session.secondFactorPassed = true
  session.mustChangePassword = false
  setCsrfToken('')
  storeFlags(null)
}

/** Restores the session from the cookie (GET /me) once, at start-up. */
export async function restoreSession(): Promise<void> {
  try {
    const me = await api.get<User>('/me', undefined, { quiet: true })
    session.user = me
    session.mustChangePassword = me.must_change_password
    session.secondFactorPassed = me.second_factor_passed !== false
    const flags = readFlags()
    session.secondFactorRequired = !session.secondFactorPassed || (flags?.second_factor_required ?? false)
    session.secondFactorEnrolled = me.totp_enabled || (flags?.second_factor_enrolled ?? false)
  } catch (e) {
    if (!(e instanceof ApiError) || e.status === 401) clear()
  } finally {
    session.loaded = true
  }
}

export async function login(username: string, password: string): Promise<void> {
  const r = await api.post<LoginResponse>('/auth/login', { username, password }, { quiet: true })
  setCsrfToken(r.csrf_token)
  session.user = r.user
  session.secondFactorRequired = r.second_factor_required
  session.secondFactorEnrolled = r.second_factor_enrolled
  session.secondFactorPassed = !r.second_factor_required
  session.mustChangePassword = r.must_change_password
  storeFlags({ second_factor_required: r.second_factor_required, second_factor_enrolled: r.second_factor_enrolled })
}

export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout', undefined, { quiet: true })
  } finally {
    clear()
  }
}

export function secondFactorPassed(): void {
  session.secondFactorPassed = true
  session.secondFactorEnrolled = true
  storeFlags({ second_factor_required: session.secondFactorRequired, second_factor_enrolled: true })
}

export function passwordChanged(user: User): void {
  session.user = { ...user, second_factor_passed: session.secondFactorPassed }
  session.mustChangePassword = false
}

export function hasRole(...roles: string[]): boolean {
  return !!session.user && session.user.roles.some((r) => roles.includes(r))
}

/** The route name of the login step still pending, if any. */
export function pendingStep(): string | null {
  if (!session.user) return null
  if (session.secondFactorRequired && !session.secondFactorPassed) {
    return session.secondFactorEnrolled ? 'totp-verify' : 'totp-enroll'
  }
  if (session.mustChangePassword) return 'password'
  return null
}

/** Where a user lands after logging in. */
export function homeFor(): string {
  if (hasRole('unit_admin')) return '/workbench'
  if (hasRole('department_reviewer', 'operator')) return '/review'
  if (hasRole('security_admin')) return '/security'
  if (hasRole('audit_admin')) return '/audit'
  if (hasRole('system_admin')) return '/system'
  return '/'
}

export function installGateHandler(go: (path: string) => void): void {
  onGateError((error) => {
    if (error.code === 'unauthenticated') {
      clear()
      go('/login')
    } else if (error.code === 'password_change_required') {
      session.mustChangePassword = true
      go('/account/password')
    } else if (error.code === 'second_factor_required') {
      session.secondFactorRequired = true
      session.secondFactorPassed = false
      go(session.secondFactorEnrolled ? '/login/totp' : '/login/totp-enroll')
    }
  })
}
