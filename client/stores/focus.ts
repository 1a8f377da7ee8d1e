// Which area the wall is focused on, and that area's figures as the server sends them to its room.
// The socket tells the server on every change and again after each reconnect.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ScopeDetail } from '../../server/contract/detail'

export const useFocusStore = defineStore('focus', () => {
  /** An area code, or null for the whole district. */
  const code = ref<string | null>(null)
  const detail = shallowRef<ScopeDetail | null>(null)
  const receivedAt = ref<number | null>(null)
  let send: (code: string | null) => void = () => {}

  function bindSender(sender: (code: string | null) => void): void {
    send = sender
  }

  function focusOn(next: string | null): void {
    if (next === code.value) return
    code.value = next
    detail.value = null
    send(next)
  }

  /** After a reconnect the server has forgotten this wall's room. */
  function resend(): void {
    if (code.value != null) send(code.value)
  }

  function setDetail(next: ScopeDetail): void {
    if (next.code !== code.value) return
    detail.value = next
    receivedAt.value = Date.now()
  }

  return { code, detail, receivedAt, bindSender, focusOn, resend, setDetail }
})
