// Every call of the 统计考评 pages: statistics, accidents and targets, the yearly assessment, bulletins, interviews.
import { http, apiUrl } from '../../api/http'

export const statisticsApi = {
  /** query: from, to (YYYY-MM-DD), regionId → {regionId, regionName, figures, labels, current, previous, lastYear} */
  report: (query) => http.get('/statistics', query),
  exportUrl: (query) => apiUrl('/statistics/export.xlsx', query)
}

export const accidentApi = {
  list: (query) => http.get('/accidents', query),
  create: (form) => http.post('/accidents', form),
  update: (id, form) => http.put(`/accidents/${id}`, form),
  targets: (year) => http.get('/targets', { year }),
  saveTarget: (form) => http.post('/targets', form)
}

export const assessmentApi = {
  schemes: () => http.get('/assessment/schemes'),
  scheme: (id) => http.get(`/assessment/schemes/${id}`),
  create: (form) => http.post('/assessment/schemes', form),
  update: (id, form) => http.put(`/assessment/schemes/${id}`, form),
  score: (id) => http.post(`/assessment/schemes/${id}/score`),
  publish: (id) => http.post(`/assessment/schemes/${id}/publish`),
  results: (id) => http.get(`/assessment/schemes/${id}/results`),
  /** fields: elementId, unitType, unitId, score, note, file (optional) */
  manualScore: (id, fields) => http.upload(`/assessment/schemes/${id}/manual-scores`, fields)
}

export const usageApi = {
  /** query: from, to → {from, to, elements, rows: [{rank, unitType, unitId, unitName, total, elements}]} */
  table: (query) => http.get('/assessment/usage', query)
}

export const bulletinApi = {
  list: () => http.get('/bulletins'),
  get: (id) => http.get(`/bulletins/${id}`),
  draft: (year, quarter) => http.post('/bulletins', { year, quarter }),
  edit: (id, form) => http.put(`/bulletins/${id}`, form),
  issue: (id) => http.post(`/bulletins/${id}/issue`),
  pdfUrl: (id) => apiUrl(`/bulletins/${id}/pdf`)
}

export const interviewApi = {
  list: (query) => http.get('/interviews', query),
  get: (id) => http.get(`/interviews/${id}`),
  propose: (form) => http.post('/interviews', form),
  edit: (id, form) => http.put(`/interviews/${id}`, form),
  act: (id, action) => http.post(`/interviews/${id}/actions/${action}`),
  addFollowUp: (id, form) => http.post(`/interviews/${id}/follow-ups`, form),
  followUpDone: (id, itemId, result) => http.post(`/interviews/${id}/follow-ups/${itemId}/done`, { result })
}
