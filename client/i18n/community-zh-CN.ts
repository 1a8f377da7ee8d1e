// The community screen's strings (zh-CN): its three boards 平安社区 / 数字社区 / 人文社区. Spread into
// zh-CN.ts; community-en.ts has the same keys.
export default {
  community: {
    entry: '社区大屏', back: '返回地图', title: '{name} · 社区大屏', notCommunity: '{code} 不是社区',
    boards: { safe: '平安社区', digital: '数字社区', humane: '人文社区' },
    panel: {
      alarms: '物联告警', cameras: '视频监控', devices: '设备状态', disputes: '矛盾纠纷',
      people: '人员进出', vehicles: '车辆进出', trampling: '绿地踩踏', water: '智能水表', online: '设备在线',
    },
    alarm: {
      none: '今日无告警', open: '告警中', cleared: '已恢复', caseOf: '案件', caseClosed: '已结案',
      rule: { smoke: '烟感', manhole: '井盖位移', flood: '积水', care: '独居老人关怀' },
    },
    camera: { none: '本社区无摄像头', more: '另有 {n} 路' },
    status: { online: '在线', stale: '迟滞', offline: '离线' },
    dispute: {
      none: '暂无在办纠纷', open: '在办', since: '{d}天前', today: '今天',
      state: { pending: '待受理', registered: '已立案', mediating: '调解中', mediated: '待回访', resolved: '已化解', rejected: '不予受理' },
    },
    flow: { in: '进', out: '出', today: '今日', perHour: '每小时', gates: '各出入口', countsOnly: '仅计数 · 不显示车牌', detections: '今日检出' },
    water: { today: '今日用水', litres: '升', elder: '独居', lastUse: '末次用水', noUse: '未见用水', cubic: '吨' },
    online: { rate: '在线率', of: '{n} / {d} 台' },
    element: {
      people: '人', land: '地', things: '物', feelings: '情', affairs: '事', organisations: '组织',
      residents: '常住人口', households: '户数', elders: '60岁以上', grids: '网格', areaKm2: '面积 km²', gridWorkers: '网格员',
      devices: '物联设备', cameras: '摄像头', components: '部件问题', servicePoints: '服务站点', openCases: '在办案件', hotline: '12345 在办', overdue: '超期',
      reportedToday: '今日上报', closedToday: '今日结案', disputes: '在办纠纷', orgs: '党组织', members: '党员', branches: '网格党支部',
      source: { profile: '来源：区域档案', areas: '来源：网格图层', devices: '来源：物联设备', cases: '来源：案件库', hotline: '来源：案件库 · 12345', party: '来源：党建系统' },
    },
  },
}
