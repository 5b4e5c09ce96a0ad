// The national report's calls: the check as JSON for the page, and the workbook's URL (a link
// downloads it with the session cookie).
import { api, buildQuery } from '@/shared/api'
import type { NationalCheck } from '@/modules/national-report/types'

const PATH = '/national-report/instruments'

export const nationalReportApi = {
  check: (year: number) => api.get<NationalCheck>(PATH, { year, check: 1 }),
  workbookUrl: (year: number) => `/api/v1${PATH}${buildQuery({ year })}`,
}
