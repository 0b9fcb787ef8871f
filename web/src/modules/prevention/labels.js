// Labels and colours of the dual-prevention codes (mirroring RiskGrade.java and the controllers' enums).
export const GRADES = {
  RED: { label: '重大风险', color: '#e53935', tag: 'danger' },
  ORANGE: { label: '较大风险', color: '#fb8c00', tag: 'warning' },
  YELLOW: { label: '一般风险', color: '#fdd835', tag: 'warning' },
  BLUE: { label: '低风险', color: '#1e88e5', tag: 'primary' }
}
export const CONTROL_LEVELS = { COMPANY: '公司（厂部）', DEPARTMENT: '车间（部门）', TEAM: '班组', POST: '岗位' }
export const POINT_KINDS = { UNIT: '单元', SITE: '场所', EQUIPMENT: '设备设施', OPERATION: '作业活动' }
export const MEASURE_CATEGORIES = {
  ENGINEERING: '工程技术', MANAGEMENT: '管理', TRAINING: '培训教育', PPE: '个体防护', EMERGENCY: '应急处置'
}
export const FREQUENCIES = { SHIFT: '每班', DAILY: '每日', WEEKLY: '每周', MONTHLY: '每月', QUARTERLY: '每季度' }
export const CHECK_STATES = {
  OPEN: { label: '待排查', tag: 'primary' },
  MISSED: { label: '已逾期', tag: 'danger' },
  DONE: { label: '已完成', tag: 'success' },
  LATE: { label: '逾期完成', tag: 'warning' }
}
