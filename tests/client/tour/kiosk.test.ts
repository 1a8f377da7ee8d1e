import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { CURSOR_IDLE_MS, installKiosk, kioskEnabled } from '../../../client/composables/useKiosk'

function memoryStorage() {
  const items = new Map<string, string>()
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => { items.set(k, v) }, removeItem: (k: string) => { items.delete(k) } }
}

/** Just enough of a document for the installer: a root with classes and a head. */
function fakeDocument() {
  const classes = new Set<string>()
  const styles: { textContent: string, removed: boolean, remove(): void }[] = []
  const doc = {
    documentElement: { classList: { add: (...c: string[]) => c.forEach((x) => classes.add(x)), remove: (...c: string[]) => c.forEach((x) => classes.delete(x)) } },
    head: { appendChild: (s: (typeof styles)[number]) => styles.push(s) },
    createElement: () => ({ textContent: '', removed: false, remove() { this.removed = true } }),
  }
  return { doc: doc as unknown as Document, classes, styles }
}

describe('kiosk mode', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('is switched on by ?kiosk=1, remembered, and off by ?kiosk=0', () => {
    const storage = memoryStorage()
    expect(kioskEnabled('', storage)).toBe(false)
    expect(kioskEnabled('?kiosk=1', storage)).toBe(true)
    expect(kioskEnabled('?lang=en', storage)).toBe(true)
    expect(kioskEnabled('?kiosk=0', storage)).toBe(false)
    expect(kioskEnabled('', storage)).toBe(false)
  })

  it('hides the cursor after 3 s still, shows it on movement, blocks the menu, and cleans up', () => {
    const win = new EventTarget()
    const { doc, classes, styles } = fakeDocument()
    const hidden = ref(false)
    const uninstall = installKiosk({ win: win as unknown as Window, doc }, hidden)
    expect(classes.has('wall-kiosk')).toBe(true)
    vi.advanceTimersByTime(CURSOR_IDLE_MS)
    expect(hidden.value).toBe(true)
    expect(classes.has('wall-kiosk-cursor-hidden')).toBe(true)
    win.dispatchEvent(new Event('pointermove'))
    expect(hidden.value).toBe(false)
    vi.advanceTimersByTime(CURSOR_IDLE_MS - 1)
    expect(hidden.value).toBe(false)
    const menu = new Event('contextmenu', { cancelable: true })
    win.dispatchEvent(menu)
    expect(menu.defaultPrevented).toBe(true)

    uninstall()
    expect(vi.getTimerCount()).toBe(0)
    expect(classes.size).toBe(0)
    expect(styles[0].removed).toBe(true)
    const later = new Event('contextmenu', { cancelable: true })
    win.dispatchEvent(later)
    expect(later.defaultPrevented).toBe(false)
  })
})
