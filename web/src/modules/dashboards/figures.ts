// The dashboard's answer shaped for its charts: names in the reader's language, largest first.
import { locale } from '@/shared/i18n'
import { districtName } from '@/shared/reference'
import type { Figure, HomeFigures } from '@/modules/dashboards/types'

/** Largest first; equal counts by name, so that the order does not change between reloads. */
function ranked(figures: Figure[]): Figure[] {
  return figures.filter((f) => f.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'))
}

/** High-tech industries: their names exist in Chinese only. */
export function industryFigures(figures: HomeFigures): Figure[] {
  return ranked(figures.by_hitech_industry.map((i) => ({ key: i.id, name: i.name, count: i.count })))
}

/** Districts: the server's Chinese name, or the reference data's English one (as search results show them). */
export function districtFigures(figures: HomeFigures): Figure[] {
  const name = (d: HomeFigures['by_district'][number]) => (locale.value === 'en' ? districtName(d.code) : d.name)
  return ranked(figures.by_district.map((d) => ({ key: d.code, name: name(d), count: d.count })))
}

/** A fresh platform: nothing public and nothing delivered, so that there is nothing to chart. */
export function isEmpty(figures: HomeFigures): boolean {
  return figures.deliveries_this_year === 0 && figures.kinds.every((k) => k.count === 0) && figures.newest.length === 0
}
