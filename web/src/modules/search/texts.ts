// Texts of the search page.
import { defineTexts } from '@/shared/i18n'

const zh = {
  search: {
    placeholder: '输入仪器名称、型号、功能、单位……支持简繁体',
    hero: '查找首都科技条件资源',
    heroHint: '大型科学仪器、开放实验室、检测与研发服务、科技金融产品，一站检索',
    all: '全部',
    types: {
      instrument: '仪器设施',
      lab: '实验室',
      service: '服务',
      finance_product: '金融产品',
    },
    type: {
      instrument: '仪器设施',
      lab: '实验室',
      service: '服务',
      finance_product: '金融产品',
      achievement: '科技成果',
      talent: '科技人才',
      team: '研发团队',
    },
    facets: {
      district_code: '所在区',
      class_code: '仪器分类',
      open_status: '开放状态',
      industry: '行业',
      accreditation: '资质',
    },
    clearFilters: '清除筛选',
    didYouMean: '您是不是要找：',
    results: '共找到 {n} 条结果',
    resultsApprox: '约 {n} 条结果',
    empty: '没有找到相关资源，请换个关键词试试',
    emptyStart: '输入关键词开始检索，或直接浏览全部资源',
    org: '所属单位',
    originalValue: '原值',
    originalValueYuan: '原值（元）',
    price: '价格',
    negotiable: '面议',
    accredited: '资质',
  },
}

// English: the type checker holds it to the same keys as the Chinese.
export const searchTexts = defineTexts(zh, {
  search: {
    placeholder: 'Instrument name, model, function, organisation… (simplified or traditional Chinese)',
    hero: 'Find S&T resources in Beijing',
    heroHint: 'Large scientific instruments, open labs, testing and R&D services and tech finance products in one search',
    all: 'All',
    types: {
      instrument: 'Instruments',
      lab: 'Labs',
      service: 'Services',
      finance_product: 'Finance products',
    },
    type: {
      instrument: 'Instrument',
      lab: 'Lab',
      service: 'Service',
      finance_product: 'Finance product',
      achievement: 'Achievement',
      talent: 'Talent',
      team: 'R&D team',
    },
    facets: {
      district_code: 'District',
      class_code: 'Instrument class',
      open_status: 'Open status',
      industry: 'Industry',
      accreditation: 'Accreditation',
    },
    clearFilters: 'Clear filters',
    didYouMean: 'Did you mean: ',
    results: 'Results: {n}',
    resultsApprox: 'Results: about {n}',
    empty: 'Nothing found; try other keywords',
    emptyStart: 'Type keywords to search, or browse all resources',
    org: 'Organisation',
    originalValue: 'Original value',
    originalValueYuan: 'Original value (CNY)',
    price: 'Price',
    negotiable: 'Negotiable',
    accredited: 'Accreditation',
  },
})
