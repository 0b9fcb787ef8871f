// Every call of the registry pages (监管对象): entities, licences, documents, history, summary, Excel.
import { http, apiUrl } from '../../api/http'

export const entityApi = {
  /** query: EntitySearch fields + sort, order, page, size → {items, total} */
  list: (query) => http.get('/entities', query),
  get: (id) => http.get(`/entities/${id}`),
  create: (form) => http.post('/entities', form),
  update: (id, form) => http.put(`/entities/${id}`, form),
  history: (id) => http.get(`/entities/${id}/history`),
  /** axis: social_function | industry | supervision_level | status */
  summary: (axis) => http.get('/entities/summary', { axis }),
  // Excel: plain links (GET, no CSRF) and the import endpoint for ExcelImportDialog (paths under /api)
  exportUrl: (query) => apiUrl('/entities/export.xlsx', query),
  templatePath: '/entities/template.xlsx',
  importPath: '/entities/import'
}

export const licenceApi = {
  list: (entityId) => http.get(`/entities/${entityId}/licences`),
  create: (entityId, form) => http.post(`/entities/${entityId}/licences`, form),
  update: (entityId, id, form) => http.put(`/entities/${entityId}/licences/${id}`, form),
  remove: (entityId, id) => http.del(`/entities/${entityId}/licences/${id}`),
  /** state: EXPIRED | EXPIRING → {items, total} of safety licences in the caller's scope */
  byState: (state, page = 1, size = 20) => http.get('/licences', { state, page, size }),
  count: (state) => http.get('/licences', { state, page: 1, size: 1 }, { quiet: true }).then((r) => r?.total ?? 0)
}

export const documentApi = {
  // a list, or a page {items} should the service answer with one
  list: (entityId) =>
    http.get(`/entities/${entityId}/documents`, null, { quiet: true }).then((r) => (Array.isArray(r) ? r : r?.items || [])),
  /** fields: {type, title, file} */
  upload: (entityId, fields) => http.upload(`/entities/${entityId}/documents`, fields),
  addVersion: (entityId, docId, file) => http.upload(`/entities/${entityId}/documents/${docId}/versions`, { file }),
  versions: (entityId, docId) =>
    http.get(`/entities/${entityId}/documents/${docId}/versions`).then((r) => (Array.isArray(r) ? r : r?.items || [])),
  contentUrl: (entityId, docId, versionNo) =>
    apiUrl(`/entities/${entityId}/documents/${docId}/versions/${versionNo}/content`),
  archive: (entityId, docId) => http.post(`/entities/${entityId}/documents/${docId}/archive`)
}
