import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@/shared/i18n'
import { districtFigures, industryFigures, isEmpty } from '@/modules/dashboards/figures'
import { detailLink, kindLabel, kindLink } from '@/modules/dashboards/links'
import { EMPTY, SAMPLE } from '@/modules/dashboards/sample'

afterEach(() => setLocale('zh'))

describe('the dashboard figures', () => {
  it('ranks industries largest first and leaves out those at 0', () => {
    expect(industryFigures(SAMPLE).map((f) => [f.name, f.count])).toEqual([
      ['生物医药', 9],
      ['新一代信息技术', 5],
    ])
  })
  it('names districts in Chinese from the answer, in English from the reference data', () => {
    expect(districtFigures(SAMPLE).map((f) => f.name)).toEqual(['海淀区', '朝阳区'])
    setLocale('en')
    expect(districtFigures(SAMPLE).map((f) => f.name)).toEqual(['Haidian', 'Chaoyang'])
  })
  it('is empty only when nothing is public and nothing was delivered', () => {
    expect(isEmpty(EMPTY)).toBe(true)
    expect(isEmpty(SAMPLE)).toBe(false)
    expect(isEmpty({ ...EMPTY, deliveries_this_year: 1 })).toBe(false)
  })
})

describe('the dashboard links', () => {
  it("names kinds as the search page does, else in the module's texts, else as the server spells them", () => {
    expect(kindLabel('instrument')).toBe('仪器设施')
    expect(kindLabel('tech_demand')).toBe('技术需求')
    expect(kindLabel('gizmo')).toBe('gizmo')
    setLocale('en')
    expect(kindLabel('instrument')).toBe('Instruments')
  })
  it("leads a kind to its search tab or its own list", () => {
    expect(kindLink('instrument')).toBe('/?type=instrument')
    expect(kindLink('tech_demand')).toBe('/tech-demands')
    expect(kindLink('gizmo')).toBeNull()
  })
  it('leads a resource to its page, or to a search for its name when its kind has no pages', () => {
    expect(detailLink(SAMPLE.newest[0])).toBe('/instruments/42')
    expect(detailLink(SAMPLE.newest[1])).toBe(`/?q=${encodeURIComponent('材料表征实验室')}&type=lab`)
    expect(detailLink({ kind: 'gizmo', id: '1', name: 'x' })).toBeNull()
  })
})
