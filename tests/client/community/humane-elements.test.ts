import { describe, expect, it } from 'vitest'
import type { CommunityBoard } from '../../../server/contract/devices'
import { buildHumaneElements, type HumaneSources } from '../../../client/community/humane-elements'
import { polygonAreaKm2 } from '../../../client/community/polygon-area'
import { shortDeviceName } from '../../../client/community/device-names'

const none: HumaneSources = { profile: null, gridCount: null, areaKm2: null, board: null, stats: null, openComponentCases: null, openDisputes: null, hotline: null, party: null }
const value = (sources: HumaneSources, key: string, label: string) =>
  buildHumaneElements(sources).find((e) => e.key === key)!.figures.find((f) => f.label === label)!.value

describe('人、地、物、情、事、组织', () => {
  it('has six elements in that order, each with a source, and a dash (null) for every figure not arrived', () => {
    const elements = buildHumaneElements(none)
    expect(elements.map((e) => e.key)).toEqual(['people', 'land', 'things', 'feelings', 'affairs', 'organisations'])
    expect(elements.flatMap((e) => e.figures.map((f) => f.value)).every((v) => v === null)).toBe(true)
  })

  it('counts the board\'s devices over every kind and status', () => {
    const board = { devices: { gate: { online: 2, stale: 0, offline: 1 }, camera: { online: 1, stale: 1, offline: 0 } }, cameras: [{}, {}] } as unknown as CommunityBoard
    expect(value({ ...none, board }, 'things', 'devices')).toBe(5)
    expect(value({ ...none, board }, 'things', 'cameras')).toBe(2)
  })

  it('sums the party organisations of every level', () => {
    const party = { orgs: { streetWorkCommittee: 0, communityCommittee: 1, gridGeneralBranch: 5, estateBranch: 8, buildingGroup: 20 }, members: { total: 137 }, gridsWithBranch: { numerator: 5, denominator: 5 } }
    expect(value({ ...none, party: party as unknown as HumaneSources['party'] }, 'organisations', 'orgs')).toBe(34)
  })

  it('measures an area in km² (a 0.01° square at 26° N is about 1.11 × 1.0 km)', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[119.36, 26.07], [119.37, 26.07], [119.37, 26.08], [119.36, 26.08], [119.36, 26.07]]] }
    expect(polygonAreaKm2(square)).toBeCloseTo(1.1119 * 0.99926, 2)
  })

  it('drops the community\'s name from its devices\' names, never the whole name', () => {
    expect(shortDeviceName('桂香社区东门人行闸机', '桂香社区')).toBe('东门人行闸机')
    expect(shortDeviceName('桂香社区', '桂香社区')).toBe('桂香社区')
    expect(shortDeviceName('东门人行闸机', null)).toBe('东门人行闸机')
  })
})
