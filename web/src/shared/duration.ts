// A span of seconds cut into days, hours, minutes and seconds, and the two largest units worth
// showing ("3 天 4 小时", "5 分 2 秒"): each module words them in its own texts under
// days / hours / minutes / seconds keys.
export interface DurationParts {
  d: number
  h: number
  m: number
  s: number
}

export type DurationUnit = 'days' | 'hours' | 'minutes' | 'seconds'

export function durationParts(seconds: number): DurationParts {
  const total = Math.max(0, Math.floor(seconds))
  return { d: Math.floor(total / 86400), h: Math.floor((total % 86400) / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 }
}

/** The largest unit that is not zero: the text under that key shows it and the next one. */
export function durationUnit(parts: DurationParts): DurationUnit {
  if (parts.d > 0) return 'days'
  if (parts.h > 0) return 'hours'
  if (parts.m > 0) return 'minutes'
  return 'seconds'
}

/** The span in words: `t(\`${prefix}.${unit}\`, parts)`. */
export function durationText(seconds: number, prefix: string, t: (key: string, params: Record<string, number>) => string): string {
  const parts = durationParts(seconds)
  return t(`${prefix}.${durationUnit(parts)}`, { ...parts })
}
