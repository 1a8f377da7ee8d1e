import { describe, expect, it } from 'vitest'
import { safeMediaLink } from '../../../client/drawers/case-media'

describe('safeMediaLink', () => {
  it('links http(s) photos and names their host', () => {
    expect(safeMediaLink('https://img.example.cn/a/b.jpg?x=1')).toEqual({ href: 'https://img.example.cn/a/b.jpg?x=1', host: 'img.example.cn' })
    expect(safeMediaLink('http://10.0.0.5:8080/p.png')?.host).toBe('10.0.0.5:8080')
  })

  it('refuses anything that could run or is not a URL', () => {
    expect(safeMediaLink('javascript:alert(1)')).toBeNull()
    expect(safeMediaLink(' JavaScript:alert(1)')).toBeNull()
    expect(safeMediaLink('data:text/html,<script>alert(1)</script>')).toBeNull()
    expect(safeMediaLink('/relative/photo.jpg')).toBeNull()
    expect(safeMediaLink('')).toBeNull()
    expect(safeMediaLink(null)).toBeNull()
  })
})
