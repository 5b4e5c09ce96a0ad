// Texts of a testing or R&D service's public page (views/ServiceDetail.vue).
import { defineTexts } from '@/shared/i18n'

const zh = {
  serviceDetail: {
    notFound: '服务不存在或尚未发布',
    fields: {
      field: '领域',
      content: '服务内容',
      parameters: '技术参数',
      price: '价格',
      remarks: '备注',
      contact_name: '联系人',
      contact_phone: '电话',
      contact_email: '邮箱',
    },
    kinds: { test: '检测服务', rnd: '研发服务' },
    units: { per_sample: '元/样', per_hour: '元/小时', per_project: '元/项' },
    negotiable: '面议',
  },
}

// English: the type checker holds it to the same keys as the Chinese.
export const serviceTexts = defineTexts(zh, {
  serviceDetail: {
    notFound: 'No such service, or not published',
    fields: {
      field: 'Field',
      content: 'What is offered',
      parameters: 'Technical parameters',
      price: 'Price',
      remarks: 'Remarks',
      contact_name: 'Contact',
      contact_phone: 'Phone',
      contact_email: 'Email',
    },
    kinds: { test: 'Testing', rnd: 'R&D' },
    units: { per_sample: 'yuan per sample', per_hour: 'yuan per hour', per_project: 'yuan per project' },
    negotiable: 'Negotiable',
  },
})
