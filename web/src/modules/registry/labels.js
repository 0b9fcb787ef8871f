// Chinese labels of the registry's codes and JSON properties (EntityView, LicenceController.Licence).
import { formatDateTime } from '../../utils/format'

export const LICENCE_STATES = {
  VALID: { label: '有效', tag: 'success' },
  EXPIRING: { label: '30天内到期', tag: 'warning' },
  EXPIRED: { label: '已过期', tag: 'danger' }
}

/** The tri-state flag filters of the list: EntitySearch property → label. */
export const FLAG_FILTERS = [
  { key: 'highRisk', label: '高危行业' },
  { key: 'majorHazardSource', label: '重大危险源' },
  { key: 'crowdedPlace', label: '人员密集场所' },
  { key: 'insured', label: '已投保安责险' },
  { key: 'safetyDirectorMissing', label: '缺安全总监' },
  { key: 'dualPreventionMandatory', label: '须建双重预防' }
]

/** Summary axis → the EntitySearch property its codes filter on. */
export const SUMMARY_AXES = [
  { axis: 'social_function', label: '社会功能', filter: 'socialFunction' },
  { axis: 'industry', label: '行业类型', filter: 'industry' },
  { axis: 'supervision_level', label: '监管层级', filter: 'supervisionLevel' },
  { axis: 'status', label: '经营状态', filter: 'status' }
]

/** Tags shown next to an entity's name (list and detail header), most urgent first. */
export function entityTags(e) {
  const tags = []
  if (e.licenceState === 'EXPIRED') tags.push({ label: '证照已过期', type: 'danger', effect: 'dark' })
  if (e.licenceState === 'EXPIRING') tags.push({ label: '证照即将到期', type: 'warning', effect: 'dark' })
  if (e.safetyDirectorMissing) tags.push({ label: '缺安全总监', type: 'warning' })
  if (e.majorHazardSource) tags.push({ label: '重大危险源', type: 'danger' })
  if (e.highRisk) tags.push({ label: '高危', type: 'danger', effect: 'plain' })
  if (e.crowdedPlace) tags.push({ label: '人员密集', type: 'primary', effect: 'plain' })
  if (e.dualPreventionMandatory) tags.push({ label: '双重预防', type: 'primary' })
  if (e.insured) tags.push({ label: '已投保', type: 'success', effect: 'plain' })
  return tags
}

// History: JSON property → label. A code property is hidden when its *Label twin changed too.
export const FIELD_LABELS = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  legalRepresentativePhone: '法定代表人电话',
  actualController: '实际控制人',
  actualControllerPhone: '实际控制人电话',
  principalName: '主要负责人',
  principalPhone: '主要负责人电话',
  safetyDirectorName: '安全总监',
  safetyDirectorPhone: '安全总监电话',
  address: '地址',
  latitude: '纬度',
  longitude: '经度',
  staffCount: '从业人员数',
  foundedOn: '成立日期',
  status: '经营状态',
  statusLabel: '经营状态',
  socialFunction: '社会功能',
  socialFunctionLabel: '社会功能',
  industry: '行业类型',
  industryLabel: '行业类型',
  supervisionTypes: '监管类型',
  supervisionTypeLabels: '监管类型',
  supervisionLevel: '监管层级',
  supervisionLevelLabel: '监管层级',
  regionId: '属地',
  regionName: '属地',
  regionPath: '属地',
  highRisk: '高危行业',
  majorHazardSource: '重大危险源',
  majorHazardGrade: '重大危险源等级',
  crowdedPlace: '人员密集场所',
  insured: '已投保安责险',
  insurancePolicyNo: '安责险保单号',
  insuranceValidTo: '安责险有效期至',
  dualPreventionOverride: '双重预防人工认定',
  safetyDirectorRequired: '须配备安全总监',
  safetyDirectorMissing: '缺安全总监',
  dualPreventionMandatory: '须建设双重预防机制',
  licenceState: '证照状态',
  // licences (LICENCE_* entries)
  type: '类型',
  typeLabel: '类型',
  number: '证照编号',
  issuer: '发证机关',
  validFrom: '有效期起',
  validTo: '有效期至',
  scanDocumentId: '扫描件',
  safetyLicence: '安全生产类证照',
  state: '状态',
  // documents (DOCUMENT_* entries), as far as they are known
  title: '文件名称',
  versionNo: '版本',
  fileName: '文件',
  archived: '已归档',
  // supervision assignments (ASSIGN* entries, written by the responsibility module)
  departmentName: '监管部门',
  officeName: '处（科）室',
  supervisionType: '监管类型',
  supervisionTypeLabel: '监管类型',
  inspectors: '监管人员',
  startedAt: '分工开始',
  endedAt: '分工结束',
  endReason: '结束原因',
  bulk: '批量分工',
  byRule: '按分工规则采纳'
}

/** Never shown: ids and bookkeeping. */
const HIDDEN = new Set(['id', 'entityId', 'regionId', 'regionName', 'version', 'createdAt', 'updatedAt', 'assignment',
  'departmentId', 'officeId'])
const CODE_TWINS = {
  status: 'statusLabel',
  socialFunction: 'socialFunctionLabel',
  industry: 'industryLabel',
  supervisionTypes: 'supervisionTypeLabels',
  supervisionLevel: 'supervisionLevelLabel',
  supervisionType: 'supervisionTypeLabel',
  type: 'typeLabel'
}

/** A field's label; `type` is a licence's or a document's type depending on the entry. */
export function fieldLabel(field, action = '') {
  if (field === 'type' || field === 'typeLabel') {
    if (action.startsWith('LICENCE_')) return '证照类型'
    if (action.startsWith('DOCUMENT_')) return '文件类型'
  }
  return FIELD_LABELS[field] || field
}

// jsonb keeps its own key order: show fields in the order of the form instead
const ORDER = Object.fromEntries(Object.keys(FIELD_LABELS).map((field, i) => [field, i]))
const rank = (field) => ORDER[field] ?? Number.MAX_SAFE_INTEGER

/** The changes worth showing, in form order; `regionPath` stands for the region, labels for their codes. */
export function visibleChanges(changes = []) {
  const fields = new Set(changes.map((c) => c.field))
  return changes
    .filter((c) => !HIDDEN.has(c.field) && !(CODE_TWINS[c.field] && fields.has(CODE_TWINS[c.field])))
    .sort((a, b) => rank(a.field) - rank(b.field))
}

export const ACTION_LABELS = {
  CREATE: { label: '新增单位', type: 'success' },
  UPDATE: { label: '修改信息', type: 'primary' },
  IMPORT_CREATE: { label: 'Excel 导入新增', type: 'success' },
  IMPORT_UPDATE: { label: 'Excel 导入更新', type: 'primary' },
  LICENCE_CREATE: { label: '新增证照', type: 'success' },
  LICENCE_UPDATE: { label: '修改证照', type: 'primary' },
  LICENCE_DELETE: { label: '删除证照', type: 'danger' },
  DOCUMENT_CREATE: { label: '上传文件', type: 'success' },
  DOCUMENT_UPLOAD: { label: '上传文件', type: 'success' },
  DOCUMENT_VERSION: { label: '上传新版本', type: 'primary' },
  DOCUMENT_ARCHIVE: { label: '归档文件', type: 'info' },
  ASSIGN: { label: '新增监管分工', type: 'success' },
  ASSIGN_STAFF: { label: '调整监管人员', type: 'primary' },
  ASSIGN_END: { label: '结束监管分工', type: 'info' }
}

/** History fields whose values are dictionary codes: field → dictionary type (shown with DictLabel). */
export const DICT_FIELDS = { majorHazardGrade: 'major_hazard_grade', supervisionType: 'supervision_type' }

/** One history value in one line: booleans 是/否, arrays joined, licence states in Chinese (dictionary codes: DictLabel). */
export function historyValue(field, value) {
  if (value === undefined || value === null || value === '') return '（空）'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (field === 'inspectors' && Array.isArray(value)) return historyValue('', value.filter((i) => !i.endedAt).map((i) => i.name))
  if (Array.isArray(value)) return value.length ? value.join('、') : '（空）'
  if ((field === 'startedAt' || field === 'endedAt') && typeof value === 'string') return formatDateTime(value)
  if ((field === 'licenceState' || field === 'state') && LICENCE_STATES[value]) return LICENCE_STATES[value].label
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
