import { describe, expect, it } from 'vitest'
import { DEFAULT_PLAYLIST, parseTourOptions, readTourOptions } from '../../../client/tour/tour-options'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => { items.set(k, v) }, items }
}

describe('tour options', () => {
  it('tours kiosk walls by default, with the default playlist and times', () => {
    expect(parseTourOptions({}, true)).toEqual({ enabled: true, playlist: [...DEFAULT_PLAYLIST], stopSeconds: 25, idleSeconds: 60 })
    expect(DEFAULT_PLAYLIST).toEqual(['district', 'worstGrid', 'urgentCase', 'replay', 'party', 'ranking'])
    expect(parseTourOptions({}, false).enabled).toBe(false)
  })

  it('reads ?tour= as on, off or a playlist (unknown stops dropped)', () => {
    expect(parseTourOptions({ tour: '1' }, false)).toMatchObject({ enabled: true, playlist: [...DEFAULT_PLAYLIST] })
    expect(parseTourOptions({ tour: '0' }, true).enabled).toBe(false)
    expect(parseTourOptions({ tour: 'urgentCase, district,nope' }, false).playlist).toEqual(['urgentCase', 'district'])
  })

  it('ignores times that are not positive numbers', () => {
    expect(parseTourOptions({ tourSeconds: '3', tourIdle: '4.5' }, true)).toMatchObject({ stopSeconds: 3, idleSeconds: 4.5 })
    expect(parseTourOptions({ tourSeconds: '-1', tourIdle: 'abc' }, true)).toMatchObject({ stopSeconds: 25, idleSeconds: 60 })
  })

  it('remembers the URL\'s settings for a reload without the query string', () => {
    const storage = memoryStorage()
    expect(readTourOptions('?tour=district,urgentCase&tourSeconds=3', storage, false)).toMatchObject({ enabled: true, playlist: ['district', 'urgentCase'], stopSeconds: 3 })
    expect(readTourOptions('', storage, false)).toMatchObject({ enabled: true, playlist: ['district', 'urgentCase'], stopSeconds: 3 })
    expect(readTourOptions('?tour=0', storage, true).enabled).toBe(false)
    expect(readTourOptions('', storage, true)).toMatchObject({ enabled: false, stopSeconds: 3 })
  })

  it('survives a damaged stored entry', () => {
    expect(readTourOptions('', memoryStorage({ 'wall.tour': '{oops' }), true).enabled).toBe(true)
    expect(readTourOptions('', memoryStorage({ 'wall.tour': 'null' }), true).enabled).toBe(true)
  })
})
