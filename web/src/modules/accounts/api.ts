// Accounts' calls of the login steps; logging in and out themselves live in the shared session.
import { api } from '@/shared/api'
import type { User } from '@/shared/types'

// quiet: these pages are the login steps, so their errors must not send the person elsewhere.
const quiet = { quiet: true }

export const accountsApi = {
  changePassword: (current_password: string, new_password: string) =>
    api.post<User>('/auth/password', { current_password, new_password }, quiet),
  enrollSecondFactor: () => api.post<{ secret: string; otpauth_uri: string }>('/auth/totp/enroll', undefined, quiet),
  /** Proves the code: `activate` finishes enrolling, `verify` passes the step of a later login. */
  proveSecondFactor: (step: 'activate' | 'verify', code: string) => api.post(`/auth/totp/${step}`, { code }, quiet),
}
