import { http, refreshCsrf } from '../../api/http'

export const authApi = {
  csrf: () => refreshCsrf(),
  // 401 here means "not logged in" (or wrong password), never "session expired"
  me: () => http.get('/auth/me', null, { noAuthRedirect: true }),
  login: (username, password) => http.post('/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post('/auth/logout', undefined, { noAuthRedirect: true, quiet: true }),
  logoutAll: () => http.post('/auth/logout-all', undefined, { noAuthRedirect: true, quiet: true }),
  // a wrong old password may come back as 401 too: show it, don't log out
  changePassword: (oldPassword, newPassword) =>
    http.post('/auth/password', { oldPassword, newPassword }, { noAuthRedirect: true })
}

export const userApi = {
  list: (query) => http.get('/users', query),
  create: (body) => http.post('/users', body),
  update: (id, body) => http.put(`/users/${id}`, body),
  resetPassword: (id, newPassword) => http.post(`/users/${id}/reset-password`, { newPassword }),
  unlock: (id) => http.post(`/users/${id}/unlock`)
}

export const roleApi = {
  list: () => http.get('/roles')
}

export const tokenApi = {
  list: () => http.get('/tokens'),
  create: (body) => http.post('/tokens', body),
  revoke: (id) => http.del(`/tokens/${id}`)
}
