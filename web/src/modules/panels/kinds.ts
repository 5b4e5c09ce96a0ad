// Where an expert scores each kind's subject: the subject's own page, which carries the panel.
// Kinds of other issue-17 modules are here too, so that the expert's list links them once they exist.
const PAGES: Record<string, string> = {
  purchase_check: '/purchase-checks',
  tech_platform: '/tech-platforms',
  tech_platform_assessment: '/tech-platform-assessments',
  annual_report: '/annual-reports',
  challenge_application: '/challenge-applications',
}

/** The page of a subject; null for a kind this UI does not know. */
export function subjectLink(kind: string, id: string): string | null {
  const base = PAGES[kind]
  return base ? `${base}/${encodeURIComponent(id)}` : null
}
