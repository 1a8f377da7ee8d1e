// A wall that must not be public is opened once with `?token=…`; the screen remembers it, and every
// request and the socket carry it.
const KEY = 'wall.token'

export function wallToken(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) localStorage.setItem(KEY, fromUrl)
  return fromUrl ?? localStorage.getItem(KEY)
}

/** fetch() with the wall token, for the server's read endpoints. */
export function wallFetch(url: string): Promise<Response> {
  const token = wallToken()
  return fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : undefined)
}
