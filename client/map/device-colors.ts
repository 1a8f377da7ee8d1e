// The device layer's colours, shared with the map legend: cameras fuchsia and sensors lime (no case
// step or inspector status uses either), red for a device in alarm.
export const DEVICE_COLORS = {
  camera: '#e879f9',
  sensor: '#a3e635',
  alarm: '#ef4444',
} as const
