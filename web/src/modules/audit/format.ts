// How the trail's values read on screen: times in Beijing, JSON indented, hashes shortened.

/** A UTC time as YYYY-MM-DD HH:mm:ss in Asia/Shanghai (the platform's clock, whatever the browser's). */
export function beijingTime(utc: string): string {
  const at = new Date(utc)
  if (Number.isNaN(at.getTime())) return utc
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** A stored JSON text indented for reading; text that is not JSON is shown as it is. */
export function prettyJson(text: string | null | undefined): string {
  if (!text) return ''
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** The first characters of a hash: enough to compare with `keyuan audit verify` by eye. */
export function shortHash(hash: string, keep = 12): string {
  return hash.length > keep ? `${hash.slice(0, keep)}…` : hash
}
