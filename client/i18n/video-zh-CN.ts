// Video and devices' strings (zh-CN): camera players, the camera / device drawers, the map's device
// layer. Spread into zh-CN.ts; video-en.ts has the same keys.
export default {
  video: {
    noSignal: '无信号', queued: '待播放', connecting: '连接中…', retryIn: '{n}秒后重试', retrying: '正在重试…', live: '直播',
  },
  device: {
    legend: '设备', legendSensor: '物联感知', cameraTitle: '视频监控', deviceTitle: '物联设备', code: '设备编码', community: '所属社区', grid: '所在网格', status: '状态',
    lastAt: '最后上报', never: '从未上报', alarm: '告警', noAlarm: '无告警', stream: '视频流', notFound: '未找到设备 {id}', openCase: '查看案件',
    kind: { gate: '人员进出', vehicle: '车辆进出', trampling: '绿地踩踏', waterMeter: '智能水表', smoke: '烟感', manhole: '井盖位移', flood: '积水监测', camera: '视频监控' },
  },
}
