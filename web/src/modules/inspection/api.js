// Every call of the hazard pages (隐患排查整治): list, detail, report, actions of the closed loop, attachments.
import { http, apiUrl } from '../../api/http'

export const hazardApi = {
  /** query: state, level, entityId, regionId, overdue, keyword, open, page, size → {items: [HazardView], total} */
  list: (query) => http.get('/hazards', query),
  /** → {hazard: HazardView, transitions, attachments} */
  get: (id) => http.get(`/hazards/${id}`),
  /** form: {entityId, description, location, legalBasis, level, reinspectionRequired} → HazardView */
  create: (form) => http.post('/hazards', form),
  /** action: a kebab-case name of HazardController.PERMISSIONS; body: {deadline, type, plan, note, reason} → HazardView */
  act: (id, action, body = {}) => http.post(`/hazards/${id}/actions/${action}`, body),
  /** kind: FINDING (隐患照片) | EVIDENCE (整改佐证) → Attachment */
  upload: (id, kind, file) => http.upload(`/hazards/${id}/attachments`, { kind, file }),
  contentUrl: (id, attachmentId) => apiUrl(`/hazards/${id}/attachments/${attachmentId}/content`)
}

/** Entities for the report dialog's remote select (the caller's scope). */
export const entitySearch = (keyword) => http.get('/entities', { keyword, page: 1, size: 20 })

// 专项行动 and 调度报告 (CampaignController, DispatchController).
export const campaignApi = {
  /** query: type, keyword, state (PLANNED | ACTIVE | ENDED), page, size → {items: [Summary], total} */
  list: (query) => http.get('/campaigns', query),
  /** → {campaign, regions, industries, departments, tasks, slots} */
  get: (id) => http.get(`/campaigns/${id}`),
  /** form: {name, type, description, regionIds, industries, startDate, endDate, departmentIds, tasks, schedule} */
  create: (form) => http.post('/campaigns', form),
  /** → {departments: [DepartmentRow], tasks: [Task]} */
  progress: (id) => http.get(`/campaigns/${id}/progress`),
  completeTask: (id, taskId, note) => http.post(`/campaigns/${id}/tasks/${taskId}/complete`, { note }),
  /** query: campaignId, departmentId, status (ON_TIME | LATE | MISSING | OPEN | UPCOMING), page, size */
  slots: (query) => http.get('/dispatch-slots', query),
  /** report: {entitiesChecked, hazardsFound, hazardsRectified, cases, content} → SlotView */
  file: (slotId, report) => http.post(`/dispatch-slots/${slotId}/report`, report)
}
