// The registry list's filters (EntitySearchForm's model) as an EntitySearch: typed values, empty ones dropped.
import { FLAG_FILTERS } from '../registry/labels'

const TEXT_KEYS = ['keyword', 'socialFunction', 'industry', 'supervisionType', 'supervisionLevel', 'status', 'licenceState']
const FLAG_KEYS = FLAG_FILTERS.map((f) => f.key)

export function emptyEntityFilters() {
  return Object.fromEntries([...TEXT_KEYS, ...FLAG_KEYS].map((k) => [k, '']).concat([['regionId', null]]))
}

/** asQuery: strings for a URL (the registry list's query), else JSON values (booleans, numbers). */
export function entitySearchOf(filters, asQuery = false) {
  const search = {}
  for (const k of TEXT_KEYS) if (filters[k]) search[k] = filters[k]
  for (const k of FLAG_KEYS) if (filters[k] === 'true' || filters[k] === 'false') search[k] = asQuery ? filters[k] : filters[k] === 'true'
  if (filters.regionId) search.regionId = asQuery ? String(filters.regionId) : Number(filters.regionId)
  return search
}
