import { reactive } from 'vue'
import { ElMessage } from 'element-plus'

/** Shows an API error unless the HTTP wrapper already dealt with it (401 redirect, 403 toast). */
export function showError(error) {
  if (error?.handled) return
  ElMessage.error(error?.message || '操作失败')
}

/**
 * Field-level messages from a 400's `details`, bound as `:error="fieldErrors.name"` on el-form-item.
 * `report(e)` fills them and shows the overall message; returns nothing.
 */
export function useFieldErrors() {
  const fieldErrors = reactive({})
  function clear() {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key]
  }
  function report(error) {
    clear()
    for (const d of error?.details || []) {
      if (d.field) fieldErrors[d.field] = d.message
    }
    showError(error)
  }
  return { fieldErrors, clearFieldErrors: clear, reportError: report }
}
