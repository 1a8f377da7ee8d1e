// The wall token for Socket.IO connections: `io({ auth: { token } })` on the client.
import type { Socket } from 'socket.io'
import type { AccessConfig } from './access'

export function socketWallToken(access: AccessConfig) {
  return (socket: Socket, next: (error?: Error) => void) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token ?? socket.handshake.query.token
    if (access.wallToken == null || token === access.wallToken) return next()
    next(new Error('wall token required'))
  }
}
