import { describe, expect, it } from 'vitest'
import { pickLocale } from '../../../client/i18n'

describe('the wall language', () => {
  it('is zh-CN unless something asks otherwise', () => {
    expect(pickLocale('', null, 'zh-CN')).toEqual({ locale: 'zh-CN', asked: false })
    expect(pickLocale('', null, undefined)).toEqual({ locale: 'zh-CN', asked: false })
  })

  it("follows the centre's configured language", () => {
    expect(pickLocale('', null, 'en')).toEqual({ locale: 'en', asked: false })
  })

  it("lets a screen's URL override it, and remembers that choice over the configured one", () => {
    expect(pickLocale('?lang=en', null, 'zh-CN')).toEqual({ locale: 'en', asked: true })
    expect(pickLocale('?lang=zh-CN', 'en', 'en')).toEqual({ locale: 'zh-CN', asked: true })
    expect(pickLocale('', 'en', 'zh-CN')).toEqual({ locale: 'en', asked: false })
  })

  it('ignores languages it does not have', () => {
    expect(pickLocale('?lang=fr', 'de', 'en')).toEqual({ locale: 'en', asked: false })
  })
})
