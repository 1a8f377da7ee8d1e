// Which design the wall uses on this screen: the 16:9 one (1920×1080, scaled to 4K and to Windows'
// 125 %/150 % alike), or the spliced-wall one (5760×1080, three 16:9 panels side by side, with the
// seams between panels falling in the gaps between columns). `?layout=standard|wide` forces one.
export type ScreenLayout = 'standard' | 'wide'

export const DESIGNS: Record<ScreenLayout, { width: number; height: number }> = {
  standard: { width: 1920, height: 1080 },
  wide: { width: 5760, height: 1080 },
}

/** Wider than this (e.g. 3×1 or 4×1 spliced walls) gets the wide design. */
const WIDE_ASPECT = 2.6

export function chooseLayout(width: number, height: number, requested: string | null): ScreenLayout {
  if (requested === 'standard' || requested === 'wide') return requested
  return width / Math.max(1, height) >= WIDE_ASPECT ? 'wide' : 'standard'
}

/** Uniform scale of the design to the screen, and the offset that centres it. */
export function fitDesign(layout: ScreenLayout, width: number, height: number): { scale: number; x: number; y: number } {
  const design = DESIGNS[layout]
  const scale = Math.round(Math.min(width / design.width, height / design.height) * 1000) / 1000
  return { scale, x: Math.max(0, (width - design.width * scale) / 2), y: Math.max(0, (height - design.height * scale) / 2) }
}
