// A heading arrow drawn on a canvas at load time (no sprite server). It points north in the top
// half of the image, so rotating the icon by the heading places it just ahead of the marker.
export const ARROW_ICON = 'inspector-arrow'
const SIZE = 64

export function drawArrowIcon(): ImageData {
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = SIZE
  const ctx = canvas.getContext('2d')!
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
