// Video and devices' strings in English; same keys as video-zh-CN.ts.
import type zhCN from './video-zh-CN'

const en: typeof zhCN = {
  video: {
    noSignal: 'No signal', queued: 'Queued', connecting: 'Connecting…', retryIn: 'Retrying in {n} s', retrying: 'Retrying…', live: 'LIVE',
  },
  device: {
    legend: 'Devices', legendSensor: 'Sensor', cameraTitle: 'Camera', deviceTitle: 'Device', code: 'Device code', community: 'Community', grid: 'Grid', status: 'Status',
    lastAt: 'Last report', never: 'Never reported', alarm: 'Alarm', noAlarm: 'No alarm', stream: 'Stream', notFound: 'Device {id} not found', openCase: 'Open case',
    kind: { gate: 'People in/out', vehicle: 'Vehicles in/out', trampling: 'Lawn trampling', waterMeter: 'Water meter', smoke: 'Smoke', manhole: 'Manhole cover', flood: 'Flooding', camera: 'Camera' },
  },
}

export default en
