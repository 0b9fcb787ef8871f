// Chinese labels of the warning codes (Trigger.Kind, warning_rule_step.screen_level / action / acting_level).

/**
 * The five ladders of seed 003 §六, the dispatch-report ladder of §四(十) and the 约谈 follow-up ladder of seed 000
 * §九(五) (`part` names the seed's part when not 六); `start` is what sets a ladder going, for the rules table.
 */
export const TRIGGER_KINDS = {
  OVERDUE_HAZARD: { label: '隐患逾期未整改', clause: '十五', start: '逾期', color: '#ff9f43' },
  SUSPECTED_MAJOR_HAZARD: { label: '疑似重大隐患', clause: '十六', start: '发现', color: '#ff5b5b' },
  LEAD_UNHANDLED: { label: '移交线索未处理', clause: '十七', start: '移交', color: '#a66bff' },
  LICENCE_EXPIRED: { label: '证照过期', clause: '十八', start: '过期', color: '#2bc8ff' },
  PREVENTION_NOT_RUNNING: { label: '双重预防未正常运行', clause: '十九', start: '未运行满7天', color: '#39d98a' },
  DISPATCH_REPORT_LATE: { label: '调度报告逾期未报', clause: '十', part: '四', start: '截止未报', color: '#f7d154' },
  INTERVIEW_FOLLOW_UP_OVERDUE: { label: '约谈整改逾期', clause: '五', part: '九', start: '期限届满未落实', color: '#ff7eb6' }
}

export const WARNING_ACTIONS = {
  SUPERVISE: { label: '督办', tag: 'warning' },
  NOTICE: { label: '通报', tag: 'danger' },
  CONFIRM: { label: '通知确认', tag: 'primary' }
}

export const SCREENS = {
  DISTRICT: { label: '区级大屏', short: '区' },
  CITY: { label: '市级大屏', short: '市' }
}

export const WARNING_STATES = {
  ACTIVE: '进行中',
  RESOLVED: '已解除'
}

export const kindLabel = (code) => TRIGGER_KINDS[code]?.label || code
export const actionLabel = (code) => WARNING_ACTIONS[code]?.label || code

/** "区级大屏·区督办": where a step shows and who acts (the acting level defaults to the screen's). */
export function stepLabel(screenLevel, action, actingLevel = screenLevel) {
  if (!screenLevel) return '尚未推送'
  return `${SCREENS[screenLevel]?.label || screenLevel}·${SCREENS[actingLevel]?.short || ''}${actionLabel(action)}`
}

/** "+3天" (or "+5小时" when not whole days; "+3个工作日" for a ladder counted in working days). */
export function delayLabel(hours, unit = 'HOURS') {
  if (!hours) return ''
  if (unit === 'WORKING_DAYS') return `+${hours / 24}个工作日`
  return hours % 24 === 0 ? `+${hours / 24}天` : `+${hours}小时`
}

/** Where a warning's subject is shown: a hazard's detail, an entity's 证照 tab; null when there is no page yet. */
export function subjectPath(w) {
  if (w.subjectType === 'hazard') return `/inspection/hazards/${w.subjectId}`
  if (w.subjectType === 'licence' && w.entityId) return `/registry/entities/${w.entityId}?tab=licences`
  if (w.subjectType === 'prevention') return '/prevention/monitor'
  if (w.subjectType === 'dispatch_report') return '/inspection/campaigns'
  if (w.subjectType === 'interview_follow_up') return '/assessment/interviews'
  return null
}

export const ORDER_STATES = {
  OPEN: { label: '待答复', tag: 'warning' },
  REPLIED: { label: '已答复待审核', tag: 'primary' },
  ACCEPTED: { label: '已办结', tag: 'success' },
  REJECTED: { label: '退回重办', tag: 'danger' }
}

export const TASK_STATES = {
  OPEN: { label: '待确认', tag: 'warning' },
  ANSWERED: { label: '已答复', tag: 'primary' },
  RESOLVED: { label: '已办结', tag: 'success' }
}

