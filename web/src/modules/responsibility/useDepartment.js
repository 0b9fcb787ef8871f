// A department's offices and staff (GET /api/departments/{id}), reloaded when the id changes.
import { ref, watch, toValue } from 'vue'
import { lookupApi } from './api'

const isInspector = (s) => (s.roles || []).some((r) => r.code === 'DEPARTMENT_INSPECTOR')

export function useDepartment(departmentId) {
  const offices = ref([])
  const staff = ref([])
  const loading = ref(false)

  watch(
    () => toValue(departmentId),
    async (id) => {
      offices.value = []
      staff.value = []
      if (!id) return
      loading.value = true
      try {
        const d = await lookupApi.department(id)
        offices.value = d?.offices || []
        // inspectors first: they are the ones usually named
        staff.value = [...(d?.staff || [])].sort((a, b) => isInspector(b) - isInspector(a))
      } catch {
        // the select stays empty; the server says why on save
      } finally {
        loading.value = false
      }
    },
    { immediate: true }
  )

  /** The office of the first of these people, as an id (to prefill the office). */
  function officeOf(userIds) {
    for (const id of userIds || []) {
      const name = staff.value.find((s) => s.id === id)?.officeName
      const office = name && offices.value.find((o) => o.name === name)
      if (office) return office.id
    }
    return null
  }

  return { offices, staff, loading, officeOf }
}
