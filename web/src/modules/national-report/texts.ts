// Texts of the national report's page (docs/design/national-report.md).
import { defineTexts } from '@/shared/i18n'

export const nationalReportTexts = defineTexts(
  {
    nrep: {
      nav: '国家平台报送',
      title: '国家平台报送：大型科研仪器',
      subtitle: '原值 {wan} 万元及以上、已发布且在所选年度年底前验收的仪器，及其当年的服务记录；报送前请补齐下列记录缺少的必填要素',
      year: '报送年度',
      yearOption: '{year} 年',
      download: '下载报送文件（Excel）',
      downloadHint: '文件含“仪器设备”“服务记录”“校验”三个工作表，按国家重大科研基础设施和大型科研仪器网络管理平台的数据元素填写',
      instruments: '仪器记录',
      services: '服务记录',
      incomplete: '缺少要素的记录',
      checkTitle: '校验：缺少必填要素的记录',
      sheet: '工作表',
      record: '记录编号',
      name: '仪器名称',
      elements: '缺少的要素',
      message: '说明',
      allRecords: '全部记录',
      open: '查看仪器',
      edit: '编辑',
      clean: '{year} 年的记录均已包含必填要素，可以下载报送',
      noRecords: '{year} 年没有需要报送的仪器',
      loadFailed: '无法读取报送校验',
    },
  },
  {
    nrep: {
      nav: 'National platform report',
      title: 'National platform report: large instruments',
      subtitle:
        'Published instruments of {wan} × 10,000 yuan or more accepted by the end of the chosen year, and their service records of the year; complete the elements the records below lack before reporting',
      year: 'Year',
      yearOption: '{year}',
      download: 'Download the report (Excel)',
      downloadHint:
        "The file has three sheets (instruments, service records, check) in the data elements of the national large-instrument platform, in Chinese",
      instruments: 'Instrument records',
      services: 'Service records',
      incomplete: 'Records lacking elements',
      checkTitle: 'Check: records lacking a required element',
      sheet: 'Sheet',
      record: 'Record',
      name: 'Instrument',
      elements: 'Missing elements',
      message: 'Details',
      allRecords: 'All records',
      open: 'Open',
      edit: 'Edit',
      clean: 'Every record of {year} has its required elements: ready to download',
      noRecords: 'No instrument to report for {year}',
      loadFailed: 'Could not read the check',
    },
  },
)
