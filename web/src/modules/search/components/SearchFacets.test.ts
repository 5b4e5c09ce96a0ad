import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SearchFacets from './SearchFacets.vue'

const facets = {
  district_code: [
    { value: '110108', count: 6200 },
    { value: '110105', count: 3801 },
  ],
}

describe('SearchFacets', () => {
  it('says when the counts are estimated from the first matches only', () => {
    const w = mount(SearchFacets, { props: { facets, filters: {}, type: '', sampledFrom: 10000 } })
    expect(w.find('[data-test=facets-sampled]').text()).toBe('筛选项的计数按前 10,000 条结果估算')
    expect(w.find('[data-test=facet-district-110108]').text()).toContain('6200')
  })

  it('says nothing more when every match was counted', () => {
    const w = mount(SearchFacets, { props: { facets, filters: {}, type: '', sampledFrom: 0 } })
    expect(w.find('[data-test=facets-sampled]').exists()).toBe(false)
    expect(w.find('[data-test=facet-district-110105]').text()).toContain('3801')
  })
})
