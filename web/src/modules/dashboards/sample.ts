// A home page answer for the tests: two industries, two districts, a few newest resources.
import type { HomeFigures } from '@/modules/dashboards/types'

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
