// A home page answer for the tests: two industries, two districts, a few newest resources.
import type { HomeFigures, Overview } from '@/modules/dashboards/types'

export const SAMPLE: HomeFigures = {
  kinds: [
    { kind: 'instrument', collection: 'instruments', count: 12 },
    { kind: 'lab', collection: 'labs', count: 3 },
    { kind: 'achievement', collection: 'achievements', count: 1234 },
    { kind: 'tech_demand', collection: 'tech-demands', count: 2 },
    { kind: 'gizmo', collection: 'gizmos', count: 1 },
  ],
  by_hitech_industry: [
    { id: '1', name: '新一代信息技术', count: 5 },
    { id: '2', name: '生物医药', count: 9 },
    { id: '3', name: '新材料', count: 0 },
  ],
  by_district: [
    { code: '110105', name: '朝阳区', count: 4 },
    { code: '110108', name: '海淀区', count: 9 },
  ],
  newest: [
    { kind: 'instrument', collection: 'instruments', id: '42', name: '场发射扫描电子显微镜', updated_at: '2026-12-07T10:00:00Z' },
    { kind: 'lab', collection: 'labs', id: '7', name: '材料表征实验室', updated_at: '2026-12-06T10:00:00Z' },
  ],
  deliveries_this_year: 37,
  year: 2026,
}

/** A fresh platform: every kind at 0, nothing else. */
export const EMPTY: HomeFigures = {
  kinds: SAMPLE.kinds.map((k) => ({ ...k, count: 0 })),
  by_hitech_industry: [],
  by_district: [],
  newest: [],
  deliveries_this_year: 0,
  year: 2026,
}

const tally = (units: number, approved: number, submitted: number, deliveries: number, fee_fen: number, voucher_fen: number) => ({
  units,
  approved,
  submitted,
  deliveries,
  fee_fen,
  voucher_fen,
})

/** A city overview for the tests: two districts, two departments, three units of 130 in all. */
export const OVERVIEW_SAMPLE: Overview = {
  year: 2026,
  scope: { district: null, department: null, org: null },
  kinds: [
    { kind: 'instrument', collection: 'instruments', total: 20, new_in_year: 6, by_status: { approved: 12, submitted: 3, draft: 5 } },
    { kind: 'lab', collection: 'labs', total: 4, new_in_year: 1, by_status: { approved: 2, submitted: 2 } },
    { kind: 'service', collection: 'services', total: 1, new_in_year: 0, by_status: { draft: 1 } },
  ],
  instruments: { approved: 12, open: 6, partially_open: 2, value_fen: 500000000, late: 1, served: 3, usage_minutes: 1200 },
  bookings: { total: 9, by_status: { approved: 5, requested: 4 } },
  orders: { total: 4, by_status: { accepted: 4 } },
  deliveries: { count: 7, external: 5, fee_fen: 1234567, voucher_fen: 200000, minutes: 900, samples: 30 },
  vouchers: { issued: 2, face_fen: 5000000 },
  evaluation: { cycle_status: 'evaluation', units: 3, confirmed: 1, grades: { good: 1 }, mean_score_centi: 8650 },
  by_month: Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    registrations: i === 2 ? 5 : 0,
    bookings: i === 3 ? 9 : 0,
    orders: i === 3 ? 4 : 0,
    deliveries: i === 4 ? 7 : 0,
    fee_fen: i === 4 ? 1234567 : 0,
    voucher_fen: i === 4 ? 200000 : 0,
  })),
  by_district: [
    { code: '110105', name: '朝阳区', name_en: '', tally: tally(1, 4, 1, 2, 200000, 0) },
    { code: '110108', name: '海淀区', name_en: '', tally: tally(2, 10, 4, 5, 1034567, 200000) },
    { code: '110101', name: '东城区', name_en: '', tally: tally(1, 0, 0, 0, 0, 0) },
  ],
  by_department: [
    { code: 'edu', name: '教育', name_en: 'Education', tally: tally(2, 9, 4, 5, 1034567, 200000) },
    { code: 'health', name: '卫生健康', name_en: 'Health', tally: tally(1, 5, 1, 2, 200000, 0) },
  ],
  by_hitech_industry: [{ code: '1', name: '新一代信息技术', name_en: '', tally: tally(0, 6, 0, 0, 0, 0) }],
  units: [
    {
      id: '11',
      name: '北京示范大学',
      district: { code: '110108', name: '海淀区', name_en: '' },
      department: { code: 'edu', name: '教育', name_en: 'Education' },
      tally: tally(0, 8, 3, 5, 1034567, 200000),
      score_centi: 9125,
      grade: 'excellent',
    },
    {
      id: '12',
      name: '北京示范医院',
      district: { code: '110105', name: '朝阳区', name_en: '' },
      department: { code: 'health', name: '卫生健康', name_en: 'Health' },
      tally: tally(0, 4, 1, 2, 200000, 0),
      score_centi: null,
      grade: '',
    },
  ],
  units_total: 130,
}
