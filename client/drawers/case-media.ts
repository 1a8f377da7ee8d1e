// The photo of a case is a citizen-supplied URL: only http(s) may become a link (a `javascript:` URL
// in an href would run in the wall), and the wall never fetches it itself.
export function safeMediaLink(url: string | null): { href: string; host: string } | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? { href: parsed.href, host: parsed.host } : null
  } catch {
    return null
  }
}

/** Every photo that may become a link, in the reporter's order. */
export function safeMediaLinks(urls: readonly string[]): { href: string; host: string }[] {
  return urls.flatMap((url) => safeMediaLink(url) ?? [])
}
