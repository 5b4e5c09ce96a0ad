// The scheme editor's checks before saving, the same as the server's (src/modules/assessment/
// scheme.cpp), so that a person sees them at once; the server stays the judge.
import type { Scheme } from '@/modules/assessment/types'

export interface SchemeProblem {
  field: string
  key: string // a text key: assessment.scheme.problems.<key>
}

/** Hundredths, as the server counts weights and points. */
const centi = (v: number) => Math.round(v * 100)

/** The sum of the indicators' weights. */
export function weightSum(scheme: Scheme): number {
  let sum = 0
  for (const g of scheme.groups) for (const i of g.indicators) sum += centi(i.weight)
  return sum / 100
}

/** A group's weight: the sum of its indicators'. */
export function groupWeight(group: Scheme['groups'][number]): number {
  return group.indicators.reduce((s, i) => s + centi(i.weight), 0) / 100
}

export function schemeProblems(scheme: Scheme, measures: Set<string>): SchemeProblem[] {
  const out: SchemeProblem[] = []
  const codes = new Set<string>()
  scheme.groups.forEach((g, gi) => {
    const at = `scheme.groups[${gi}]`
    if (!g.code || codes.has(g.code)) out.push({ field: `${at}.code`, key: 'code' })
    codes.add(g.code)
    g.indicators.forEach((i, ii) => {
      const here = `${at}.indicators[${ii}]`
      if (!i.code || codes.has(i.code)) out.push({ field: `${here}.code`, key: 'code' })
      codes.add(i.code)
      if (!measures.has(i.measure)) out.push({ field: `${here}.measure`, key: 'measure' })
      if (!(i.weight > 0)) out.push({ field: `${here}.weight`, key: 'weight' })
      if (i.rule.kind === 'linear' && !((i.rule.target ?? 0) > 0)) out.push({ field: `${here}.rule.target`, key: 'target' })
      if (i.rule.kind === 'range' && !((i.rule.full ?? 0) > (i.rule.zero ?? 0))) out.push({ field: `${here}.rule.full`, key: 'range' })
      if (i.rule.kind === 'steps') {
        const steps = i.rule.steps ?? []
        if (!steps.length) out.push({ field: `${here}.rule.steps`, key: 'steps' })
        steps.forEach((s, si) => {
          if (si > 0 && s.min <= steps[si - 1].min) out.push({ field: `${here}.rule.steps[${si}].min`, key: 'steps' })
          if (s.share < 0 || s.share > 1) out.push({ field: `${here}.rule.steps[${si}].share`, key: 'share' })
        })
      }
    })
  })
  if (centi(weightSum(scheme)) !== centi(scheme.total)) out.push({ field: 'scheme.groups', key: 'sum' })
  scheme.grades.forEach((g, i) => {
    if (g.min > scheme.total) out.push({ field: `scheme.grades[${i}].min`, key: 'gradeTotal' })
    if (i > 0 && g.min >= scheme.grades[i - 1].min) out.push({ field: `scheme.grades[${i}].min`, key: 'gradeOrder' })
  })
  return out
}
