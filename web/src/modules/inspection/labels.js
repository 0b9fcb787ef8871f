// Chinese labels of the hazard codes (HazardState, HazardLevel, Hazard.RectificationType, the transitions of Hazard).

export const HAZARD_STATES = {
  REPORTED: { label: '已上报', tag: 'info' },
  RECTIFYING: { label: '整改中', tag: 'warning' },
  SUBMITTED: { label: '待复查验收', tag: 'primary' },
  CLOSED: { label: '已销号', tag: 'success' }
}

export const HAZARD_LEVELS = {
  GENERAL: { label: '一般', full: '一般事故隐患', tag: 'info' },
  SUSPECTED_MAJOR: { label: '疑似重大', full: '疑似重大事故隐患', tag: 'warning' },
  MAJOR: { label: '重大', full: '重大事故隐患', tag: 'danger' }
}

export const RECTIFICATION_TYPES = {
  DEADLINE: '限期整改',
  SUSPEND: '停产停业整顿'
}

export const ATTACHMENT_KINDS = {
  FINDING: '隐患照片',
  EVIDENCE: '整改佐证'
}

/** Every transition code Hazard.java records, as the timeline shows it. */
export const TRANSITIONS = {
  REPORT: { label: '上报', type: 'primary' },
  CONFIRM_MAJOR: { label: '确认为重大隐患', type: 'danger' },
  DOWNGRADE: { label: '降为一般隐患', type: 'info' },
  ORDER_RECTIFICATION: { label: '下达整改通知', type: 'warning' },
  RECTIFY_ON_THE_SPOT: { label: '立即整改', type: 'success' },
  APPLY_EXTENSION: { label: '申请延期', type: 'warning' },
  APPROVE_EXTENSION: { label: '批准延期', type: 'primary' },
  REFUSE_EXTENSION: { label: '驳回延期', type: 'danger' },
  SUBMIT_RECTIFICATION: { label: '报告整改完成', type: 'primary' },
  PASS_REINSPECTION: { label: '复查合格', type: 'success' },
  FAIL_REINSPECTION: { label: '复查不合格', type: 'danger' },
  ACCEPT_RECTIFICATION: { label: '验收通过', type: 'success' },
  REJECT_RECTIFICATION: { label: '验收不通过', type: 'danger' }
}

export const transitionLabel = (code) => TRANSITIONS[code] || { label: code, type: 'info' }
export const stateLabel = (code) => HAZARD_STATES[code] || { label: code, tag: 'info' }
export const levelLabel = (code) => HAZARD_LEVELS[code] || { label: code, full: code, tag: 'info' }

/** The 五落实 of a major hazard's plan (RectificationPlan); the fifth, the deadline, is the hazard's own. */
export const PLAN_FIELDS = [
  { key: 'measures', label: '整改措施' },
  { key: 'funds', label: '整改资金' },
  { key: 'responsiblePerson', label: '责任人' },
  { key: 'emergencyPlan', label: '应急预案' }
]

export const INSPECTION_TYPES = {
  ENFORCEMENT: '执法检查',
  SUPERVISION: '监督检查',
  ROUTINE: '日常检查',
  SPECIAL: '专项检查',
  INSPECTION_TOUR: '督查',
  RE_INSPECTION: '复查'
}

export const INSPECTION_RESULTS = {
  PASSED: { label: '合格', tag: 'success' },
  RECTIFICATION_ORDERED: { label: '责令整改', tag: 'warning' },
  CASE_FILED: { label: '立案', tag: 'danger' }
}

export const ITEM_OUTCOMES = {
  PASS: { label: '符合', type: 'success' },
  FAIL: { label: '不符合', type: 'danger' },
  NA: { label: '不适用', type: 'info' }
}

// 专项行动 (CampaignType, DispatchSchedule, the slot and task statuses of DispatchSlots / Campaigns).
export const CAMPAIGN_TYPES = {
  SAFETY_INSPECTION: '安全生产大检查',
  SPECIAL_RECTIFICATION: '专项整治',
  SUPERVISION: '综合督查',
  SPECIAL_SUPERVISION: '专项督查'
}

export const CAMPAIGN_STATES = {
  PLANNED: { label: '未开始', tag: 'info' },
  ACTIVE: { label: '进行中', tag: 'primary' },
  ENDED: { label: '已结束', tag: 'success' }
}

export const SLOT_STATUSES = {
  ON_TIME: { label: '按时报送', tag: 'success' },
  LATE: { label: '迟报', tag: 'warning' },
  MISSING: { label: '未报', tag: 'danger' },
  OPEN: { label: '待报送', tag: 'primary' },
  UPCOMING: { label: '未到期', tag: 'info' }
}

export const TASK_STATUSES = {
  DONE: { label: '已完成', tag: 'success' },
  OVERDUE: { label: '已逾期', tag: 'danger' },
  OPEN: { label: '进行中', tag: 'info' }
}

export const WEEKDAYS = {
  MONDAY: '周一', TUESDAY: '周二', WEDNESDAY: '周三', THURSDAY: '周四', FRIDAY: '周五', SATURDAY: '周六', SUNDAY: '周日'
}

/** "每周五 17:00", "每月15日 17:00", "指定日期 17:00" */
export function scheduleText(s) {
  if (!s) return ''
  const time = (s.time || '').slice(0, 5)
  if (s.kind === 'WEEKLY') return `每${WEEKDAYS[s.weekday] || ''} ${time}`
  if (s.kind === 'MONTHLY') return `每月${s.dayOfMonth}日 ${time}`
  return `指定日期（${(s.dates || []).join('、')}） ${time}`
}
