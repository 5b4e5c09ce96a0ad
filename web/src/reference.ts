// Reference data loaded once and shared: districts.
import { ref } from 'vue'
import { api } from './api'
import { locale } from './i18n'
import type { District } from './types'

export const districts = ref<District[]>([])
let loading: Promise<void> | null = null

export function loadDistricts(): Promise<void> {
  if (!loading) {
    loading = api
      .get<{ items: District[] }>('/districts')
      .then((r) => {
        districts.value = r.items
      })
      .catch(() => {
        loading = null
      })
  }
  return loading
}

export function districtName(code: string | null | undefined): string {
  if (!code) return ''
  const d = districts.value.find((x) => x.code === code)
  if (!d) return code
  return locale.value === 'en' && d.name_en ? d.name_en : d.name
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
