// zh-CN first, English available. A screen's `?lang=` wins (and is remembered on that screen); else
// the centre's configured language (WALL_LANG, served as the page's <html lang>); else zh-CN.
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'

export type Locale = 'zh-CN' | 'en'

const asLocale = (value: string | null | undefined): Locale | null => (value === 'en' || value === 'zh-CN' ? value : null)

/** The language to show, and whether the URL asked for it (only then is it remembered). */
export function pickLocale(search: string, stored: string | null, configured: string | null | undefined): { locale: Locale; asked: boolean } {
  const asked = asLocale(new URLSearchParams(search).get('lang'))
  if (asked) return { locale: asked, asked: true }
  return { locale: asLocale(stored) ?? asLocale(configured) ?? 'zh-CN', asked: false }
}

export function createWallI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  })
}
