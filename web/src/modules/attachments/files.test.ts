import { describe, expect, it } from 'vitest'
import { ApiError } from '@/shared/api'
import { formatBytes, uploadProblem, uploadProblemKey } from '@/modules/attachments/files'

describe('files', () => {
  it('reads sizes as people do', () => {
    expect(formatBytes(532)).toBe('532 B')
    expect(formatBytes(2048)).toBe('2.0 KB')
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB')
  })

  it('explains a file too large or of a type not taken, and words the rest as the server does', () => {
    const t = (k: string) => `<${k}>`
    expect(uploadProblemKey(new ApiError(413, 'payload_too_large', 'x'))).toBe('files.tooLarge')
    expect(uploadProblem(new ApiError(415, 'unsupported_media_type', 'x'), t)).toBe('<files.badType>')
    expect(uploadProblem(new ApiError(409, 'conflict', '最多 20 个附件'), t)).toBe('最多 20 个附件')
    const named = new ApiError(422, 'validation_failed', '请检查', [{ field: 'purpose', message: '须为以下之一：quote' }])
    expect(uploadProblem(named, t)).toBe('请检查\n须为以下之一：quote')
    expect(uploadProblemKey(new Error('x'))).toBeNull()
  })
})
