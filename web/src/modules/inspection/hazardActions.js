// Which actions of the closed loop a user may take on a hazard now — a mirror of Hazard.java (what each state
// allows) and HazardController.PERMISSIONS (who may ask). The server stays the judge; this only decides which
// buttons to show, and explains a disabled one (e.g. evidence still missing) before the server would refuse it.

/**
 * name: the action in POST /api/hazards/{id}/actions/{name}; perm: the permission it needs.
 * form: which fields its dialog asks for — deadline, type (整改方式), plan (五落实), reason; a note always.
 */
export const ACTIONS = {
  'confirm-major': { label: '确认重大', title: '确认为重大事故隐患', perm: 'hazard:confirm', button: 'danger' },
  downgrade: { label: '降为一般', title: '降为一般事故隐患', perm: 'hazard:confirm', button: 'default' },
  'order-rectification': { label: '下达整改', title: '下达整改通知', perm: 'hazard:write', button: 'primary', form: ['deadline', 'type', 'plan'] },
  'rectify-on-the-spot': { label: '立即整改', title: '立即整改（现场整改完毕并销号）', perm: 'hazard:write', button: 'success' },
  'submit-rectification': { label: '报告整改完成', title: '报告整改完成', perm: 'hazard:rectify', button: 'primary' },
  'apply-extension': { label: '申请延期', title: '申请延期', perm: 'hazard:rectify', button: 'default', form: ['deadline', 'reason'] },
  'approve-extension': { label: '批准延期', title: '批准延期', perm: 'hazard:write', button: 'primary' },
  'refuse-extension': { label: '驳回延期', title: '驳回延期', perm: 'hazard:write', button: 'danger' },
  'pass-reinspection': { label: '复查合格', title: '复查合格（销号）', perm: 'hazard:write', button: 'success' },
  'fail-reinspection': { label: '复查不合格', title: '复查不合格（重新限期整改）', perm: 'hazard:write', button: 'danger', form: ['deadline'] },
  'accept-rectification': { label: '验收通过', title: '验收通过（销号）', perm: 'hazard:write', button: 'success' },
  'reject-rectification': { label: '验收不通过', title: '验收不通过（重新限期整改）', perm: 'hazard:write', button: 'danger', form: ['deadline'] }
}

/** Hazard.java, state by state: the actions the state machine accepts for this hazard. */
function allowedByState(h) {
  switch (h.state) {
    case 'REPORTED':
      if (h.level === 'SUSPECTED_MAJOR') return ['confirm-major', 'downgrade']
      return h.level === 'GENERAL' ? ['order-rectification', 'rectify-on-the-spot'] : ['order-rectification']
    case 'RECTIFYING':
      return [
        'submit-rectification',
        ...(!h.extensionRequested && !h.extensionUsed ? ['apply-extension'] : []),
        ...(h.extensionRequested ? ['approve-extension', 'refuse-extension'] : [])
      ]
    case 'SUBMITTED':
      return h.reinspectionRequired
        ? ['pass-reinspection', 'fail-reinspection']
        : ['accept-rectification', 'reject-rectification']
    default:
      return []
  }
}

/**
 * The last time the hazard entered 整改中 (HazardController.lastOrder: any transition to RECTIFYING): a submission
 * needs evidence uploaded after it.
 */
export function lastOrderAt(transitions) {
  return transitions
    .filter((t) => t.toState === 'RECTIFYING')
    .reduce((latest, t) => (!latest || new Date(t.at) > new Date(latest) ? t.at : latest), null)
}

/**
 * The actions to show: [{name, ...ACTIONS[name], disabledReason}].
 * user: {permissions: string[], entityUser: boolean}; now: Date (the simulated time in demo mode).
 */
export function availableActions(detail, user, now) {
  const { hazard: h, transitions = [], attachments = [] } = detail
  const evidence = attachments.filter((a) => a.kind === 'EVIDENCE')
  const since = lastOrderAt(transitions)
  const freshEvidence = evidence.filter((a) => !since || new Date(a.uploadedAt) > new Date(since))
  // HazardController.requirePermission: the business's own actions only for business users, the rest only for others
  const mayAsk = (perm) => user.permissions.includes(perm) && (perm === 'hazard:rectify') === user.entityUser

  return allowedByState(h)
    .filter((name) => mayAsk(ACTIONS[name].perm))
    .map((name) => {
      let disabledReason = null
      if (name === 'rectify-on-the-spot' && !evidence.length) disabledReason = '请先上传整改佐证（现场整改后的照片）'
      if (name === 'submit-rectification' && !freshEvidence.length) disabledReason = '请先上传整改佐证（照片或文件）'
      if (name === 'apply-extension' && h.deadline && now >= new Date(h.deadline)) disabledReason = '整改期限已过，不能再申请延期'
      return { name, ...ACTIONS[name], disabledReason }
    })
}

/** Who may upload which kind now: businesses their evidence while rectifying; government staff both, until closed. */
export function uploadableKinds(h, user) {
  if (h.state === 'CLOSED') return []
  if (user.entityUser) return user.permissions.includes('hazard:rectify') && h.state === 'RECTIFYING' ? ['EVIDENCE'] : []
  return user.permissions.includes('hazard:write') ? ['FINDING', 'EVIDENCE'] : []
}
