import { describe, expect, it } from 'vitest'
import { decodePositionFrame, encodePositionFrame, POSITION_RECORD_BYTES } from '../../../server/contract/position-frame'

describe('position frame', () => {
  const frame = {
    serverTime: 1_796_000_000_123,
    records: [
      { id: 1, lng: 119.351234, lat: 26.071234, heading: 271, fixAt: 1_796_000_000_000, status: 'online' as const },
      { id: 20_000, lng: -0.5, lat: -33.25, heading: null, fixAt: 1_795_999_000_000, status: 'offline' as const },
    ],
  }

  it('round-trips positions to 1e-6 degrees', () => {
    expect(decodePositionFrame(encodePositionFrame(frame))).toEqual(frame)
  })

  it('is 20 bytes a position', () => {
    expect(encodePositionFrame(frame).byteLength).toBe(8 + 2 * POSITION_RECORD_BYTES)
  })

  it('decodes a Node Buffer view the way socket.io delivers it', () => {
    const bytes = Buffer.concat([Buffer.alloc(3), Buffer.from(encodePositionFrame(frame))]).subarray(3)
    expect(decodePositionFrame(bytes).records[0].id).toBe(1)
  })

  it('rejects a truncated frame', () => {
    expect(() => decodePositionFrame(encodePositionFrame(frame).slice(0, 20))).toThrow('not a header plus whole records')
  })
})
