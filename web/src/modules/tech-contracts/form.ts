// The registration form's state in yuan as people type it, and its conversion to the API's fen; the field
// paths a 422 may name (parties.N.credit_code …), so that each message shows at its field.
import type { ContractInput, Contract, Party, PartyRole } from '@/modules/tech-contracts/types'
import { toFen, toYuanText } from '@/modules/tech-contracts/views'

export interface PartyForm extends Party {}
export interface InstalmentForm {
  due_on: string
  amount: string
}
export interface ContractForm {
  project_name: string
  type: string
  subtype: string
  signed_on: string
  valid_from: string
  valid_until: string
  total: string
  tech_amount: string
  field_code: string
  industry_code: string
  ip_types: string[]
  government_plan: boolean
  plan_name: string
  expected_investment: string
  expected_output: string
  achievement_id: string
  demand_id: string
  broker_id: string
  seller_org_id: string
  parties: PartyForm[]
  instalments: InstalmentForm[]
}

export const TOP_FIELDS = [
  'project_name', 'type', 'subtype', 'signed_on', 'valid_from', 'valid_until', 'total_fen', 'tech_amount_fen',
  'field_code', 'industry_code', 'ip_types', 'government_plan', 'plan_name', 'expected_investment_fen',
  'expected_output_fen', 'achievement_id', 'demand_id', 'broker_id', 'seller_org_id', 'parties', 'instalments',
] as const
const PARTY_FIELDS = ['role', 'name', 'credit_code', 'entity_type', 'country_code', 'division_code']

/** Every field path the form shows errors at. */
export function formFields(): string[] {
  const out: string[] = [...TOP_FIELDS]
  for (let i = 0; i < 20; i++) for (const f of PARTY_FIELDS) out.push(`parties.${i}.${f}`)
  for (let i = 0; i < 60; i++) out.push(`instalments.${i}.due_on`, `instalments.${i}.amount_fen`)
  for (let i = 0; i < 7; i++) out.push(`ip_types.${i}`)
  return out
}

export function emptyParty(role: PartyRole): PartyForm {
  return { role, name: '', credit_code: '', entity_type: role === 'seller' ? '022' : '150', country_code: '142', division_code: '' }
}

export function emptyForm(): ContractForm {
  return {
    project_name: '', type: '技术开发', subtype: '委托开发', signed_on: '', valid_from: '', valid_until: '',
    total: '', tech_amount: '', field_code: '', industry_code: '', ip_types: [], government_plan: false, plan_name: '',
    expected_investment: '', expected_output: '', achievement_id: '', demand_id: '', broker_id: '', seller_org_id: '',
    parties: [emptyParty('seller'), emptyParty('buyer')], instalments: [{ due_on: '', amount: '' }],
  }
}

export function formOf(c: Contract): ContractForm {
  return {
    project_name: c.project_name, type: c.type, subtype: c.subtype, signed_on: c.signed_on,
    valid_from: c.valid_from ?? '', valid_until: c.valid_until ?? '', total: toYuanText(c.total_fen),
    tech_amount: toYuanText(c.tech_amount_fen), field_code: c.field_code, industry_code: c.industry_code ?? '',
    ip_types: [...c.ip_types], government_plan: c.government_plan, plan_name: c.plan_name,
    expected_investment: toYuanText(c.expected_investment_fen), expected_output: toYuanText(c.expected_output_fen),
    achievement_id: c.achievement_id ?? '', demand_id: c.demand_id ?? '', broker_id: c.broker_id ?? '',
    seller_org_id: '', parties: c.parties.map((p) => ({ ...p })),
    instalments: c.instalments.map((i) => ({ due_on: i.due_on, amount: toYuanText(i.amount_fen) })),
  }
}

/** The body to send: amounts in fen (a malformed amount goes as -1 and the server names it). */
export function bodyOf(f: ContractForm): ContractInput {
  const fen = (yuan: string) => {
    const v = toFen(yuan)
    return Number.isNaN(v) ? -1 : v
  }
  const optional = (yuan: string) => (yuan.trim() ? fen(yuan) : undefined)
  return {
    project_name: f.project_name.trim(), type: f.type, subtype: f.subtype, signed_on: f.signed_on,
    valid_from: f.valid_from || undefined, valid_until: f.valid_until || undefined,
    total_fen: fen(f.total), tech_amount_fen: fen(f.tech_amount), field_code: f.field_code,
    industry_code: f.industry_code.trim() || undefined, ip_types: f.ip_types, government_plan: f.government_plan,
    plan_name: f.plan_name.trim(), expected_investment_fen: optional(f.expected_investment),
    expected_output_fen: optional(f.expected_output), achievement_id: f.achievement_id.trim() || undefined,
    demand_id: f.demand_id.trim() || undefined, broker_id: f.broker_id.trim() || undefined,
    seller_org_id: f.seller_org_id.trim() || undefined,
    parties: f.parties.map((p) => ({ ...p, name: p.name.trim(), credit_code: p.credit_code.trim().toUpperCase() })),
    instalments: f.instalments.map((i) => ({ due_on: i.due_on, amount_fen: fen(i.amount) })),
  }
}
