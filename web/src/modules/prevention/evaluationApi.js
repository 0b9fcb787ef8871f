// 量化评估 (EvaluationSheetController, EvaluationController) and the running rule (PreventionRuleController).
import { http } from '../../api/http'

export const evaluationApi = {
  /** → current sheet versions [{id, code, version, name, industries, total, itemCount}]; industry: its sheets first */
  sheets: (industry) => http.get('/prevention/evaluation-sheets', { industry }),
  /** → {id, code, version, name, industries, current, total, sections: [{name, points, items: [{id, content, maxPoints, guidance}]}]} */
  sheet: (id) => http.get(`/prevention/evaluation-sheets/${id}`),
  /** form: {name, industries, sections: [{name, items: [{content, maxPoints, guidance}]}]} — saves a new version */
  saveSheet: (code, form) => http.put(`/prevention/evaluation-sheets/${code}`, form),
  /** query: entityId, grade, page, size → {items, total, counts: {BLUE, YELLOW, ORANGE, RED}} */
  list: (query) => http.get('/prevention/evaluations', query),
  /** → {evaluation, note, sheet, scores: [{itemId, score, remark}]} */
  get: (id) => http.get(`/prevention/evaluations/${id}`),
  /** form: {entityId, sheetId, evaluatedOn, note, scores: [{itemId, score, remark}]} */
  create: (form) => http.post('/prevention/evaluations', form),
  entities: (keyword) => http.get('/entities', { keyword, page: 1, size: 20 }),
  rule: () => http.get('/prevention/rule'),
  /** form: {onTimeShare (0.5–1), consecutiveDays (1–30)} */
  saveRule: (form) => http.put('/prevention/rule', form)
}

// The bands of EvaluationGrading.java: a higher score is a lower risk.
export const EVALUATION_COLOURS = [
  { grade: 'BLUE', label: '蓝色', range: '≥ 90 分', color: '#1e88e5' },
  { grade: 'YELLOW', label: '黄色', range: '75–90 分', color: '#fdd835' },
  { grade: 'ORANGE', label: '橙色', range: '60–75 分', color: '#fb8c00' },
  { grade: 'RED', label: '红色', range: '< 60 分', color: '#e53935' }
]
