import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CommunityBoard, DeviceAlarm } from '../../../server/contract/devices'
import { useCommunityStore } from '../../../client/stores/community'

const alarm = (deviceId: string, raisedAt: number, clearedAt: number | null = null): DeviceAlarm =>
  ({ deviceId, rule: 'smoke', raisedAt, clearedAt, caseId: `case-${deviceId}-${raisedAt}`, text: '烟感报警' })
const board = (communityCode: string, alarms: DeviceAlarm[] = []): CommunityBoard => ({
  communityCode, day: '2026-11-25', at: 1,
  people: { in: 1, out: 2, hourlyIn: [], hourlyOut: [], gates: [] }, vehicles: { in: 0, out: 0, hourlyIn: [], hourlyOut: [] },
  trampling: { today: 0, hourly: [] }, water: { todayLitres: 0, meters: [] }, alarms, devices: {}, cameras: [],
})

describe('the community store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the board of the community on screen, and keeps a board that came before the screen opened', () => {
    const store = useCommunityStore()
    store.setBoard(board('350111001001'))
    store.show('350111001001')
    expect(store.board?.communityCode).toBe('350111001001')
    expect(store.boardAt).not.toBeNull()
    store.setBoard(board('350111001002'))
    expect(store.board).toBeNull()
  })

  it('lays alarms heard over the board, only those of its devices, a clearing replacing its raise', () => {
    const store = useCommunityStore()
    store.show('350111001001')
    store.setBoard(board('350111001001', [alarm('smoke-1', 100)]))
    const mine = (id: string) => id.endsWith('-1')
    store.applyAlarms([alarm('smoke-2', 300), alarm('manhole-1', 200)], mine)
    expect(store.alarms.map((a) => a.deviceId)).toEqual(['manhole-1', 'smoke-1'])
    store.applyAlarms([alarm('smoke-1', 100, 400)], mine)
    expect(store.alarms.find((a) => a.deviceId === 'smoke-1')?.clearedAt).toBe(400)
    expect(store.alarms).toHaveLength(2)
    // A new board has every alarm of today: it replaces what was heard.
    store.setBoard(board('350111001001', [alarm('smoke-1', 100, 400)]))
    expect(store.alarms.map((a) => a.deviceId)).toEqual(['smoke-1'])
  })
})
