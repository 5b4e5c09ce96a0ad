// The settings table's rules: a text filter over names, values and origins, and how an origin
// reads ("flag --db" → 命令行参数 --db); an empty value is the module's own default.
import type { Setting } from '@/modules/system/types'

/** The settings whose name, value or origin contains the text (any case); all for no text. */
export function filterSettings(settings: Setting[], text: string): Setting[] {
  const needle = text.trim().toLowerCase()
  if (!needle) return settings
  return settings.filter((s) => [s.name, s.value, s.source].some((v) => v.toLowerCase().includes(needle)))
}

/** The origin's kind (a text key under system.sources) and what follows it: the flag or variable. */
export function sourceParts(source: string): { kind: string; rest: string } {
  for (const kind of ['flag', 'env']) {
    if (source.startsWith(`${kind} `)) return { kind, rest: source.slice(kind.length + 1) }
  }
  return { kind: source, rest: '' }
}
