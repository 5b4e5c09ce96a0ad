// Texts of the public dashboard on the home page. Kinds the search page names take its labels
// (search.types); the others are named here.
import { defineTexts } from '@/shared/i18n'

const zh = {
  dash: {
    title: '平台资源概览',
    subtitle: '已审核公开的资源，数据每隔几秒更新',
    tilesLabel: '各类资源数量',
    deliveries: '{year} 年已交付服务',
    byIndustry: '按高技术产业分布',
    byDistrict: '按所在区分布',
    chartName: '名称',
    chartCount: '数量',
    newest: '最新发布',
    updatedAt: '更新于 {time}',
    noFigures: '暂无数据',
    empty: '平台刚刚起步，还没有已公开的资源。欢迎各单位登记仪器设施、服务和科技成果。',
    kinds: {
      tech_demand: '技术需求',
      tech_platform: '科技平台',
      tech_contract: '技术合同',
      broker: '技术经纪人',
    },
  },
}

// English: the type checker holds it to the same keys as the Chinese.
export const dashboardsTexts = defineTexts(zh, {
  dash: {
    title: 'The platform at a glance',
    subtitle: 'Approved public resources, updated every few seconds',
    tilesLabel: 'Resources by kind',
    deliveries: 'Services delivered in {year}',
    byIndustry: 'By high-tech industry',
    byDistrict: 'By district',
    chartName: 'Name',
    chartCount: 'Count',
    newest: 'Newest',
    updatedAt: 'Updated {time}',
    noFigures: 'No figures yet',
    empty: 'The platform has just started: no resources are public yet. Units are welcome to register instruments, services and achievements.',
    kinds: {
      tech_demand: 'Technology demands',
      tech_platform: 'Technology platforms',
      tech_contract: 'Technology contracts',
      broker: 'Technology brokers',
    },
  },
})
