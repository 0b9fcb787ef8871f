import { ref, onMounted, onBeforeUnmount } from 'vue'

/** True while the window is phone-sized (≤ 768 px, the breakpoint of styles.css): pages switch tables to cards. */
export function useNarrow(query = '(max-width: 768px)') {
  const media = window.matchMedia(query)
  const narrow = ref(media.matches)
  const update = () => (narrow.value = media.matches)
  onMounted(() => media.addEventListener('change', update))
  onBeforeUnmount(() => media.removeEventListener('change', update))
  return narrow
}
