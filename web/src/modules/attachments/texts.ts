// Texts of the files kept with a reviewed object (AttachmentList).
import { defineTexts } from '@/shared/i18n'

const zh = {
  files: {
    title: '附件',
    name: '文件名',
    purpose: '用途',
    size: '大小',
    uploadedAt: '上传时间',
    download: '下载',
    remove: '删除',
    removeConfirm: '删除附件「{name}」？',
    removed: '已删除',
    upload: '上传文件',
    pickPurpose: '先选择用途',
    uploaded: '已上传：{name}',
    hint: 'PDF、PNG、JPEG、XLSX 或 DOCX，单个文件不超过 10 MB',
    none: '没有附件',
    tooLarge: '文件超过 10 MB，不能上传',
    badType: '只能上传 PDF、PNG、JPEG、XLSX 或 DOCX 文件（按文件内容识别）',
  },
}

// English: the type checker holds it to the same keys as the Chinese.
export const attachmentsTexts = defineTexts(zh, {
  files: {
    title: 'Files',
    name: 'File',
    purpose: 'Purpose',
    size: 'Size',
    uploadedAt: 'Uploaded',
    download: 'Download',
    remove: 'Remove',
    removeConfirm: 'Remove the file "{name}"?',
    removed: 'Removed',
    upload: 'Upload a file',
    pickPurpose: 'Pick the purpose first',
    uploaded: 'Uploaded: {name}',
    hint: 'PDF, PNG, JPEG, XLSX or DOCX, at most 10 MB each',
    none: 'No files',
    tooLarge: 'The file is larger than 10 MB',
    badType: 'Only PDF, PNG, JPEG, XLSX or DOCX files (recognised by their content)',
  },
})
