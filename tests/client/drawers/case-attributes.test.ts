import { describe, expect, it } from 'vitest'
import { attributeLines } from '../../../client/drawers/case-attributes'
import { safeMediaLinks } from '../../../client/drawers/case-media'

const names: Record<string, string> = { severity: '紧急程度', landmark: '附近标志物' }
const nameOf = (code: string) => names[code] ?? null

describe('attributeLines', () => {
  it('names the attributes the service defines, shows the code of the others, and lists a multivaluelist', () => {
    // FixMyStreet's codes as it sends them (perllib/Open311.pm:208-222): uprn, and a repeated multi.
    expect(attributeLines({ severity: '紧急', uprn: '100023336956', multi: ['a', 'b'] }, nameOf, '、')).toEqual([
      { code: 'severity', name: '紧急程度', value: '紧急' },
      { code: 'uprn', name: 'uprn', value: '100023336956' },
      { code: 'multi', name: 'multi', value: 'a、b' },
    ])
  })

  it('has no lines for no attributes', () => {
    expect(attributeLines(null, nameOf, '、')).toEqual([])
    expect(attributeLines({}, nameOf, '、')).toEqual([])
  })
})

describe('safeMediaLinks', () => {
  it('links every http(s) photo in order and drops the rest', () => {
    expect(safeMediaLinks(['https://a.example/1.jpg', 'javascript:alert(1)', 'http://b.example/2.jpg'])).toEqual([
      { href: 'https://a.example/1.jpg', host: 'a.example' },
      { href: 'http://b.example/2.jpg', host: 'b.example' },
    ])
  })
})
