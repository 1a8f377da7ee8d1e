// Where an address-only report probably is: the most specific area the address names.
import { describe, expect, it } from 'vitest'
import { AreaTree, type AreaFeature } from '../../../server/domain/area-tree'
import { suggestArea, suggestPlace } from '../../../server/domain/address-match'

const square = (x: number): AreaFeature['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] })
const area = (code: string, name: string, level: AreaFeature['properties']['level'], parentCode: string | null): AreaFeature =>
  ({ type: 'Feature', properties: { code, name, level, parentCode }, geometry: square(0) })

const tree = new AreaTree([
  area('350111', '晋安区', 'district', null),
  area('350111100', '鼓山镇', 'street', '350111'),
  area('350111100001', '茶会社区', 'community', '350111100'),
  area('350111100001001', '茶会社区第1网格', 'grid', '350111100001'),
  area('350111100002', '东门社区', 'community', '350111100'),
])

describe('suggestArea', () => {
  it.each([
    ['鼓山镇茶会社区5号楼东侧', '350111100001'],
    ['茶会社区第1网格垃圾站', '350111100001001'],
    ['茶会小区门口（茶会）', '350111100001'],   // the community said without 社区
    ['鼓山路口', '350111100'],                 // the street said without 镇
    ['福州火车站', null],
    ['', null],
  ])('%s → %s', (address, code) => {
    expect(suggestArea(tree, address)?.code ?? null).toBe(code)
  })
})

describe('suggestPlace', () => {
  const landmarks = [{ name: '前屿站', point: [0.5, 0.5] as [number, number] }, { name: '远方站', point: [9, 9] as [number, number] }]

  it('prefers a landmark the address names, with its point and the grid it lies in', () => {
    expect(suggestPlace(tree, '茶会社区前屿站B口', landmarks)).toMatchObject({ area: { code: '350111100001001' }, landmark: { name: '前屿站' } })
  })

  it('falls back to the area names when the landmark lies in no grid, or none is named', () => {
    expect(suggestPlace(tree, '东门社区远方站', landmarks)).toMatchObject({ area: { code: '350111100002' }, landmark: null })
    expect(suggestPlace(tree, '不知道在哪', landmarks)).toBeNull()
  })
})
