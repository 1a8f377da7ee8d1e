// New reports: inspectors on duty report what they find where they stand; the hotline, video
// patrols and citizens' photos add reports anywhere in the district.
import type { CaseCategory, CaseSource } from '../contract/domain'
import { CASE_CATEGORIES, DEVICE_CATEGORY_CODES } from '../domain/categories'
import { pick, pickWeighted, type Rng } from './random'
import { DESCRIPTIONS, MAJOR_WEIGHTS, OTHER_SOURCES } from './sim-rates'

/** What people report: not the subclasses only devices' alarm rules file. */
const REPORTED_CATEGORIES = CASE_CATEGORIES.filter((c) => !DEVICE_CATEGORY_CODES.has(c.code))
const subclassCount = new Map<string, number>()
for (const c of REPORTED_CATEGORIES) subclassCount.set(`${c.kind}/${c.major}`, (subclassCount.get(`${c.kind}/${c.major}`) ?? 0) + 1)

export function pickCategory(rng: Rng): CaseCategory {
  // A major class by its weight, then a subclass evenly within it.
  return pickWeighted(rng, REPORTED_CATEGORIES, (c) => (MAJOR_WEIGHTS[`${c.kind}/${c.major}`] ?? 1) / subclassCount.get(`${c.kind}/${c.major}`)!)
}

export function pickOtherSource(rng: Rng): CaseSource {
  return pickWeighted(rng, OTHER_SOURCES, (s) => s.share).source
}

/** Reports from other sources per inspector report. */
export const OTHER_SOURCE_RATIO = (() => {
  const share = OTHER_SOURCES.reduce((s, o) => s + o.share, 0)
  return share / (1 - share)
})()

export function describe(category: CaseCategory, rng: Rng): string {
  const texts = DESCRIPTIONS[category.name]
  return texts ? pick(rng, texts) : `发现${category.name}问题，需处置`
}
