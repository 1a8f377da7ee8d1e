// The case catalogue as GeoReport services: one service per 小类, grouped by 部件/事件 大类, each with
// the few attributes a citizen can sensibly add (how urgent, a landmark).
import type { CaseCategory, WorkingLimit } from '../../contract/domain'
import { CASE_CATEGORIES } from '../../domain/categories'

export const KIND_NAMES = { component: '部件', event: '事件' } as const

export function limitText(limit: WorkingLimit): string {
  return `${limit.amount} ${limit.unit === 'workDay' ? '工作日' : '工作时'}`
}

/** What a citizen is told about a service's handling time (counted from 派遣, in working time). */
export function serviceNotice(category: CaseCategory): string {
  return `处置时限 ${limitText(category.handleLimit)}（自派遣起，按工作时间计）`
}

export function toService(category: CaseCategory) {
  const kind = KIND_NAMES[category.kind]
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${kind} · ${category.major} · 处置时限 ${limitText(category.handleLimit)}`,
    metadata: true,
    type: 'realtime',
    keywords: [kind, category.major, category.name].join(','),
    group: `${kind} · ${category.major}`,
  }
}

export function serviceList() {
  return CASE_CATEGORIES.map(toService)
}

export interface ServiceAttribute {
  variable: true
  code: string
  datatype: 'string' | 'singlevaluelist'
  required: false
  datatype_description: string | null
  order: number
  description: string
  values?: { key: string; name: string }[]
}

/** The same attributes for every service: the case book has no per-category fields to fill. */
export const SERVICE_ATTRIBUTES: readonly ServiceAttribute[] = [
  {
    variable: true, code: 'severity', datatype: 'singlevaluelist', required: false, order: 1,
    datatype_description: null, description: '紧急程度',
    values: [{ key: '一般', name: '一般' }, { key: '紧急', name: '紧急' }],
  },
  {
    variable: true, code: 'landmark', datatype: 'string', required: false, order: 2,
    datatype_description: '最多 100 字', description: '附近标志物（门牌、店名、公交站等）',
  },
]

export function serviceDefinition(category: CaseCategory) {
  return { service_code: category.code, attributes: SERVICE_ATTRIBUTES }
}
