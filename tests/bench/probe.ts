// The probe inspector: a dedicated device whose fix the bench sends at a known instant. The frame
// carries fix times to whole seconds only, so the probe's sequence number rides in its longitude.
export const PROBE_LNG0 = 119.0
const STEP = 1e-5

export const probeLng = (seq: number) => +(PROBE_LNG0 + seq * STEP).toFixed(6)
export const probeSeq = (lng: number) => Math.round((lng - PROBE_LNG0) / STEP)
