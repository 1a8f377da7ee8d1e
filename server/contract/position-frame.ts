// The packed binary frame of inspector positions, sent to every wall within ~POSITION_FLUSH_MS of the fixes it carries.
// JSON objects for 20,000 positions are ~1.5 MB and take ~600 ms to fan out to 50 clients; this
// layout is 20 bytes a position and is decoded without parsing (TECH-NOTES §2). Pure code, no Node
// or DOM APIs, so both ends import it.
import type { InspectorStatus } from './domain'

export interface PositionRecord {
  id: number
  lng: number
  lat: number
  /** Degrees clockwise from north, or null. */
  heading: number | null
  /** Epoch ms of the fix, to whole seconds. */
  fixAt: number
  status: InspectorStatus
}

export interface PositionFrame {
  serverTime: number
  records: PositionRecord[]
}

const HEADER_BYTES = 8
export const POSITION_RECORD_BYTES = 20
const NO_HEADING = 0xffff
const STATUS_CODES: readonly InspectorStatus[] = ['online', 'stale', 'offline']

// Layout (little-endian): header f64 serverTime; per record: u32 id, i32 lng·1e6, i32 lat·1e6,
// u32 fix epoch seconds, u16 heading (0xffff = none), u8 status, u8 reserved.
export function encodePositionFrame(frame: PositionFrame): ArrayBuffer {
  const buffer = new ArrayBuffer(HEADER_BYTES + frame.records.length * POSITION_RECORD_BYTES)
  const view = new DataView(buffer)
  view.setFloat64(0, frame.serverTime, true)
  let offset = HEADER_BYTES
  for (const r of frame.records) {
    view.setUint32(offset, r.id, true)
    view.setInt32(offset + 4, Math.round(r.lng * 1e6), true)
    view.setInt32(offset + 8, Math.round(r.lat * 1e6), true)
    view.setUint32(offset + 12, Math.floor(r.fixAt / 1000), true)
    view.setUint16(offset + 16, r.heading == null ? NO_HEADING : Math.round(((r.heading % 360) + 360) % 360), true)
    view.setUint8(offset + 18, STATUS_CODES.indexOf(r.status))
    offset += POSITION_RECORD_BYTES
  }
  return buffer
}

/** Accepts what socket.io hands over: an ArrayBuffer in browsers, a Buffer in Node. */
export function decodePositionFrame(data: ArrayBuffer | ArrayBufferView): PositionFrame {
  const view = ArrayBuffer.isView(data)
    ? new DataView(data.buffer, data.byteOffset, data.byteLength)
    : new DataView(data)
  if (view.byteLength < HEADER_BYTES || (view.byteLength - HEADER_BYTES) % POSITION_RECORD_BYTES !== 0) {
    throw new Error(`position frame: ${view.byteLength} bytes is not a header plus whole records`)
  }
  const records: PositionRecord[] = []
  for (let offset = HEADER_BYTES; offset < view.byteLength; offset += POSITION_RECORD_BYTES) {
    const heading = view.getUint16(offset + 16, true)
    records.push({
      id: view.getUint32(offset, true),
      lng: view.getInt32(offset + 4, true) / 1e6,
      lat: view.getInt32(offset + 8, true) / 1e6,
      fixAt: view.getUint32(offset + 12, true) * 1000,
      heading: heading === NO_HEADING ? null : heading,
      status: STATUS_CODES[view.getUint8(offset + 18)] ?? 'offline',
    })
  }
  return { serverTime: view.getFloat64(0, true), records }
}
