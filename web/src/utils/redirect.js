/** Only in-app paths are accepted as ?redirect= targets (no open redirect, no loop back to /login). */
export function safeRedirect(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/'
}
