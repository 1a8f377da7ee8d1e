// A fix as a device reports it, before it is matched to an inspector.
export interface DeviceFix {
  deviceId: string
  lng: number
  lat: number
  at: number
  heading: number | null
  /** m/s */
  speed: number | null
  accuracy: number | null
  /** 0–1 */
  battery: number | null
  attributes: Record<string, string | number | boolean>
  /** The device's coordinate system: phones with Chinese map SDKs often report GCJ-02. */
  crs: 'WGS84' | 'GCJ02'
}

export const KNOTS_TO_MPS = 0.514444
