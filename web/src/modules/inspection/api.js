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

// 检查记录, 检查计划, 双随机抽查, 检查表模板 (InspectionController, InspectionPlanController, RandomDrawController,
// ChecklistController, InspectionConflictController).
export const inspectionApi = {
  /** query: regionId, departmentId, entityId, type, result, from, to, keyword, page, size → {items, total} */
  list: (query) => http.get('/inspections', query),
  /** → {inspection, inspectors, items, photos, hazards} */
  get: (id) => http.get(`/inspections/${id}`),
  /** form: {type, entityId, inspectorIds, inspectedOn, templateId, planId} → detail */
  create: (form) => http.post('/inspections', form),
  /** form: {findings, representativeName, result, items: [{id, outcome, note}]} → detail */
  fill: (id, form) => http.put(`/inspections/${id}`, form),
  /** body: {level, reinspectionRequired, description, location} → HazardView */
  raiseHazard: (id, itemId, body) => http.post(`/inspections/${id}/items/${itemId}/hazard`, body),
  upload: (id, file, itemId) => http.upload(`/inspections/${id}/photos`, itemId ? { file, itemId } : { file }),
  photoUrl: (id, photoId) => apiUrl(`/inspections/${id}/photos/${photoId}/content`),
  /** an unfinished inspection without hazards, by its own unit (else 409 INSPECTION_FINISHED / INSPECTION_HAS_HAZARDS) */
  remove: (id) => http.del(`/inspections/${id}`),
  /** the people the caller may name as inspectors */
  staff: () => http.get('/inspections/staff')
}

export const checklistApi = {
  list: (query) => http.get('/checklist-templates', query),
  get: (id) => http.get(`/checklist-templates/${id}`),
  create: (form) => http.post('/checklist-templates', form),
  update: (id, form) => http.put(`/checklist-templates/${id}`, form)
}

export const planApi = {
  list: (query) => http.get('/inspection-plans', query),
  get: (id) => http.get(`/inspection-plans/${id}`),
  /** form: {name, year, month, industry, regionId, timesPerPeriod, inspectorIds} → {plan, entities} */
  create: (form) => http.post('/inspection-plans', form),
  changeEntity: (id, rowId, form) => http.put(`/inspection-plans/${id}/entities/${rowId}`, form),
  /** a plan no inspection was carried out under, by its own unit (else 409 PLAN_HAS_INSPECTIONS) */
  remove: (id) => http.del(`/inspection-plans/${id}`)
}

export const drawApi = {
  list: (query) => http.get('/draws', query),
  published: (query) => http.get('/draws/published', query),
  get: (id) => http.get(`/draws/${id}`),
  /** form: {name, regionId, industry, supervisionType, entityCount, inspectorsPerEntity, inspectorIds, seed} */
  create: (form) => http.post('/draws', form),
  publish: (id) => http.post(`/draws/${id}/publish`),
  /** a published draw → one unfinished inspection per entity, once (body: {type, plannedOn, templateId}; 409 DRAW_NOT_PUBLISHED / DRAW_TASKS_EXIST) → {draw, results} */
  createInspections: (id, body) => http.post(`/draws/${id}/inspections`, body),
  exportUrl: (id) => apiUrl(`/draws/${id}/export.xlsx`)
}

export const conflictApi = {
  list: (query) => http.get('/inspection-conflicts', query),
  create: (form) => http.post('/inspection-conflicts', form),
  remove: (id) => http.del(`/inspection-conflicts/${id}`)
}
// 违法线索移交
export const leadApi = {
  /** query: box (SENT | RECEIVED), state, keyword, page, size → {items: [LeadView], total} */
  list: (query) => http.get('/leads', query),
  /** → [{id, name, level, regionName}]: the departments this user may transfer a lead to */
  receivers: () => http.get('/leads/receivers'),
  /** → {lead, hops, attachments} */
  get: (id) => http.get(`/leads/${id}`),
  /** form: {entityId | subjectName, subjectAddress, regionId; description, legalBasis, receiverDepartmentId} */
  create: (form) => http.post('/leads', form),
  /** form: {description, legalBasis, subjectName, subjectAddress} — the sender, while not yet accepted/returned */
  update: (id, form) => http.put(`/leads/${id}`, form),
  /** action: accept {note} | return {reason} | transfer-again {receiverDepartmentId} | withdraw {reason} */
  act: (id, action, body = {}) => http.post(`/leads/${id}/actions/${action}`, body),
  upload: (id, file) => http.upload(`/leads/${id}/attachments`, { file }),
  contentUrl: (id, attachmentId) => apiUrl(`/leads/${id}/attachments/${attachmentId}/content`)
}

// 立案处罚 and 黑名单
export const caseApi = {
  list: (query) => http.get('/cases', query),
  /** → {caseFile, penalties, amountChanges, transitions} */
  get: (id) => http.get(`/cases/${id}`),
  /** form: {entityId | hazardId | leadId, legalBasis, facts} */
  create: (form) => http.post('/cases', form),
  /** action: decide {penalties: [{kind, amount, detail}], note} | execute {note} | close {note} | no-penalty {basis, reason} | withdraw {reason} */
  act: (id, action, body = {}) => http.post(`/cases/${id}/actions/${action}`, body),
  changeAmount: (id, penaltyId, amount, reason) => http.post(`/cases/${id}/penalties/${penaltyId}/amount`, { amount, reason })
}

export const blacklistApi = {
  /** active: 'true' | 'false' | 'all' */
  list: (query) => http.get('/blacklist', query),
  repair: (id, reason) => http.post(`/blacklist/${id}/repair`, { reason })
}

export const noticeUrl = (hazardId) => apiUrl(`/hazards/${hazardId}/rectification-notice.pdf`)
// 专项行动 and 调度报告 (CampaignController, DispatchController).
export const campaignApi = {
  /** query: type, keyword, state (PLANNED | ACTIVE | ENDED), page, size → {items: [Summary], total} */
  list: (query) => http.get('/campaigns', query),
  /** → {campaign, regions, industries, departments, tasks, slots} */
  get: (id) => http.get(`/campaigns/${id}`),
  /** form: {name, type, description, regionIds, industries, startDate, endDate, departmentIds, tasks, schedule} */
  create: (form) => http.post('/campaigns', form),
  /** the same form, tasks with their id; by the organiser while not ended (409 CAMPAIGN_ENDED / CAMPAIGN_STARTED / DEPARTMENT_HAS_REPORTS / TASK_DONE / REPORT_AFTER_END) */
  update: (id, form) => http.put(`/campaigns/${id}`, form),
  /** → {departments: [DepartmentRow], tasks: [Task]} */
  progress: (id) => http.get(`/campaigns/${id}/progress`),
  completeTask: (id, taskId, note) => http.post(`/campaigns/${id}/tasks/${taskId}/complete`, { note }),
  /** query: campaignId, departmentId, status (ON_TIME | LATE | MISSING | OPEN | UPCOMING), page, size */
  slots: (query) => http.get('/dispatch-slots', query),
  /** report: {entitiesChecked, hazardsFound, hazardsRectified, cases, content} → SlotView */
  file: (slotId, report) => http.post(`/dispatch-slots/${slotId}/report`, report)
}
