// 党建引领 and 综合评价 boards' strings (zh-CN), spread into zh-CN.ts; boards-en.ts has the same keys.
export default {
  board: {
    overview: '综合态势', party: '党建引领', ranking: '综合评价',
    period: { month: '本月', today: '今日', year: '本年' },
  },
  partyBoard: {
    chain: '五级党组织', members: '党员进网格', loop: '党员领办项目（本年）', recent: '近期领办项目',
    level: {
      streetWorkCommittee: '街道大工委', communityCommittee: '社区大党委', gridGeneralBranch: '网格党总支', estateBranch: '小区党支部', buildingGroup: '楼栋党小组',
    },
    gridsWithBranch: '网格党组织覆盖',
    membersTotal: '在网格党员', threeTeams: '三支队伍', employed: '在职党员', resident: '小区党员', stationed: '驻区党员',
    vanguard: '党员先锋岗', doubleReported: '双报到党员',
    stage: { branchAssigns: '支部派单', membersLead: '党员领办', teamDelivers: '组团兑现', residentsRate: '群众评议' },
    closureRate: '办结率', closureFormula: '已评议 / (已评议 + 逾期未评议)',
    satisfaction: '群众满意率', satisfactionFormula: '评议加权和 / 已评议',
    origin: { case: '案件升级', own: '支部自办' },
    overdue: '已逾期', deadline: '{date}前', noProjects: '暂无领办项目', unclaimed: '待领办',
    rating: { satisfied: '满意', basicallySatisfied: '基本满意', neutral: '一般', dissatisfied: '不满意' },
  },
  hotline: {
    title: '12345热线（{period}）',
    received: '受理', inProgress: '在办', completed: '办结',
    firstContactRate: '先行联系率', resolutionRate: '实际解决率', satisfactionRate: '满意率',
    firstContactFormula: '限时先行联系数 / (已联系 + 超时未联系)', resolutionFormula: '回访已解决数 / 已回访办结数', satisfactionFormula: '满意度加权和 / 已评价办结数',
  },
  ranking: {
    overall: '综合评分（{period}）', region: '区域排名', department: '部门排名', posts: '岗位排名',
    post: { inspector: '监督员', acceptor: '受理员', dispatcher: '派遣员', handler: '处置人员' },
    red: '红榜', black: '黑榜', score: '得分', unscored: '暂无评分', cases: '{n}件', empty: '暂无可评价的对象',
    kind: {
      street: '街道', community: '社区', grid: '网格', department: '部门', inspector: '监督员', acceptor: '受理员', dispatcher: '派遣员', handler: '处置人员', overall: '本区域',
    },
    drill: '评分依据', indicators: '指标', casesBehind: '计算依据案件（{n}）', inNumerator: '计入分子', notInNumerator: '未计入分子',
    pickIndicator: '点选指标查看案件', noCasesBehind: '该指标暂无案件', more: '另有 {n} 件', lowerIsBetter: '越低越好',
  },
}
