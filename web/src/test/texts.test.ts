// The type checker holds every module's English to its Chinese keys; this checks the same at run
// time (and that no two modules define one text), so a stray cast cannot slip through.
import { describe, expect, it } from 'vitest'
import { has, t, type Messages } from '@/shared/i18n'
import { moduleTexts } from '@/modules'

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

describe('texts', () => {
  for (const [module, texts] of Object.entries(moduleTexts)) {
    it(`${module}: the English has exactly the Chinese keys and placeholders`, () => {
      expect(keys(texts.en).sort()).toEqual(keys(texts.zh).sort())
      for (const key of keys(texts.zh)) {
        const zh = key.split('.').reduce<Messages | string>((node, part) => (node as Messages)[part], texts.zh)
        const en = key.split('.').reduce<Messages | string>((node, part) => (node as Messages)[part], texts.en)
        expect(placeholders(en as string), key).toEqual(placeholders(zh as string))
      }
    })
  }

  it("every module's texts are reachable through t()", () => {
    expect(has('search.placeholder')).toBe(true)
    expect(has('ops.calendar.title')).toBe(true)
    expect(t('common.total', { n: 3 })).toBe('共 3 条')
  })
})
