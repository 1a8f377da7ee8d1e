// 中文文案（默认语言）。Keys are grouped by where they appear.
import boards from './boards-zh-CN'
import community from './community-zh-CN'
import video from './video-zh-CN'
export default {
  app: {
    title: '{district}网格化治理指挥中心',
    live: '实时',
    stale: '数据滞后',
    offline: '连接中断',
    linkDown: { store: '数据库中断', redis: '集群通道中断', leader: '主节点切换中' },
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
    report: '上报', accept: '受理', file: '立案', cancel: '不予立案', dispatch: '派遣', handle: '处置反馈', verify: '核查通过', sendBack: '返工', close: '结案', comment: '市民补充', locate: '定位',
  },
  deadline: { none: '—', ontime: '正常', dueSoon: '即将超期', overdue: '已超期' },
  status: { online: '在线', stale: '信号弱', offline: '离线' },
  source: { inspector: '监督员上报', hotline: '12345热线', video: '视频巡查', citizen: '市民随手拍', iot: '物联感知' },
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
    legendCases: '案件', legendInspectors: '网格员', legendLoad: '网格在办案件', trailsHidden: '轨迹：视野内人员过多，放大后显示', attribution: '© OpenStreetMap 贡献者 · 行政区划：DataV.GeoAtlas',
    loadFailed: '地图加载失败，正在重试…',
    basemapFailed: '底图加载失败：{host}（网格、人员、案件照常显示）',
  },
  time: { left: '剩余 {amount}', overdue: '超期 {amount}', workHours: '{n} 工时', workDays: '{n} 工作日' },
  drawer: {
    children: '下级区域排行', childOpen: '在办', childOverdue: '超期', inspectors: '网格员', cases: '在办案件（按紧急程度）', noCases: '暂无在办案件',
    gridCode: '网格编码', code: '编码',
    caseTitle: '案件详情', category: '类别', source: '来源', grid: '所在网格', location: '位置', description: '问题描述', photo: '现场照片',
    citizen: '举报人', contactHidden: '联系方式已隐藏', address: '地址', unlocated: '待定位（未上图，需监督中心定位）', suggestedArea: '地址提及：{name}', department: '处置部门', timeline: '办理流程', sendBacks: '返工 {n} 次', presence: '到场核验', reporter: '上报人', verifier: '核查人',
    distance: '距案件点 {d}', noTrack: '无轨迹', present: '在场', absent: '未到场',
    inspectorTitle: '网格员详情', device: '设备号', distanceToday: '今日巡查里程', reportsToday: '今日上报', verificationsToday: '今日核查',
    statusHistory: '今日在线情况', lastFix: '最后定位', replayToday: '回放今日轨迹',
    replayTitle: '轨迹回放', replayGridTitle: '网格轨迹回放', play: '播放', pause: '暂停', follow: '跟随', speed: '倍速', events: '案件事件',
    date: '日期', points: '{n} 个轨迹点',
    replayTooLarge: '该区域网格员较多，一次回放的轨迹超出上限：请选择下级区域回放', replayFailed: '轨迹加载失败（{status}）{message}',
    loading: '正在加载…', loadFailed: '数据加载失败，正在重试', caseNotFound: '未找到案件 {id}：编号有误或已删除', inspectorNotFound: '未找到网格员 {id}',
    none: '无', categoryValue: '{major}·{name}（{kind}）', openPhoto: '查看照片', current: '当前', noPresence: '暂无到场记录',
    noFix: '尚无定位', today: '今天',
    // Open311 attribute[code]: the names the service definition gives them (service-list.ts); other codes show as sent.
    attributes: '补充信息', attributeNames: { severity: '紧急程度', landmark: '附近标志物' }, valueSeparator: '、', openPhotoN: '查看照片 {n}',
  },
  feed: { empty: '暂无案件动态' },
  ...boards,
  ...video,
  ...community,
  tour: {
    running: '自动巡览中 · 下一站：{stop}', paused: '已暂停，{n}秒无操作后继续', waiting: '自动巡览中 · 等待数据',
    stop: { district: '全区概览', worstGrid: '最严重网格', urgentCase: '最紧急案件', replay: '轨迹回放', party: '党建引领', ranking: '综合评价' },
  },
}
