// Every call of the responsibility pages (监管责任): blind spots, assignments, hand-over, rules, my entities,
// and the few reads of other modules they need (entity count, a department's offices and staff, users).
import { http } from '../../api/http'

export const gapApi = {
  summary: () => http.get('/responsibility/gaps/summary'),
  /** query: {kind: NO_DEPARTMENT|NO_TERRITORIAL_OWNER|NO_INSPECTOR|DEPARTMENT_WITHOUT_LEADER, regionId, industry, page, size} */
  list: (query) => http.get('/responsibility/gaps', query),
  departments: () => http.get('/responsibility/gaps/departments')
}

export const assignmentApi = {
  /** at: ISO instant or null (now) → {at, entityId, entityName, territorial, gridInspector, assignments} */
  responsible: (entityId, at) => http.get(`/responsibility/entities/${entityId}/responsible`, { at }),
  history: (entityId) => http.get(`/responsibility/entities/${entityId}/assignments`),
  /** {entityId, departmentId, officeId, supervisionType, inspectorIds} */
  create: (body) => http.post('/responsibility/assignments', body),
  /** {officeId, inspectorIds, reason} */
  staff: (id, body) => http.put(`/responsibility/assignments/${id}/staff`, body),
  end: (id, reason) => http.post(`/responsibility/assignments/${id}/end`, { reason }),
  /** {filter: EntitySearch, departmentId, officeId, supervisionType, inspectorIds} → {matched, assigned, skipped} */
  bulk: (body) => http.post('/responsibility/assignments/bulk', body),
  /** {fromUserId, toUserId, reason} → {moved} */
  handOver: (body) => http.post('/responsibility/handover', body),
  /** of: department | office | inspector → {items, total} */
  mine: (of, page, size) => http.get('/responsibility/my-entities', { of, page, size })
}

export const ruleApi = {
  list: () => http.get('/responsibility/division-rules'),
  /** {industry, level: CITY|DISTRICT, departmentKind, supervisionType} */
  create: (body) => http.post('/responsibility/division-rules', body),
  remove: (id) => http.del(`/responsibility/division-rules/${id}`),
  proposals: (page, size) => http.get('/responsibility/proposals', { page, size }),
  /** entityIds: the chosen entities, or null for every proposal in scope → {assigned} */
  apply: (entityIds) => http.post('/responsibility/proposals/apply', entityIds ? { entityIds } : {}),
  contradictions: (page, size) => http.get('/responsibility/contradictions', { page, size })
}

// Reads of other modules
export const lookupApi = {
  /** how many entities an EntitySearch filter matches in the caller's scope */
  countEntities: (filter) => http.get('/entities', { ...filter, page: 1, size: 1 }).then((r) => r?.total ?? 0),
  /** {offices:[{id, name}], staff:[{id, displayName, officeName, roles}], …} */
  department: (id) => http.get(`/departments/${id}`),
  /** the department's accounts (needs user:read) → [{id, displayName, officeName, enabled, …}] */
  departmentUsers: (departmentId) => http.get('/users', { departmentId, page: 1, size: 500 }).then((r) => r?.items || [])
}
