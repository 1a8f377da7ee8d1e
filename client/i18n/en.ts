// English strings. Same keys as zh-CN.ts (type-checked in i18n/index.ts).
import boards from './boards-en'
import community from './community-en'
import video from './video-en'
import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: {
    title: '{district} Grid Governance Command Centre',
    live: 'Live',
    stale: 'Stale',
    offline: 'Disconnected',
    linkDown: { store: 'Database down', redis: 'Cluster link down', leader: 'Leader changing over' },
    dataAge: 'Data {age}',
    reconnecting: 'Live feed lost, reconnecting…',
    demoTime: 'Demo time',
    speed: 'Simulated {speed}×',
  },
  age: { justNow: 'just now', seconds: '{n}s ago', minutes: '{n} min ago', hours: '{n} h ago' },
  weekday: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  step: {
    reported: 'Reported', accepted: 'Accepted', filed: 'Filed', dispatched: 'Dispatched', handled: 'Handled', verified: 'Verified', closed: 'Closed', cancelled: 'Cancelled',
  },
  action: {
    report: 'reported', accept: 'accepted', file: 'filed', cancel: 'not filed', dispatch: 'dispatched', handle: 'handled', verify: 'verified', sendBack: 'sent back', close: 'closed', comment: 'citizen comment', locate: 'located',
  },
  deadline: { none: '—', ontime: 'On time', dueSoon: 'Due soon', overdue: 'Overdue' },
  status: { online: 'Online', stale: 'Weak signal', offline: 'Offline' },
  source: { inspector: 'Inspector', hotline: '12345 hotline', video: 'Video patrol', citizen: 'Citizen photo', iot: 'IoT sensing' },
  kind: { component: 'Component', event: 'Event' },
  level: { district: 'District', street: 'Street', community: 'Community', grid: 'Grid' },
  unit: { people: '', households: '', count: '', cases: '', persons: '' },
  headline: {
    openCases: 'Open cases', overdue: 'Overdue', reportedToday: 'Reported today', closedToday: 'Closed today', inspectorsOnline: 'Inspectors on duty', grids: 'Grids',
  },
  panel: {
    community: 'Community profile',
    kpi: 'KPIs (last {days} days)',
    inspectors: 'Inspectors online',
    funnel: 'Case loop (today)',
    category: 'Cases by category ({days} days)',
    feed: 'Case feed',
    trend: 'Reports: today vs 7-day mean',
    inspectorsTotal: 'Total',
    openAtStep: '{n} open',
  },
  profile: {
    residents: 'Residents', households: 'Households', partyMembers: 'Party members', partyBranches: 'Party branches', gridWorkers: 'Grid workers', volunteers: 'Volunteers', elders: 'Aged 60+', servicePoints: 'Service points',
  },
  kpi: {
    filingRate: 'Filing rate', closureRate: 'Closure rate', onTimeClosureRate: 'On-time closure', reworkRate: 'Rework rate',
    filingRateFormula: 'filed / decided', closureRateFormula: 'closed / due', onTimeClosureRateFormula: 'on time / due', reworkRateFormula: 'sent back / verified',
  },
  trend: { today: 'Today (cumulative)', weekMean: '7-day mean', reported: 'Reported', closed: 'Closed', todaySoFar: 'Today', meanSoFar: '7-day mean', lastDays: 'Reported per day' },
  map: {
    legendCases: 'Cases', legendInspectors: 'Inspectors', legendLoad: 'Open cases per grid', trailsHidden: 'Tracks: too many inspectors in view — zoom in', attribution: '© OpenStreetMap contributors · Boundaries: DataV.GeoAtlas',
    loadFailed: 'Map failed to load, retrying…',
    basemapFailed: 'Basemap failed to load: {host} (grids, inspectors and cases still shown)',
  },
  time: { left: '{amount} left', overdue: '{amount} overdue', workHours: '{n} work h', workDays: '{n} work days' },
  drawer: {
    children: 'Ranking of sub-areas', childOpen: 'Open', childOverdue: 'Overdue', inspectors: 'Inspectors', cases: 'Open cases (most urgent first)', noCases: 'No open cases',
    gridCode: 'Grid code', code: 'Code',
    caseTitle: 'Case', category: 'Category', source: 'Source', grid: 'Grid', location: 'Location', description: 'Description', photo: 'Photo',
    citizen: 'Reporter', contactHidden: 'contact details hidden', address: 'Address', unlocated: 'not located yet (not on the map until the supervision centre places it)', suggestedArea: 'the address names {name}', department: 'Department', timeline: 'Handling steps', sendBacks: 'Sent back {n}×', presence: 'Proof of presence', reporter: 'Reporter', verifier: 'Verifier',
    distance: '{d} from the case', noTrack: 'no track', present: 'on site', absent: 'not on site',
    inspectorTitle: 'Inspector', device: 'Device', distanceToday: 'Walked today', reportsToday: 'Reports today', verificationsToday: 'Verifications today',
    statusHistory: 'Online today', lastFix: 'Last fix', replayToday: "Replay today's track",
    replayTitle: 'Track replay', replayGridTitle: 'Grid replay', play: 'Play', pause: 'Pause', follow: 'Follow', speed: 'Speed', events: 'Case events',
    date: 'Date', points: '{n} track points',
    replayTooLarge: 'Too much history for one replay of this area: replay a smaller area', replayFailed: 'The tracks could not be loaded ({status}) {message}',
    loading: 'Loading…', loadFailed: 'Could not load the data; retrying', caseNotFound: 'No case {id}: the number is wrong or the case was removed', inspectorNotFound: 'No inspector {id}',
    none: 'None', categoryValue: '{major} · {name} ({kind})', openPhoto: 'Open photo', current: 'Current', noPresence: 'No presence records yet',
    noFix: 'No fix yet', today: 'Today',
    attributes: 'Details added', attributeNames: { severity: 'Urgency', landmark: 'Landmark nearby' }, valueSeparator: ', ', openPhotoN: 'Open photo {n}',
  },
  feed: { empty: 'No case activity yet' },
  ...boards,
  ...video,
  ...community,
  tour: {
    running: 'Auto tour · next: {stop}', paused: 'Paused; resumes after {n} s without input', waiting: 'Auto tour · waiting for data',
    stop: { district: 'district', worstGrid: 'worst grid', urgentCase: 'most urgent case', replay: 'track replay', party: 'party building', ranking: 'evaluation' },
  },
}

export default en
