// The achievement library's pages: public lists and pages (achievements, talents and teams,
// packages, statistics), the unit's registrations, the review queue and the package builder.
import type { RouteRecordRaw } from 'vue-router'
import { pageRoute } from '@/shared/routing'

const units = { roles: ['unit_admin', 'operator'] }
const reviewers = { roles: ['department_reviewer', 'operator'] }
const form = () => import('./views/RegistrationForm.vue')
const profile = () => import('./views/ProfileDetail.vue')

export const achievementsRoutes: RouteRecordRaw[] = [
  pageRoute('/achievements', 'achievements', () => import('./views/AchievementsView.vue')),
  pageRoute('/achievements/statistics', 'achievement-statistics', () => import('./views/StatisticsView.vue')),
  pageRoute('/achievements/mine', 'achievements-mine', () => import('./views/MyRegistrationsView.vue'), units),
  pageRoute('/achievements/mine/:kind(achievement|talent|team)/new', 'achievement-new', form, units),
  pageRoute('/achievements/mine/:kind(achievement|talent|team)/:id/edit', 'achievement-edit', form, units),
  pageRoute('/achievements/review', 'achievements-review', () => import('./views/AchievementReviewView.vue'), reviewers),
  pageRoute('/achievements/packages', 'package-builder', () => import('./views/PackageBuilderView.vue'), reviewers),
  pageRoute('/achievements/packages/:id/edit', 'package-edit', () => import('./views/PackageEditor.vue'), reviewers),
  pageRoute('/achievements/:id(\\d+)', 'achievement', () => import('./views/AchievementDetail.vue')),
  pageRoute('/talents', 'talents', () => import('./views/PeopleView.vue')),
  pageRoute('/talents/:id(\\d+)', 'talent', profile, undefined, { kind: 'talent' }),
  pageRoute('/teams/:id(\\d+)', 'team', profile, undefined, { kind: 'team' }),
  pageRoute('/packages', 'packages', () => import('./views/PackagesView.vue')),
  pageRoute('/packages/:id(\\d+)', 'package', () => import('./views/PackageDetail.vue')),
]
