// Technology demands and brokers: the public demand list and page, the publishers' and reviewers'
// desk with the demand form, the public broker list (the operator's review in it), the broker's
// profile and workbench.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const publishers = ['enterprise', 'unit_admin', 'operator']
const desk = { roles: [...publishers, 'department_reviewer', 'district_officer'] }
const form = () => import('./views/DemandForm.vue')

export const techDemandsRoutes: RouteRecordRaw[] = [
  pageRoute('/tech-demands', 'tech-demands', () => import('./views/DemandsView.vue')),
  pageRoute('/tech-demands/desk', 'tech-demands-desk', () => import('./views/DemandDesk.vue'), desk),
  pageRoute('/tech-demands/desk/new', 'tech-demand-new', form, { roles: publishers }),
  pageRoute('/tech-demands/desk/:id(\\d+)/edit', 'tech-demand-edit', form, { roles: publishers }),
  pageRoute('/tech-demands/:id(\\d+)', 'tech-demand', () => import('./views/DemandDetail.vue')),
  pageRoute('/tech-brokers', 'tech-brokers', () => import('./views/BrokersView.vue')),
  pageRoute('/tech-brokers/me', 'tech-broker-profile', () => import('./views/BrokerProfile.vue'), { roles: ['broker'] }),
  pageRoute('/tech-brokers/workbench', 'tech-broker-workbench', () => import('./views/BrokerWorkbench.vue'), { roles: ['broker'] }),
]
