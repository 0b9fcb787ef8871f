// The model behind EntityFormDialog: EntityForm's fields, how an EntityView fills them, the client-side checks
// (the server repeats them and answers per field) and the body sent.
import { usccProblem } from './uscc'

export const PEOPLE = [
  ['legalRepresentative', '法定代表人'], ['legalRepresentativePhone', '法定代表人电话'],
  ['actualController', '实际控制人'], ['actualControllerPhone', '实际控制人电话'],
  ['principalName', '主要负责人'], ['principalPhone', '主要负责人电话'],
  ['safetyDirectorName', '安全总监'], ['safetyDirectorPhone', '安全总监电话']
]

// highRisk and dualPreventionOverride: null means "as the rules say"
const TRI = { AUTO: null, YES: true, NO: false }
const tri = (v) => (v === true ? 'YES' : v === false ? 'NO' : 'AUTO')

export const blankForm = () => ({
  name: '', uscc: '', regionId: null, address: '', latitude: null, longitude: null, staffCount: 0, foundedOn: null,
  status: 'OPERATING', socialFunction: null, industry: null, supervisionTypes: [], supervisionLevel: null,
  ...Object.fromEntries(PEOPLE.map(([key]) => [key, ''])),
  highRisk: 'AUTO', majorHazardSource: false, majorHazardGrade: null, crowdedPlace: false, insured: false,
  insurancePolicyNo: '', insuranceValidTo: null, dualPreventionOverride: 'AUTO', version: null
})

/** The form for an EntityView (null: a new entity). */
export function formOf(entity) {
  const form = blankForm()
  if (!entity) return form
  for (const key of Object.keys(form)) if (entity[key] !== undefined && entity[key] !== null) form[key] = entity[key]
  form.supervisionTypes = [...(entity.supervisionTypes || [])]
  // EntityView only carries the effective value: editing keeps it as an explicit choice
  form.highRisk = tri(entity.highRisk)
  form.dualPreventionOverride = tri(entity.dualPreventionOverride)
  return form
}

/** The EntityForm body: '' as null, tri-states as null/true/false, version only when editing. */
export function bodyOf(form, withVersion) {
  const body = { ...form, highRisk: TRI[form.highRisk], dualPreventionOverride: TRI[form.dualPreventionOverride] }
  for (const [key, value] of Object.entries(body)) if (value === '') body[key] = null
  body.uscc = body.uscc?.trim().toUpperCase() || null
  if (!withVersion) delete body.version
  return body
}

const phone = { pattern: /^[\d\-+ ()]{7,20}$/, message: '请输入正确的电话号码', trigger: 'blur' }
const check = (problem) => (rule, value, callback) => {
  const message = problem(value)
  return message ? callback(new Error(message)) : callback()
}

export function rulesFor(form) {
  return {
    name: [{ required: true, message: '请填写单位名称', trigger: 'blur' }, { max: 200, message: '不超过200字', trigger: 'blur' }],
    uscc: [{ required: true, message: '请填写统一社会信用代码', trigger: 'blur' }, { validator: check(usccProblem), trigger: 'blur' }],
    regionId: [{ required: true, message: '请选择属地街道（镇）或网格', trigger: 'change' }],
    socialFunction: [{ required: true, message: '请选择社会功能', trigger: 'change' }],
    industry: [{ required: true, message: '请选择行业类型', trigger: 'change' }],
    supervisionLevel: [{ required: true, message: '请选择监管层级', trigger: 'change' }],
    majorHazardGrade: [{ validator: check((v) => (form.majorHazardSource && !v ? '请选择重大危险源等级' : null)) }],
    insurancePolicyNo: [{ validator: check((v) => (form.insured && !v ? '已投保安责险的，请填写保单号' : null)) }],
    ...Object.fromEntries(PEOPLE.filter(([k]) => k.endsWith('Phone')).map(([k]) => [k, [phone]]))
  }
}

/** "济南市 / 历下区 / 千佛山街道 / 第二网格" for a region id in the region tree. */
export function regionPathIn(nodes, id, trail = []) {
  for (const node of nodes || []) {
    const here = [...trail, node.name]
    if (node.id === id) return here.join(' / ')
    const below = regionPathIn(node.children, id, here)
    if (below) return below
  }
  return ''
}
