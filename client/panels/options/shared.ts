// What every chart on the wall shares: transparent canvas, the wall's font, text large enough to read
// from across the room, and short update animations (the wall redraws for days).
import type { EChartsOption } from 'echarts'
import { FONT_FAMILY, THEME } from '../../theme/palette'
import { formatCount } from '../../format'

/** Smallest text the wall draws on a canvas, in design pixels. */
export const CHART_FONT_SIZE = 14

export const CHART_BASE = {
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, fontSize: CHART_FONT_SIZE, color: THEME.textDim },
  animationDuration: 400,
  animationDurationUpdate: 400,
} satisfies EChartsOption

/** A faint ring track or grid line that stays visible on the navy panels. */
export const TRACK_COLOR = 'rgba(53, 208, 255, 0.14)'

/** A count for display, or '—' while the first snapshot has not arrived. */
export function countOrDash(n: number | null | undefined, locale: string): string {
  return n == null ? '—' : formatCount(n, locale)
}
