// Kiosk mode for a wall that runs unattended for weeks: `?kiosk=1` (remembered on this screen like
// the wall token; `?kiosk=0` forgets it) hides the idle cursor, the context menu, text selection
// and scrollbars. Every listener and timer is removed again when the owner unmounts.
import { onScopeDispose, ref, type Ref } from 'vue'

const KEY = 'wall.kiosk'
export const CURSOR_IDLE_MS = 3000
const ROOT_CLASS = 'wall-kiosk'
const HIDDEN_CLASS = 'wall-kiosk-cursor-hidden'

// Global on purpose: the map canvas, MapLibre's own cursors and every panel must obey. `!important`
// beats the inline `cursor: pointer` MapLibre sets on hover.
const KIOSK_CSS = `
html.${ROOT_CLASS}, html.${ROOT_CLASS} body { overflow: hidden; }
html.${ROOT_CLASS} * { user-select: none; -webkit-user-select: none; -webkit-touch-callout: none; scrollbar-width: none; }
html.${ROOT_CLASS} *::-webkit-scrollbar { display: none; }
html.${ROOT_CLASS}.${HIDDEN_CLASS}, html.${ROOT_CLASS}.${HIDDEN_CLASS} * { cursor: none !important; }
`

/** Is this screen a kiosk? Reads `?kiosk=` and remembers it. */
export function kioskEnabled(search: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): boolean {
  const asked = new URLSearchParams(search).get('kiosk')
  if (asked === '1') storage.setItem(KEY, '1')
  if (asked === '0') storage.removeItem(KEY)
  return storage.getItem(KEY) === '1'
}

export interface KioskTargets {
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>
  doc: Pick<Document, 'documentElement' | 'createElement' | 'head'>
}

/** Installs kiosk behaviour on a window; returns the cursor state and the uninstaller. */
export function installKiosk({ win, doc }: KioskTargets, cursorHidden: Ref<boolean>): () => void {
  const root = doc.documentElement
  const style = doc.createElement('style')
  style.textContent = KIOSK_CSS
  doc.head.appendChild(style)
  root.classList.add(ROOT_CLASS)
  let timer: ReturnType<typeof setTimeout> | undefined
  const hideLater = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      cursorHidden.value = true
      root.classList.add(HIDDEN_CLASS)
    }, CURSOR_IDLE_MS)
  }
  const onMove = () => {
    if (cursorHidden.value) {
      cursorHidden.value = false
      root.classList.remove(HIDDEN_CLASS)
    }
    hideLater()
  }
  const noMenu = (e: Event) => e.preventDefault()
  const opts = { capture: true, passive: true }
  win.addEventListener('pointermove', onMove, opts)
  win.addEventListener('pointerdown', onMove, opts)
  win.addEventListener('contextmenu', noMenu, { capture: true })
  // Text can still be selected by a drag starting outside CSS's reach (e.g. a long press).
  win.addEventListener('selectstart', noMenu, { capture: true })
  hideLater()
  return () => {
    clearTimeout(timer)
    win.removeEventListener('pointermove', onMove, opts)
    win.removeEventListener('pointerdown', onMove, opts)
    win.removeEventListener('contextmenu', noMenu, { capture: true })
    win.removeEventListener('selectstart', noMenu, { capture: true })
    root.classList.remove(ROOT_CLASS, HIDDEN_CLASS)
    style.remove()
    cursorHidden.value = false
  }
}

/** Call once from a long-lived component (App.vue). Does nothing unless this screen is a kiosk. */
export function useKiosk(enabled = kioskEnabled(location.search, localStorage)): { enabled: boolean, cursorHidden: Ref<boolean> } {
  const cursorHidden = ref(false)
  if (enabled) onScopeDispose(installKiosk({ win: window, doc: document }, cursorHidden))
  return { enabled, cursorHidden }
}
