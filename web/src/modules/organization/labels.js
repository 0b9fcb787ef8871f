// Display labels for the organisation module's fixed codes (editable kinds come from dictionaries).
export const LEVEL_LABELS = {
  CITY: '市级',
  DISTRICT: '区县级',
  STREET: '街道（镇）级',
  GRID: '网格'
}

// The kind a new child region most likely has, by the parent's level.
export const DEFAULT_CHILD_KIND = {
  CITY: 'DISTRICT',
  DISTRICT: 'STREET',
  STREET: 'GRID'
}

export const ROLE_HOLDER_OPTIONS = [
  { value: 'FIRST_RESPONSIBLE', label: '安全生产第一责任人' },
  { value: 'IN_CHARGE', label: '分管责任人' },
  { value: 'OTHER_IN_CHARGE', label: '其他分管责任人' }
]

export const MAX_LIAISONS = 2
