// The four blind spots (不落空挡、不留盲区, seed 003 §三): query value, JSON property, label, colour.
export const GAP_KINDS = [
  { kind: 'NO_DEPARTMENT', prop: 'noDepartment', label: '无监管部门', tag: 'danger', color: '#f56c6c' },
  { kind: 'NO_TERRITORIAL_OWNER', prop: 'noTerritorialOwner', label: '无属地网格员', tag: 'warning', color: '#e6a23c' },
  { kind: 'NO_INSPECTOR', prop: 'noInspector', label: '无具体监管人员', tag: 'primary', color: '#409eff' },
  { kind: 'DEPARTMENT_WITHOUT_LEADER', prop: 'departmentWithoutLeader', label: '监管部门无第一责任人', tag: 'info', color: '#909399' }
]

export const gapOf = (kind) => GAP_KINDS.find((g) => g.kind === kind)

/** The gap tags of one row of the list. */
export const gapTags = (row) => GAP_KINDS.filter((g) => row[g.prop])

export const RULE_LEVELS = { CITY: '市级', DISTRICT: '区县级' }

/** "历下区 / 千佛山街道 / 第一网格" reads "千佛山街道 / 第一网格" for a 历下区 user. */
export function belowRegion(path, ownRegionName) {
  const parts = (path || '').split(' / ')
  const own = parts.indexOf(ownRegionName)
  return own >= 0 && own < parts.length - 1 ? parts.slice(own + 1).join(' / ') : path
}
