// Labels of the 统计考评 module's codes (mirroring AccidentLevel, AssessmentGrading.Grade, InterviewState).
export const ACCIDENT_LEVELS = {
  GENERAL: { label: '一般事故', type: 'warning' },
  LARGER: { label: '较大事故', type: 'danger' },
  MAJOR: { label: '重大事故', type: 'danger' },
  ESPECIALLY_MAJOR: { label: '特别重大事故', type: 'danger' }
}

export const GRADES = {
  EXCELLENT: { label: '优秀', type: 'success' },
  PASS: { label: '合格', type: 'primary' },
  FAIL: { label: '不合格', type: 'danger' }
}

export const SCHEME_STATES = { DRAFT: '草稿', SCORED: '已评分（待审定）', PUBLISHED: '已审定发布' }

export const INTERVIEW_STATES = {
  PROPOSED: '提出', APPROVED: '已批准', NOTIFIED: '已通知', HELD: '已约谈', FOLLOWING_UP: '整改跟踪', ARCHIVED: '已归档'
}

/** The action leaving each interview state (InterviewState.ACTIONS). */
export const INTERVIEW_NEXT = {
  PROPOSED: { action: 'approve', label: '批准约谈方案' },
  APPROVED: { action: 'notify', label: '发出书面通知' },
  NOTIFIED: { action: 'hold', label: '记录已约谈' },
  HELD: { action: 'follow-up', label: '转入整改跟踪' },
  FOLLOWING_UP: { action: 'archive', label: '整理归档' }
}

export const TARGET_METRICS = { DEATHS: '死亡人数', ACCIDENTS: '事故起数' }
export const TARGET_KINDS = { AT_MOST: '不超过', REDUCE_PCT: '同比下降（%）' }

export const pct = (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)}%`)
