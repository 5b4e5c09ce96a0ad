import { describe, expect, it } from 'vitest'
import { auditApi } from './api'
import { emptyFilterForm, toFilter, utcText } from './filter'

describe('audit filter', () => {
  it('sends the period as UTC whole seconds and leaves empty fields out', () => {
    const form = { ...emptyFilterForm(), from: new Date('2026-01-31T08:00:00+08:00'), username: '  aud1 ', result: 'ok' }
    expect(toFilter(form)).toEqual({ from: '2026-01-31T00:00:00Z', username: 'aud1', result: 'ok' })
    expect(toFilter(emptyFilterForm())).toEqual({})
  })

  it('drops milliseconds', () => {
    expect(utcText(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)))).toBe('2026-01-02T03:04:05Z')
  })

  it('puts the filter on the export link', () => {
    expect(auditApi.exportUrl({ username: 'aud1', event_type: 'login.ok' })).toBe(
      '/api/v1/audit-events/export?username=aud1&event_type=login.ok',
    )
    expect(auditApi.exportUrl({})).toBe('/api/v1/audit-events/export')
  })
})
