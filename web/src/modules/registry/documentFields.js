// Field access for the documents API (EntityDocuments.Document / Version on the server).
export const docVersion = (d) => d.current?.versionNo ?? null
export const docUpdatedAt = (d) => d.current?.uploadedAt ?? d.createdAt ?? null
export const docArchived = (d) => !!d.archivedAt
export const versionNo = (v) => v.versionNo
export const versionFile = (v) => v.fileName ?? ''
export const versionSize = (v) => v.sizeBytes ?? null
export const versionAt = (v) => v.uploadedAt ?? null
export const versionBy = (v) => v.uploadedByName ?? ''

export function fileSize(bytes) {
  if (bytes === null || bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
