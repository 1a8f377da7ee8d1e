// Icons drawn on a canvas when the map first asks for them (no sprite server, nothing to fetch).
import type { Map as MaplibreMap } from 'maplibre-gl'

export const ARROW_ICON = 'inspector-arrow'
export const METRO_ICON = 'metro-station'
const SIZE = 64

function canvas(): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const c = document.createElement('canvas')
  c.width = c.height = SIZE
  // willReadFrequently: a CPU canvas. A GPU one (SwiftShader here) cost ~750 ms to set up and read back before the first picture.
  return [c, c.getContext('2d', { willReadFrequently: true })!]
}

/** Points north in the top half of the image, so rotating by the heading puts it just ahead of the marker. */
function drawArrow(): ImageData {
  const [, ctx] = canvas()
  ctx.beginPath()
  ctx.moveTo(SIZE / 2, 2)
  ctx.lineTo(SIZE / 2 + 13, 24)
  ctx.lineTo(SIZE / 2, 19)
  ctx.lineTo(SIZE / 2 - 13, 24)
  ctx.closePath()
  ctx.fillStyle = '#e0fbff'
  ctx.strokeStyle = '#05203a'
  ctx.lineWidth = 3
  ctx.stroke()
  ctx.fill()
  return ctx.getImageData(0, 0, SIZE, SIZE)
}

/** A metro sign: a rounded square with an M, unlike any case or inspector marker. */
function drawMetro(): ImageData {
  const [, ctx] = canvas()
  ctx.fillStyle = '#c8102e'
  ctx.strokeStyle = '#ffffff'
  ctx.lineWidth = 4
  ctx.beginPath()
  ctx.roundRect(8, 8, SIZE - 16, SIZE - 16, 10)
  ctx.fill()
  ctx.stroke()
  ctx.fillStyle = '#ffffff'
  ctx.font = 'bold 34px sans-serif'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText('M', SIZE / 2, SIZE / 2 + 2)
  return ctx.getImageData(0, 0, SIZE, SIZE)
}

const DRAW: Record<string, () => ImageData> = { [ARROW_ICON]: drawArrow, [METRO_ICON]: drawMetro }

export function provideIcons(map: MaplibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const draw = DRAW[id]
    if (draw && !map.hasImage(id)) map.addImage(id, draw(), { pixelRatio: 2 })
  })
}
