// The demo district's devices, the same for the same seed: in every community two gate counters,
// a vehicle barrier, a trampling camera on a lawn, three water meters (one in an elder's home, who
// lives alone), a smoke detector, a manhole cover sensor, a flood gauge and two video cameras.
import type { CameraStream, DeviceInfo, DeviceKind } from '../contract/devices'
import type { AreaInfo } from '../contract/domain'
import type { AreaTree } from '../domain/area-tree'
import { createRng, type Rng } from '../simulator/random'

interface Slot {
  kind: DeviceKind
  name: string
  elderAlone?: boolean
}

const SLOTS: readonly Slot[] = [
  { kind: 'gate', name: '东门人行闸机' },
  { kind: 'gate', name: '西门人行闸机' },
  { kind: 'vehicle', name: '车行道闸' },
  { kind: 'trampling', name: '中心绿地踩踏识别' },
  { kind: 'waterMeter', name: '1号楼 101 智能水表', elderAlone: true },
  { kind: 'waterMeter', name: '2号楼 302 智能水表' },
  { kind: 'waterMeter', name: '3号楼 504 智能水表' },
  { kind: 'smoke', name: '电动车充电棚烟感' },
  { kind: 'manhole', name: '主干道井盖' },
  { kind: 'flood', name: '地下车库入口积水监测' },
  { kind: 'camera', name: '东门出入口摄像机' },
  { kind: 'camera', name: '中心广场摄像机' },
]

const CODE_PREFIX: Record<DeviceKind, string> = {
  gate: 'MJ', vehicle: 'CL', trampling: 'CT', waterMeter: 'SB', smoke: 'YG', manhole: 'JG', flood: 'JS', camera: 'SP',
}

export function demoDevices(tree: AreaTree, seed: number): DeviceInfo[] {
  const rng = createRng(seed ^ 0x5e45)
  const communities = tree.all().filter((a) => a.level === 'community')
  return communities.flatMap((community) => {
    const grids = gridsUnder(tree, community.code)
    if (grids.length === 0) return []
    return SLOTS.map((slot, i) => {
      const [lng, lat, gridCode] = pointIn(tree, grids, rng)
      const seq = String(i + 1).padStart(2, '0')
      const device: DeviceInfo = {
        id: `${slot.kind}-${community.code}-${seq}`, kind: slot.kind, code: `${CODE_PREFIX[slot.kind]}${community.code}${seq}`,
        name: `${community.name}${slot.name}`, areaCode: community.code, gridCode, lng, lat,
      }
      if (slot.kind === 'waterMeter') device.elderAlone = slot.elderAlone === true
      // No gateway in the demo: the stream is where a GB/T 28181 gateway would serve it (the wall shows 无信号).
      if (slot.kind === 'camera') device.stream = demoStream(device.id, i)
      return device
    })
  })
}

function demoStream(id: string, i: number): CameraStream {
  return i % 2 === 0 ? { type: 'hls', url: `/streams/${id}/index.m3u8` } : { type: 'flv', url: `/streams/${id}.flv` }
}

function gridsUnder(tree: AreaTree, code: string): AreaInfo[] {
  return tree.allGrids().filter((g) => tree.pathTo(g.code).includes(code))
}

/** A point inside one of the grids (tried in the grid's box; its label point if the box keeps missing). */
function pointIn(tree: AreaTree, grids: readonly AreaInfo[], rng: Rng): [number, number, string] {
  const grid = grids[Math.floor(rng() * grids.length)]
  const [minX, minY, maxX, maxY] = grid.bbox
  for (let attempt = 0; attempt < 30; attempt++) {
    const lng = round(minX + rng() * (maxX - minX))
    const lat = round(minY + rng() * (maxY - minY))
    if (tree.locateGrid([lng, lat])?.code === grid.code) return [lng, lat, grid.code]
  }
  return [round(grid.center[0]), round(grid.center[1]), grid.code]
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6
}
