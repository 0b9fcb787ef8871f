import { http, apiUrl } from '../../api/http'

export const dictApi = {
  types: () => http.get('/dict'),
  items: (type) => http.get(`/dict/${encodeURIComponent(type)}`),
  create: (type, body) => http.post(`/dict/${encodeURIComponent(type)}`, body).finally(() => invalidateDict(type)),
  update: (type, id, body) =>
    http.put(`/dict/${encodeURIComponent(type)}/${id}`, body).finally(() => invalidateDict(type))
}

export const oplogApi = {
  list: (query) => http.get('/oplog', query),
  // a plain link: the browser downloads the XLSX itself
  exportUrl: (filters) => apiUrl('/oplog/export', filters)
}

export const clockApi = {
  get: () => http.get('/dev/clock', null, { quiet: true }),
  change: (body) => http.post('/dev/clock', body)
}

// Dictionary items for selects, one request per type until an edit.
const dictCache = new Map()

export function cachedDictItems(type) {
  if (!dictCache.has(type)) {
    const promise = dictApi.items(type).catch((e) => {
      dictCache.delete(type)
      throw e
    })
    dictCache.set(type, promise)
  }
  return dictCache.get(type)
}

export function invalidateDict(type) {
  dictCache.delete(type)
}

// 工作日历: holidays and 调休 working days (the exceptions to Monday–Friday) that working-day deadlines count by
export const calendarApi = {
  /** → [{day, kind (HOLIDAY | ADJUSTED_WORKDAY), name}] */
  year: (year) => http.get('/work-calendar', { year }),
  /** → {today, years: [{year, days, entered}], warnings: ['尚未录入YYYY年节假日安排，按周一至周五计算工作日']} */
  status: (options) => http.get('/work-calendar/status', undefined, options),
  save: (day, body) => http.put(`/work-calendar/${day}`, body),
  remove: (day) => http.del(`/work-calendar/${day}`)
}
