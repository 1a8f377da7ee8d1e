// The next 'scope:updated' for an area, skipping any for an area the wall just left.
import type { Socket } from 'socket.io-client'
import type { ScopeDetail } from '../../../server/contract/detail'

export function nextScope(socket: Socket, code: string, timeoutMs = 5_000): Promise<ScopeDetail> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no 'scope:updated' for ${code} within ${timeoutMs} ms`)), timeoutMs)
    const listener = (detail: ScopeDetail) => {
      if (detail.code !== code) return
      clearTimeout(timer)
      socket.off('scope:updated', listener)
      resolve(detail)
    }
    socket.on('scope:updated', listener)
  })
}
