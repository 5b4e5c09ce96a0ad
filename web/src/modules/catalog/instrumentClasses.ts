// Instrument classes (《大型科学仪器设备分类》): the server's reference data, read once from
// GET /instrument-classes in both languages (no copy in TypeScript). Level-1 groups with their
// level-2 classes; codes are what the API takes. Names fill in when the list arrives.
import { computed, ref, type Ref } from 'vue'
import { loaderFor } from '@/shared/reference'

export interface InstrumentClass {
  code: string
  zh: string
  en: string
}

export interface InstrumentClassGroup extends InstrumentClass {
  children: InstrumentClass[]
}

/** One class as GET /instrument-classes sends it (ordered by code, parents first). */
export interface InstrumentClassRow {
  code: string
  name: string
  name_en: string
  level: number
  /** The level-1 code; '' for a group. */
  parent: string
}

const rows = ref<InstrumentClassRow[]>([])

/** Loads the classes once (main.ts at start; forms again, which retries a failed load). */
export const loadInstrumentClasses = loaderFor<InstrumentClassRow>('/instrument-classes', rows as Ref<InstrumentClassRow[]>)

/** The server's flat list as groups with their classes, in the server's order. */
export function groupClasses(list: InstrumentClassRow[]): InstrumentClassGroup[] {
  const groups = new Map<string, InstrumentClassGroup>()
  const named = (r: InstrumentClassRow): InstrumentClass => ({ code: r.code, zh: r.name, en: r.name_en || r.name })
  for (const r of list) if (!r.parent) groups.set(r.code, { ...named(r), children: [] })
  for (const r of list) if (r.parent) groups.get(r.parent)?.children.push(named(r))
  return [...groups.values()]
}

export const instrumentClassGroups = computed(() => groupClasses(rows.value))

const byCode = computed(() => {
  const map = new Map<string, { cls: InstrumentClass; group: InstrumentClassGroup }>()
  for (const group of instrumentClassGroups.value) {
    map.set(group.code, { cls: group, group })
    for (const child of group.children) map.set(child.code, { cls: child, group })
  }
  return map
})

/** "质谱仪器" / "Mass spectrometers"; "其他" classes carry their group ("分析仪器 · 其他"); the
 * code itself until the classes have arrived. */
export function instrumentClassName(code: string | null | undefined, locale: 'zh' | 'en'): string {
  if (!code) return ''
  const found = byCode.value.get(code)
  if (!found) return code
  const name = found.cls[locale]
  if (found.cls !== found.group && found.cls.code.length === 6) return `${found.group[locale]} · ${name}`
  return name
}
