// Just enough CSS colour handling to turn a light basemap style dark: parse #rgb/#rrggbb(aa),
// rgb(a)() and hsl(a)() (and a few names), move the lightness, write hsla(). Anything else is left as
// it was (MapLibre keeps accepting it).

export interface Hsla { h: number; s: number; l: number; a: number }

const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000', gray: '#808080', grey: '#808080', silver: '#c0c0c0' }

export function parseColour(text: string): Hsla | null {
  const value = NAMED[text.trim().toLowerCase()] ?? text.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)
  if (hex) {
    const digits = hex[1].length <= 4 ? [...hex[1]].map((d) => d + d).join('') : hex[1]
    const [r, g, b, a = 255] = digits.match(/../g)!.map((pair) => parseInt(pair, 16))
    return rgbToHsl(r / 255, g / 255, b / 255, a / 255)
  }
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(value)
  if (!fn) return null
  const parts = fn[2].split(/[\s,/]+/).filter(Boolean).map((p) => ({ n: parseFloat(p), percent: p.endsWith('%') }))
  if (parts.length < 3 || parts.some((p) => Number.isNaN(p.n))) return null
  const alpha = parts[3] ? (parts[3].percent ? parts[3].n / 100 : parts[3].n) : 1
  if (fn[1].startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((p) => (p.percent ? p.n / 100 : p.n / 255))
    return rgbToHsl(r, g, b, alpha)
  }
  return { h: parts[0].n, s: parts[1].n / 100, l: parts[2].n / 100, a: alpha }
}

export function formatColour({ h, s, l, a }: Hsla): string {
  const pct = (n: number) => `${Math.round(Math.min(1, Math.max(0, n)) * 1000) / 10}%`
  return `hsla(${Math.round(h)}, ${pct(s)}, ${pct(l)}, ${Math.round(a * 100) / 100})`
}

function rgbToHsl(r: number, g: number, b: number, a: number): Hsla {
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  if (max === min) return { h: 0, s: 0, l, a }
  const d = max - min
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min)
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return { h: h * 60, s, l, a }
}
