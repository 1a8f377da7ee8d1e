// The probe inspector: a dedicated device whose fix the bench sends at a known instant. The frame
// carries fix times to whole seconds only, so the probe's sequence number rides in its longitude.
export const PROBE_LNG0 = 119.0
const STEP = 1e-5

export const probeLng = (seq: number) => +(PROBE_LNG0 + seq * STEP).toFixed(6)
export const probeSeq = (lng: number) => Math.round((lng - PROBE_LNG0) / STEP)

/**
 * Probe fix → decoded latencies: for each probe the clients decoded ([seq, decoded-at of each
 * client]), each client's time less when that probe was sent; `delivered` counts the decodings.
 */
export function probeLatencies(decoded: readonly [number, number[]][], sentAt: ReadonlyMap<number, number>) {
  const ms: number[] = []
  let delivered = 0
  for (const [seq, times] of decoded) {
    const sent = sentAt.get(seq)
    if (sent == null) continue
    delivered += times.length
    for (const t of times) ms.push(t - sent)
  }
  return { ms, delivered }
}
