import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/shared/api'
import { attachmentsApi } from '@/modules/attachments/api'
import type { Attachment } from '@/modules/attachments/types'
import AttachmentList from './AttachmentList.vue'

afterEach(() => vi.restoreAllMocks())

const FILE: Attachment = {
  id: '4',
  purpose: 'quote',
  file_name: '报价单.pdf',
  content_type: 'application/pdf',
  size_bytes: 2048,
  sha256: 'x',
  uploaded_by: '2',
  uploaded_at: '2026-12-01T00:00:00Z',
}
const PURPOSES = [
  { value: 'quote', label: '报价单' },
  { value: 'other', label: '其他' },
]

function mountWith(editable: boolean) {
  vi.spyOn(attachmentsApi, 'list').mockResolvedValue([FILE])
  return mount(AttachmentList, { props: { base: '/purchase-checks', id: '7', purposes: PURPOSES, editable }, attachTo: document.body })
}

/** Picks `file` in the hidden file input, as the browser's dialog would. */
async function pick(wrapper: ReturnType<typeof mountWith>, file: File) {
  const input = wrapper.find('[data-test=file-input]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('AttachmentList', () => {
  it('lists files with their purpose, size and a download link; nothing to change when not editable', async () => {
    const wrapper = mountWith(false)
    await flushPromises()
    expect(wrapper.find('[data-test=file-download]').attributes('href')).toBe('/api/v1/purchase-checks/7/attachments/4')
    expect(wrapper.find('[data-test=file-purpose-label]').text()).toBe('报价单')
    expect(wrapper.text()).toContain('2.0 KB')
    expect(wrapper.find('[data-test=file-upload]').exists()).toBe(false)
    expect(wrapper.find('[data-test=file-remove]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('asks for the purpose first, refuses a file over 10 MB without sending it, and explains a type refused', async () => {
    const wrapper = mountWith(true)
    const upload = vi.spyOn(attachmentsApi, 'upload').mockRejectedValue(new ApiError(415, 'unsupported_media_type', 'x'))
    await flushPromises()
    await wrapper.find('[data-test=file-upload]').trigger('click')
    expect(wrapper.find('[data-test=file-problem]').text()).toContain('先选择用途')
    ;(wrapper.vm.$ as unknown as { setupState: { purpose: string } }).setupState.purpose = 'quote'
    const big = new File(['x'], 'big.pdf')
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 })
    await pick(wrapper, big)
    expect(upload).not.toHaveBeenCalled()
    expect(wrapper.find('[data-test=file-problem]').text()).toContain('文件超过 10 MB')
    await pick(wrapper, new File(['hello'], 'notes.txt'))
    expect(upload).toHaveBeenCalledWith('/purchase-checks', '7', expect.any(File), 'notes.txt', 'quote')
    expect(wrapper.find('[data-test=file-problem]').text()).toContain('只能上传 PDF、PNG、JPEG、XLSX 或 DOCX')
    wrapper.unmount()
  })

  it('reloads the list after an upload the server took', async () => {
    const wrapper = mountWith(true)
    const upload = vi.spyOn(attachmentsApi, 'upload').mockResolvedValue(FILE)
    await flushPromises()
    ;(wrapper.vm.$ as unknown as { setupState: { purpose: string } }).setupState.purpose = 'quote'
    await pick(wrapper, new File(['%PDF-1.4'], '报价单.pdf'))
    expect(upload).toHaveBeenCalledTimes(1)
    expect(attachmentsApi.list).toHaveBeenCalledTimes(2)
    expect(wrapper.emitted('changed')).toHaveLength(1)
    wrapper.unmount()
  })
})
