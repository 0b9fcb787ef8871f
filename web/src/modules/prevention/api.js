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
  notRunning: (query) => http.get('/prevention/not-running', query),
  /** → {entityId, entityName, plan, history, points: [{id, name, grade, x, y}]}; entityId only for government users */
  sitePlan: (entityId) => http.get('/prevention/site-plan', { entityId }),
  /** businesses in scope with a current site plan: {items: [{entityId, entityName, placedPoints}], total} */
  sitePlans: (query) => http.get('/prevention/site-plans', query),
  uploadSitePlan: (file) => http.upload('/prevention/site-plan', { file }),
  sitePlanImageUrl: (id) => apiUrl(`/prevention/site-plans/${id}/image`),
  /** x, y: fractions (0..1) of the plan's width and height */
  place: (pointId, x, y) => http.put(`/prevention/points/${pointId}/placement`, { x, y }),
  unplace: (pointId) => http.del(`/prevention/points/${pointId}/placement`),
  noticeCardUrl: (pointId) => apiUrl(`/prevention/points/${pointId}/notice-card.pdf`),
  /** → {tileUrl (null: no tiles, draw offline), attribution, maxZoom} */
  mapConfig: () => http.get('/prevention/map/config'),
  /** query: bbox, grade, limit → {located, locatedTotal, truncated, limit, unlocated, unlocatedTotal} */
  mapBusinesses: (query) => http.get('/prevention/map/businesses', query)
}
