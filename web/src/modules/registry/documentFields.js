// The documents service is built in parallel: read its JSON defensively (the names below are the likely ones).
export const docVersion = (d) => d.currentVersion ?? d.latestVersion ?? d.versionNo ?? d.version ?? null
export const docUpdatedAt = (d) => d.updatedAt ?? d.uploadedAt ?? d.createdAt ?? null
export const docArchived = (d) => !!(d.archived || d.archivedAt || d.status === 'ARCHIVED')
export const versionNo = (v) => v.versionNo ?? v.version ?? v.no
export const versionFile = (v) => v.fileName ?? v.filename ?? v.originalName ?? v.name ?? ''
export const versionSize = (v) => v.size ?? v.sizeBytes ?? v.contentLength ?? null
export const versionAt = (v) => v.uploadedAt ?? v.createdAt ?? v.at ?? null
export const versionBy = (v) => v.uploadedByName ?? v.uploadedBy ?? v.uploaderName ?? v.actorName ?? ''

export function fileSize(bytes) {
  if (bytes === null || bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
