// Every call of the dual-prevention pages (双重预防): risk points, factors, assessments, measures, tasks, checks,
// and the government's monitoring views.
import { http, apiUrl } from '../../api/http'

export const preventionApi = {
  /** → {lec: {formula, bands}, ls: {formula, bands}, controlLevels} — the bands of RiskGrading.java */
  grading: () => http.get('/prevention/grading'),
  /** → {onTimeShare, consecutiveDays} — the running-status rule */
  rule: () => http.get('/prevention/rule'),
  points: (query) => http.get('/prevention/points', query),
  /** → {point, factors, assessments, measures, tasks} */
  point: (id) => http.get(`/prevention/points/${id}`),
  createPoint: (form) => http.post('/prevention/points', form),
  updatePoint: (id, form) => http.put(`/prevention/points/${id}`, form),
  addFactor: (pointId, form) => http.post(`/prevention/points/${pointId}/factors`, form),
  updateFactor: (id, form) => http.put(`/prevention/factors/${id}`, form),
  /** form: {method: LEC|LS, residual, likelihood, exposure, consequence, severity} → {result, factor, point} */
  assess: (factorId, form) => http.post(`/prevention/factors/${factorId}/assessments`, form),
  addMeasure: (pointId, form) => http.post(`/prevention/points/${pointId}/measures`, form),
  updateMeasure: (id, form) => http.put(`/prevention/measures/${id}`, form),
  tasks: (query) => http.get('/prevention/tasks', query),
  addTask: (measureId, form) => http.post(`/prevention/measures/${measureId}/tasks`, form),
  updateTask: (id, form) => http.put(`/prevention/tasks/${id}`, form),
  /** query: day, state (OPEN|MISSED|DONE|LATE), entityId */
  checks: (query) => http.get('/prevention/checks', query),
  /** form: {items: [{item, ok}], hazardFound, hazardDescription, hazardLevel, note} */
  record: (id, form) => http.post(`/prevention/checks/${id}/record`, form),
  uploadPhoto: (id, file) => http.upload(`/prevention/checks/${id}/photo`, { file }),
  photoUrl: (id) => apiUrl(`/prevention/checks/${id}/photo`),
  /** by: DISTRICT | INDUSTRY */
  coverage: (by) => http.get('/prevention/coverage', { by }),
  distribution: (by) => http.get('/prevention/distribution', { by }),
  notRunning: (query) => http.get('/prevention/not-running', query)
}
