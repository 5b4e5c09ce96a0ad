// The security administrator's calls: accounts, their roles and the two-person role grants.
import { api, type Page } from '@/shared/api'
import type { AccountRow, RoleGrant } from '@/modules/security/types'

export const securityApi = {
  accounts: async (q: string) => (await api.get<Page<AccountRow>>('/users', { q, page_size: 200 })).items,
  pendingGrants: async () => (await api.get<{ items: RoleGrant[] }>('/role-grants', { status: 'pending' })).items,
  setRoles: (account: AccountRow, roles: string[]) =>
    api.patch<AccountRow>(`/users/${account.id}`, { roles }, { headers: { 'If-Match': `"${account.version}"` } }),
  decideGrant: (grant: RoleGrant, verdict: 'confirm' | 'refuse') => api.post<RoleGrant>(`/role-grants/${grant.id}/${verdict}`),
}
