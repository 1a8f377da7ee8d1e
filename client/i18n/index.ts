// zh-CN first, English available: `?lang=en` in the URL switches (and is remembered on this screen).
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'

export type Locale = 'zh-CN' | 'en'

export function pickLocale(search: string, stored: string | null): Locale {
  const asked = new URLSearchParams(search).get('lang') ?? stored
  return asked === 'en' ? 'en' : 'zh-CN'
}

export function createWallI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  })
}
