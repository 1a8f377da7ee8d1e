// A citizen's contact details, for a call-back. Personal information (个人信息保护法): kept apart from
// the case, never sent to a wall, and masked in any answer meant for a screen.
export interface ReporterContact {
  firstName: string | null
  lastName: string | null
  phone: string | null
  email: string | null
  accountId: string | null
  deviceId: string | null
}

export function hasContact(c: ReporterContact): boolean {
  return Object.values(c).some((v) => v != null && v !== '')
}

/** 13812341234 → 138****1234; shorter numbers keep their first and last two digits at most. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '')
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length >= 3) return `${digits[0]}${'*'.repeat(digits.length - 2)}${digits.at(-1)}`
  return '*'.repeat(digits.length)
}

/** zhang.san@example.org → z***@example.org */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${email[0]}***${email.slice(at)}`
}

/** 张三丰 → 张**; Jane → J*** */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`
}

/** What a screen may show of a reporter: enough to recognise a repeat caller, not to reach them. */
export function maskContact(c: ReporterContact): { name: string | null; phone: string | null; email: string | null } {
  const name = [c.lastName, c.firstName].filter(Boolean).join('')
  return {
    name: name ? maskName(name) : null,
    phone: c.phone ? maskPhone(c.phone) : null,
    email: c.email ? maskEmail(c.email) : null,
  }
}
