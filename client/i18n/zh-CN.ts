// 中文文案（默认语言）。Keys are grouped by where they appear.
export default {
  app: {
    title: '{district}网格化治理指挥中心',
    live: '实时',
    stale: '数据滞后',
    offline: '连接中断',
    dataAge: '数据 {age}',
    reconnecting: '实时数据连接中断，正在重连…',
    demoTime: '演示时间',
    speed: '模拟 {speed}×',
  },
  age: {
    justNow: '刚刚',
    seconds: '{n}秒前',
    minutes: '{n}分钟前',
    hours: '{n}小时前',
  },
  weekday: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  step: {
    reported: '采集', accepted: '受理', filed: '立案', dispatched: '派遣', handled: '处置', verified: '核查', closed: '结案', cancelled: '作废',
  },
  action: {
    report: '上报', accept: '受理', file: '立案', cancel: '不予立案', dispatch: '派遣', handle: '处置反馈', verify: '核查通过', sendBack: '返工', close: '结案',
  },
  deadline: { none: '—', ontime: '正常', dueSoon: '即将超期', overdue: '已超期' },
  status: { online: '在线', stale: '信号弱', offline: '离线' },
  source: { inspector: '监督员上报', hotline: '12345热线', video: '视频巡查', citizen: '市民随手拍' },
  kind: { component: '部件', event: '事件' },
  level: { district: '区', street: '街道', community: '社区', grid: '网格' },
  unit: { people: '人', households: '户', count: '个', cases: '件', persons: '名' },
  headline: {
    openCases: '在办案件', overdue: '超期案件', reportedToday: '今日上报', closedToday: '今日结案', inspectorsOnline: '在岗网格员', grids: '网格数',
  },
  panel: {
    community: '社区概况',
    kpi: '考核指标（近{days}日）',
    inspectors: '网格员在线状态',
    funnel: '案件办理闭环（今日）',
    category: '案件类别分布（近{days}日）',
    feed: '案件动态',
    trend: '上报趋势：今日与近7日',
    inspectorsTotal: '网格员总数',
    openAtStep: '在办 {n}',
  },
  profile: {
    residents: '常住人口', households: '户数', partyMembers: '党员', partyBranches: '党组织', gridWorkers: '网格员', volunteers: '志愿者', elders: '60岁以上老人', servicePoints: '党群服务站',
  },
  kpi: {
    filingRate: '立案率', closureRate: '结案率', onTimeClosureRate: '按期结案率', reworkRate: '返工率',
    filingRateFormula: '立案数/判定数', closureRateFormula: '结案数/应结案数', onTimeClosureRateFormula: '按期结案数/应结案数', reworkRateFormula: '返工数/核查数',
  },
  trend: { today: '今日累计', weekMean: '近7日平均', reported: '上报', closed: '结案', todaySoFar: '今日累计', meanSoFar: '近7日同期', lastDays: '近7日每日上报' },
  map: {
    legendCases: '案件', legendInspectors: '网格员', legendLoad: '网格在办案件', attribution: '© OpenStreetMap 贡献者 · 行政区划：DataV.GeoAtlas',
  },
  feed: { empty: '暂无案件动态' },
}
