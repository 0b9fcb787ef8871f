const pad = (n) => String(n).padStart(2, '0')

/** 'YYYY-MM-DD HH:mm' in the browser's zone (the business zone, Asia/Shanghai, for real users). */
export function formatDateTime(value, withSeconds = false) {
  if (!value) return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}` + (withSeconds ? `:${pad(d.getSeconds())}` : '')
  return `${date} ${time}`
}

/** Renders any JSON value in one line for tables and diffs. */
export function formatValue(value) {
  if (value === undefined) return '（无）'
  if (value === null) return '（空）'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * ISO-8601 with the browser's own offset, e.g. 2026-11-25T18:00:00+08:00: read correctly whether the
 * server binds it to an Instant, an OffsetDateTime or a LocalDateTime in the business zone.
 */
export function toIsoWithOffset(value) {
  if (!value) return null
  const d = value instanceof Date ? value : new Date(value)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}
