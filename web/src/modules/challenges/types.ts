// Open challenges (揭榜挂帅) as the API sends them (docs/design/challenges.md): the answers generated from
// the server's description; the forms' inputs written here.
import type { components } from '@/shared/api-types'

type Schemas = components['schemas']

/** The workflow's states (generated from src/modules/challenges/route_docs.cpp, `npm run api-types`). */
export type ChallengeStatus = Schemas['Challenge']['status']

export interface ChallengeInput {
  title: string
  problem: string
  requirements: string[]
  industry_codes: string[]
  reward_fen: number
  reward_split: string
  application_deadline: string
  delivery_months: number
  contact_name: string
  contact_phone: string
}

/** A challenge as the server answers it, with the caller's own application when they have one. */
export type Challenge = Schemas['Challenge']

export interface TeamMember {
  name: string
  title: string
  role: string
}

export interface ProposalInput {
  approach: string
  team: TeamMember[]
  budget_fen: number
  schedule: string
  expected_results: string
  contact_name: string
  contact_phone: string
}

export type Milestone = Schemas['ChallengeMilestone']

/** An application as the server answers it (its milestones on GET /challenge-applications/{id}). */
export type Application = Schemas['ChallengeApplication']

export interface Step {
  action: string
  from: string
  to: string
  reason: string
  at: string
}
