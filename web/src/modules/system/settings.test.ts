import { describe, expect, it } from 'vitest'
import { filterSettings, sourceParts } from './settings'

const SETTINGS = [
  { name: 'database.url', value: 'sqlite:/var/lib/keyuan/keyuan.db', source: 'flag --db' },
  { name: 'security.cookie_secure', value: '', source: 'default' },
  { name: 'mail.password', value: '***', source: 'env KEYUAN_MAIL_PASSWORD' },
]

describe('settings', () => {
  it('filters by name, value or origin, in any case', () => {
    expect(filterSettings(SETTINGS, 'DATABASE').map((s) => s.name)).toEqual(['database.url'])
    expect(filterSettings(SETTINGS, 'keyuan.db').map((s) => s.name)).toEqual(['database.url'])
    expect(filterSettings(SETTINGS, 'env').map((s) => s.name)).toEqual(['mail.password'])
    expect(filterSettings(SETTINGS, '  ')).toHaveLength(3)
  })

  it('splits an origin into its kind and the flag or variable', () => {
    expect(sourceParts('flag --db')).toEqual({ kind: 'flag', rest: '--db' })
    expect(sourceParts('env KEYUAN_DB_URL')).toEqual({ kind: 'env', rest: 'KEYUAN_DB_URL' })
    expect(sourceParts('file')).toEqual({ kind: 'file', rest: '' })
  })
})
