// The Open311 settings beyond keys: which jurisdiction this endpoint serves, who to contact (service
// discovery), and whether reads need a key. From OPEN311_JURISDICTION, OPEN311_CONTACT, OPEN311_READ.

export interface Open311Settings {
  /** The one jurisdiction_id served; another one is refused (404), an absent one accepted. null: any. */
  jurisdiction: string | null
  /** Discovery's `contact`: how a developer reaches the people who run this endpoint. */
  contact: string
  /** OPEN311_READ=key: GETs need a key with the scope `cases`, as writes do. By default they are open, as the spec says. */
  readsNeedKey: boolean
}

export const DEFAULT_CONTACT = '请联系本区网格化服务管理中心系统管理员 / Ask the system administrator of the district grid management centre'

export const DEFAULT_OPEN311_SETTINGS: Open311Settings = { jurisdiction: null, contact: DEFAULT_CONTACT, readsNeedKey: false }

/** Parses the OPEN311_* variables; a bad value throws, naming the variable. */
export function parseOpen311Settings(env: NodeJS.ProcessEnv): Open311Settings {
  const read = env.OPEN311_READ?.trim().toLowerCase() || 'open'
  if (read !== 'open' && read !== 'key') throw new Error(`OPEN311_READ=${env.OPEN311_READ}: must be open or key`)
  return {
    jurisdiction: env.OPEN311_JURISDICTION?.trim() || null,
    contact: env.OPEN311_CONTACT?.trim() || DEFAULT_CONTACT,
    readsNeedKey: read === 'key',
  }
}
