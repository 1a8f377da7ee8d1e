// The wall's colours for a basemap: the demo basemap's dark blues (base-style.ts), so a city's own
// map reads like the demo from across the room and the grids' colours stay the brightest thing on it.
import { THEME } from '../../theme/palette'

export const BASEMAP_PALETTE = {
  background: '#061327',
  water: '#0a2a4d',
  waterway: '#0f3a66',
  landcover: '#08202e',
  landuse: '#0a1c36',
  park: '#0a2431',
  building: '#17375f',
  buildingLine: '#2b5f95',
  aeroway: '#1b3556',
  /** Road colours, from motorway to footpath: brighter for the roads an operator names a place by. */
  roads: { major: '#2f6a9e', primary: '#285a88', secondary: '#214b74', minor: '#1a3d61', path: '#16314f', rail: '#2a4d70' },
  boundary: '#4a7fb0',
  label: '#9ec3e6',
  labelDim: THEME.textDim,
  waterLabel: '#4f86b8',
  halo: '#061327',
} as const
