// Reference data loaded once and shared: districts and competent departments.
import { ref, type Ref } from 'vue'
import { api } from '@/shared/api'
import { locale } from '@/shared/i18n'
import type { Department, District } from '@/shared/types'

export const districts = ref<District[]>([])
export const departments = ref<Department[]>([])

/** Loads `path` ({items}) into `target` once; a failed load is tried again on the next call. */
export function loaderFor<T>(path: string, target: Ref<T[]>): () => Promise<void> {
  let loading: Promise<void> | null = null
  return () => {
    if (!loading) {
      loading = api
        .get<{ items: T[] }>(path)
        .then((r) => {
          target.value = r.items
        })
        .catch(() => {
          loading = null
        })
    }
    return loading
  }
}

export const loadDistricts = loaderFor<District>('/districts', districts as Ref<District[]>)
export const loadDepartments = loaderFor<Department>('/departments', departments as Ref<Department[]>)

export function departmentName(code: string | null | undefined): string {
  if (!code) return ''
  const d = departments.value.find((x) => x.code === code)
  if (!d) return code
  return locale.value === 'en' ? d.name_en || d.name : d.name
}

// English names while the server's districts carry none.
const DISTRICT_EN: Record<string, string> = {
  '110101': 'Dongcheng',
  '110102': 'Xicheng',
  '110105': 'Chaoyang',
  '110106': 'Fengtai',
  '110107': 'Shijingshan',
  '110108': 'Haidian',
  '110109': 'Mentougou',
  '110111': 'Fangshan',
  '110112': 'Tongzhou',
  '110113': 'Shunyi',
  '110114': 'Changping',
  '110115': 'Daxing',
  '110116': 'Huairou',
  '110117': 'Pinggu',
  '110118': 'Miyun',
  '110119': 'Yanqing',
}

export function districtName(code: string | null | undefined): string {
  if (!code) return ''
  const d = districts.value.find((x) => x.code === code)
  if (locale.value === 'en') return d?.name_en || DISTRICT_EN[code] || d?.name || code
  return d?.name ?? code
}

/** 12345678 fen → "123,456.78". */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  const yuan = fen / 100
  return yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** "2026-11-23T07:45:11Z" → "2026-11-23 15:45" (the platform's zone). */
export function formatTime(ts: string | null | undefined): string {
  if (!ts) return ''
  const d = new Date(ts)
  if (Number.isNaN(d.getTime())) return ts
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}
