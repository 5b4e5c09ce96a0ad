// A small i18n: Chinese first, English second; each module brings its own texts (addTexts). `t('a.b', {n: 1})` looks up the current locale,
// falls back to Chinese, then to the key; `{n}` placeholders are filled from params.
import { computed, ref } from 'vue'

export type Locale = 'zh' | 'en'

const STORAGE_KEY = 'keyuan.locale'

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'zh' || saved === 'en') return saved
  } catch {
    /* storage unavailable */
  }
  return 'zh'
}

export const locale = ref<Locale>(initialLocale())

export function setLocale(next: Locale): void {
  locale.value = next
  try {
    localStorage.setItem(STORAGE_KEY, next)
  } catch {
    /* storage unavailable */
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en'
}

/** A tree of texts: the leaves are strings, `{name}` marks a placeholder. */
export type Messages = { [key: string]: string | Messages }

/** One module's texts in both languages. */
export interface Texts {
  zh: Messages
  en: Messages
}

/**
 * A module's texts: Chinese first; the English must have exactly the Chinese keys, so a missing or
 * extra key is a type error (vue-tsc) and not a raw key on screen.
 */
export function defineTexts<T extends Messages>(zh: T, en: NoInfer<T>): Texts {
  return { zh, en }
}

const catalogs: Record<Locale, Messages> = { zh: {}, en: {} }

function merge(into: Messages, from: Messages, path: string): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key]
    if (typeof value === 'string' || existing === undefined) {
      // Two modules defining the same text would make one of them win silently.
      if (existing !== undefined) throw new Error(`text ${path}${key} is defined twice`)
      into[key] = typeof value === 'string' ? value : structuredClone(value)
    } else if (typeof existing === 'string') {
      throw new Error(`text ${path}${key} is defined twice`)
    } else {
      merge(existing, value, `${path}${key}.`)
    }
  }
}

/** Adds a module's texts under their own keys (a key defined twice throws). */
export function addTexts(texts: Texts): void {
  merge(catalogs.zh, texts.zh, '')
  merge(catalogs.en, texts.en, '')
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

export function t(key: string, params?: Record<string, string | number>): string {
  const text = lookup(catalogs[locale.value], key) ?? lookup(catalogs.zh, key) ?? key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** True when the key exists (so enum values without a label can fall back to the raw value). */
export function has(key: string): boolean {
  return lookup(catalogs.zh, key) !== undefined
}

/** A label for an enum value, or the value itself when unknown. */
export function label(prefix: string, value: string | null | undefined): string {
  if (!value) return ''
  return has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value
}

export const isEnglish = computed(() => locale.value === 'en')
