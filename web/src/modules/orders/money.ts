// Prices as people type them (元, at most two decimals) and as the server keeps them (fen).

/** The largest quotation the server takes: 100 000 000 元 (order_routes.cpp). */
export const MAX_QUOTE_FEN = 100_000_000_00

/** "1200", "1,200.5", "０.３" → fen; null for anything that is not an amount of 元 with ≤ 2 decimals. */
export function yuanToFen(text: string): number | null {
  const plain = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain)
  if (!m) return null
  // Whole and decimal parts as integers: 0.29 * 100 is 28.999… in floating point.
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** Fen as the text of a 元 field: 120000 → "1200.00". */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}
