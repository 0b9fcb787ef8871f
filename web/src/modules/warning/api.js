// Every call of the warning pages (预警管理): the scoped list, what a big screen of a level shows, the ladders, and
// the actions the steps create — 督办单, 通知确认, 通报.
import { http, apiUrl } from '../../api/http'

export const warningApi = {
  /** query: state (ACTIVE | RESOLVED), kind, screen (DISTRICT | CITY), page, size → {items: [WarningRow], total} */
  list: (query) => http.get('/warnings', query),
  /** level: DISTRICT | CITY → [{triggerKind, step, action, warnings}] */
  screen: (level) => http.get('/warnings/screen', { level }),
  /** level → {supervisionAwaitingReply, supervisionOverdue, noticePending, confirmationOpen} */
  screenActions: (level) => http.get('/warnings/screen/actions', { level }),
  /** → [{ruleId, triggerKind, originLevel, version, clause, name, delayUnit, stepNo, delayHours, screenLevel, action, actingLevel}] */
  rules: () => http.get('/warnings/rules'),
  /** body: {name, delayUnit (HOURS | WORKING_DAYS), steps: [{delayHours, screenLevel, action, actingLevel}]} → a new version */
  saveRule: (triggerKind, originLevel, body) => http.put(`/warnings/rules/${triggerKind}/${originLevel}`, body)
}

export const supervisionApi = {
  /** query: box (INBOX | ISSUED | ALL), state, overdue, page, size → {items: [OrderRow], total} */
  list: (query) => http.get('/supervision-orders', query),
  get: (id) => http.get(`/supervision-orders/${id}`),
  reply: (id, replyText) => http.post(`/supervision-orders/${id}/reply`, { replyText }),
  route: (id, officeId) => http.post(`/supervision-orders/${id}/route`, { officeId }),
  /** all or nothing; a refusal (409 BULK_REFUSED) carries failures: [{orderId, code, message}] */
  bulkReply: (orderIds, replyText) => http.post('/supervision-orders/bulk-reply', { orderIds, replyText }),
  bulkRoute: (orderIds, officeId) => http.post('/supervision-orders/bulk-route', { orderIds, officeId }),
  review: (id, accepted, comment) => http.post(`/supervision-orders/${id}/review`, { accepted, comment }),
  upload: (id, file) => http.upload(`/supervision-orders/${id}/attachments`, { file }),
  attachmentUrl: (id, attachmentId) => apiUrl(`/supervision-orders/${id}/attachments/${attachmentId}/content`)
}

export const confirmationApi = {
  list: (query) => http.get('/confirmation-tasks', query),
  answer: (id, answerText) => http.post(`/confirmation-tasks/${id}/answer`, { answerText })
}

export const noticeApi = {
  /** the entries waiting for the office's next 通报 */
  drafts: () => http.get('/notices/drafts'),
  /** body: {title, intro, entryIds (empty: all pending)} → the issued notice */
  compile: (body) => http.post('/notices', body),
  list: (query) => http.get('/notices', query),
  get: (id) => http.get(`/notices/${id}`),
  pdfUrl: (id) => apiUrl(`/notices/${id}/notice.pdf`),
  xlsxUrl: (id) => apiUrl(`/notices/${id}/notice.xlsx`)
}
