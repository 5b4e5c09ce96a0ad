// Open challenges (揭榜挂帅) as the API sends them (docs/design/challenges.md).

export type ChallengeStatus =
  | 'draft'
  | 'published'
  | 'closed'
  | 'in_review'
  | 'awarded'
  | 'failed'
  | 'in_progress'
  | 'accepted'
  | 'terminated'

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

export interface Challenge extends ChallengeInput {
  id: string
  status: ChallengeStatus
  version: number
  days_left: number
  publisher: { kind: 'operator' | 'department'; department_code: string; org_id: string | null; name: string; name_en: string }
  applications_count: number
  reason: string
  award_reason: string
  published_at: string | null
  created_at: string
  updated_at: string
  allowed_actions?: string[]
  my_application?: { id: string; status: string } | null
}

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

export interface Milestone {
  id: string
  challenge_id: string
  application_id: string
  org_id: string
  org_name: string
  title: string
  due_on: string
  amount_fen: number
  status: 'pending' | 'reported' | 'confirmed' | 'rejected'
  version: number
  report_note: string
  reject_reason: string
  reported_at: string | null
  confirmed_at: string | null
}

export interface Application extends ProposalInput {
  id: string
  challenge_id: string
  challenge_title: string
  challenge_status: ChallengeStatus
  org_id: string
  org_name: string
  status: 'submitted' | 'withdrawn' | 'chosen' | 'not_chosen'
  version: number
  experts: number
  created_at: string
  milestones?: Milestone[]
}

export interface Step {
  action: string
  from: string
  to: string
  reason: string
  at: string
}
