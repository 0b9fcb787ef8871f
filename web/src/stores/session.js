// The signed-in user ("me"), their permissions, and the demo clock. A plain reactive module, no Pinia.
import { reactive, readonly } from 'vue'
import { authApi } from '../modules/identity/api'
import { clockApi } from '../modules/platform/api'

const state = reactive({
  me: null,
  loaded: false, // /auth/me has been asked at least once
  clock: null // {now, offsetSeconds, receivedAt} in demo mode
})

export const session = readonly(state)

export function hasPermission(code) {
  return !!state.me?.permissions?.includes(code)
}

/** Route/menu meta check: {perm, demo, entityUsers, scopeKinds} (see router.js). */
export function canAccess(meta = {}) {
  if (!state.me) return false
  if (meta.demo && !state.me.demoMode) return false
  if (meta.perm && !hasPermission(meta.perm)) return false
  const entityUser = state.me.scope?.kind === 'ENTITY'
  if (meta.entityUsers === 'only' && !entityUser) return false
  if ((meta.entityUsers === 'never' || meta.entityUsers === 'own') && entityUser) return false
  if (meta.scopeKinds && !meta.scopeKinds.includes(state.me.scope?.kind)) return false
  return true
}

/**
 * The names of the user's region path, city first: ["济南市", "历下区", "解放路街道"]. Me.scope.label is that path
 * joined by " · ", followed by the department's and the entity's names when the user has them (MeView).
 */
export function regionNames(me = state.me) {
  const scope = me?.scope
  if (!scope?.label) return scope?.regionName ? [scope.regionName] : []
  const parts = scope.label.split(' · ')
  const tail = (scope.departmentName ? 1 : 0) + (scope.entityName ? 1 : 0)
  return parts.slice(0, parts.length - tail)
}

/** A city-level user (city office, command centre, city departments, admin): their region is the city itself. */
export function isCityUser(me = state.me) {
  return !!me && me.scope?.kind !== 'ENTITY' && regionNames(me).length === 1
}

function setMe(me) {
  state.me = me || null
  state.loaded = true
  if (state.me?.demoMode) loadClock()
  else state.clock = null
}

/** Asks the server who we are; resolves to me or null (not logged in / server unreachable). */
export async function loadSession() {
  try {
    setMe(await authApi.me())
  } catch {
    setMe(null)
  }
  return state.me
}

export async function login(username, password) {
  const res = await authApi.login(username, password)
  if (res?.user) setMe(res.user)
  else await loadSession()
  return state.me
}

export function clearSession() {
  state.me = null
  state.clock = null
  state.loaded = true
}

export async function logout(everywhere = false) {
  try {
    await (everywhere ? authApi.logoutAll() : authApi.logout())
  } finally {
    clearSession()
  }
}

export function setClock(clock) {
  state.clock = clock ? { ...clock, receivedAt: Date.now() } : null
}

export async function loadClock() {
  try {
    setClock(await clockApi.get())
  } catch {
    setClock(null)
  }
}

/** Simulated "now" (server time + offset), advanced locally since the last fetch. */
export function simulatedNow() {
  const c = state.clock
  if (!c?.now) return null
  return new Date(new Date(c.now).getTime() + (Date.now() - c.receivedAt))
}
