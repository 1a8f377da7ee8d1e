import { describe, expect, it } from 'vitest'
import { boardOfPath, boardOfRoute, boardPath, redirectForBoard } from '../../../client/boards/board-routes'

describe('board routes', () => {
  it('opens each board at the district or an area', () => {
    expect(boardPath('overview', null)).toBe('/')
    expect(boardPath('overview', '350111100012')).toBe('/area/350111100012')
    expect(boardPath('party', null)).toBe('/board/party')
    expect(boardPath('party', '350111100012003')).toBe('/board/party/350111100012003')
    expect(boardPath('ranking', '350111100')).toBe('/board/ranking/350111100')
  })

  it('names the board a route shows, and none for a case or an inspector', () => {
    expect(boardOfRoute('partyBoard')).toBe('party')
    expect(boardOfRoute('rankingBoard')).toBe('ranking')
    expect(boardOfRoute('district')).toBe('overview')
    expect(boardOfRoute('area')).toBe('overview')
    expect(boardOfRoute('case')).toBeNull()
    expect(boardOfRoute('inspector')).toBeNull()
    expect(boardOfRoute(undefined)).toBeNull()
  })

  it('keeps a board up while the map or the breadcrumb drills to an area or back to the district', () => {
    expect(redirectForBoard('party', 'area', '350111100012003')).toBe('/board/party/350111100012003')
    expect(redirectForBoard('ranking', 'district', undefined)).toBe('/board/ranking')
    // The overview, and the drawers' routes, are left alone.
    expect(redirectForBoard('overview', 'area', '350111100012003')).toBeNull()
    expect(redirectForBoard('party', 'case', undefined)).toBeNull()
    expect(redirectForBoard('ranking', 'inspector', undefined)).toBeNull()
  })

  it('tells the tour which board a stop opens', () => {
    expect(boardOfPath('/board/party')).toBe('party')
    expect(boardOfPath('/board/ranking/350111100')).toBe('ranking')
    expect(boardOfPath('/')).toBe('overview')
    expect(boardOfPath('/case/C1')).toBe('overview')
  })
})
