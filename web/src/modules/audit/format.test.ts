import { describe, expect, it } from 'vitest'
import { beijingTime, prettyJson, shortHash } from './format'

describe('audit format', () => {
  it('shows UTC times in Beijing time', () => {
    expect(beijingTime('2026-01-31T17:30:05Z')).toBe('2026-02-01 01:30:05')
    expect(beijingTime('not a time')).toBe('not a time')
  })

  it('indents JSON and keeps other text as it is', () => {
    expect(prettyJson('{"roles":["expert"]}')).toBe('{\n  "roles": [\n    "expert"\n  ]\n}')
    expect(prettyJson('plain words')).toBe('plain words')
    expect(prettyJson(null)).toBe('')
  })

  it('shortens a hash', () => {
    expect(shortHash('201cb644522d5edb0c40b3f9')).toBe('201cb644522d…')
    expect(shortHash('abc')).toBe('abc')
  })
})
