// The boards' strings in English; same keys as boards-zh-CN.ts.
import type zhCN from './boards-zh-CN'

const en: typeof zhCN = {
  board: {
    overview: 'Overview', party: 'Party building', ranking: 'Evaluation',
    period: { month: 'this month', today: 'today', year: 'this year' },
  },
  partyBoard: {
    chain: 'Party organisations', members: 'Party members in the grids', loop: 'Member-led projects (this year)', recent: 'Recent projects',
    level: {
      streetWorkCommittee: 'Street work committees', communityCommittee: 'Community committees', gridGeneralBranch: 'Grid general branches', estateBranch: 'Estate branches', buildingGroup: 'Building groups',
    },
    gridsWithBranch: 'Grids with a party organisation',
    membersTotal: 'Members in the grids', threeTeams: 'Three teams', employed: 'Employed', resident: 'Resident', stationed: 'Stationed',
    vanguard: 'Vanguard posts', doubleReported: 'Double-reported',
    stage: { branchAssigns: 'Branch assigns', membersLead: 'Members lead', teamDelivers: 'Team delivers', residentsRate: 'Residents rate' },
    closureRate: 'Closure rate', closureFormula: 'rated / (rated + overdue unrated)',
    satisfaction: 'Residents\' satisfaction', satisfactionFormula: 'weighted ratings / rated',
    origin: { case: 'Escalated case', own: 'Branch\'s own' },
    overdue: 'Overdue', deadline: 'due {date}', noProjects: 'No projects yet', unclaimed: 'not claimed',
    rating: { satisfied: 'Satisfied', basicallySatisfied: 'Mostly satisfied', neutral: 'Neutral', dissatisfied: 'Dissatisfied' },
  },
  hotline: {
    title: '12345 hotline ({period})',
    received: 'Received', inProgress: 'In progress', completed: 'Completed',
    firstContactRate: 'First contact', resolutionRate: 'Actually solved', satisfactionRate: 'Satisfaction',
    firstContactFormula: 'called back in time / (called back + overdue uncalled)', resolutionFormula: 'solved on follow-up / completed asked', satisfactionFormula: 'weighted ratings / completed rated',
  },
  ranking: {
    overall: 'Overall score ({period})', region: 'Areas', department: 'Departments', posts: 'Posts',
    post: { inspector: 'Inspectors', acceptor: 'Acceptors', dispatcher: 'Dispatchers', handler: 'Handlers' },
    red: 'Red list', black: 'Black list', score: 'Score', unscored: 'not scored yet', cases: '{n} cases', empty: 'Nothing to score yet',
    kind: {
      street: 'Street', community: 'Community', grid: 'Grid', department: 'Department', inspector: 'Inspector', acceptor: 'Acceptor', dispatcher: 'Dispatcher', handler: 'Handler', overall: 'This area',
    },
    drill: 'What the score stands on', indicators: 'Indicators', casesBehind: 'Cases counted ({n})', inNumerator: 'in the numerator', notInNumerator: 'not in the numerator',
    pickIndicator: 'Pick an indicator to see its cases', noCasesBehind: 'No cases behind this indicator', more: '{n} more', lowerIsBetter: 'lower is better',
  },
}

export default en
