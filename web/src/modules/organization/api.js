import { http } from '../../api/http'
import { session } from '../../stores/session'

export const regionApi = {
  tree: () => http.get('/regions/tree'),
  create: (body) => http.post('/regions', body).finally(invalidateRegionTree),
  update: (id, body) => http.put(`/regions/${id}`, body).finally(invalidateRegionTree)
}

export const departmentApi = {
  list: (query) => http.get('/departments', query),
  get: (id) => http.get(`/departments/${id}`),
  create: (body) => http.post('/departments', body),
  update: (id, body) => http.put(`/departments/${id}`, body),
  createOffice: (id, body) => http.post(`/departments/${id}/offices`, body),
  updateOffice: (id, officeId, body) => http.put(`/departments/${id}/offices/${officeId}`, body),
  addLiaison: (id, body) => http.post(`/departments/${id}/liaisons`, body),
  removeLiaison: (id, liaisonId) => http.del(`/departments/${id}/liaisons/${liaisonId}`),
  addRoleHolder: (id, body) => http.post(`/departments/${id}/role-holders`, body),
  removeRoleHolder: (id, holderId) => http.del(`/departments/${id}/role-holders/${holderId}`)
}

// The region tree rarely changes and many widgets need it: share one request per signed-in user.
let treeCache = { userId: undefined, promise: null }

export function cachedRegionTree() {
  const userId = session.me?.id
  if (!treeCache.promise || treeCache.userId !== userId) {
    const promise = regionApi.tree().catch((e) => {
      if (treeCache.promise === promise) treeCache.promise = null
      throw e
    })
    treeCache = { userId, promise }
  }
  return treeCache.promise
}

export function invalidateRegionTree() {
  treeCache = { userId: undefined, promise: null }
}
