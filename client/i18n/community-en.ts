// The community screen's strings (English); same keys as community-zh-CN.ts.
export default {
  community: {
    entry: 'Community screen', back: 'Back to the map', title: '{name} · Community', notCommunity: '{code} is not a community',
    boards: { safe: 'Safe community', digital: 'Digital community', humane: 'Humane community' },
    panel: {
      alarms: 'Sensor alarms', cameras: 'Cameras', devices: 'Devices', disputes: 'Disputes',
      people: 'People in / out', vehicles: 'Vehicles', trampling: 'Trampling', water: 'Smart water meters', online: 'Devices online',
    },
    alarm: {
      none: 'No alarms today', open: 'Alarm', cleared: 'Cleared', caseOf: 'Case', caseClosed: 'closed',
      rule: { smoke: 'Smoke', manhole: 'Manhole moved', flood: 'Flooding', care: 'Elder care' },
    },
    camera: { none: 'No cameras here', more: '{n} more' },
    status: { online: 'online', stale: 'stale', offline: 'offline' },
    dispute: {
      none: 'No open disputes', open: 'open', since: '{d} d ago', today: 'today',
      state: { pending: 'Pending', registered: 'Registered', mediating: 'Mediating', mediated: 'Follow-up', resolved: 'Resolved', rejected: 'Not taken' },
    },
    flow: { in: 'In', out: 'Out', today: 'Today', perHour: 'Per hour', gates: 'Per gate', countsOnly: 'Counts only · no plates', detections: 'Detected today' },
    water: { today: 'Used today', litres: 'L', elder: 'Alone', lastUse: 'Last use', noUse: 'No use seen', cubic: 'm³' },
    online: { rate: 'Online', of: '{n} / {d} devices' },
    element: {
      people: 'People', land: 'Land', things: 'Things', feelings: 'Concerns', affairs: 'Affairs', organisations: 'Party orgs',
      residents: 'Residents', households: 'Households', elders: 'Aged 60+', grids: 'Grids', areaKm2: 'Area km²', gridWorkers: 'Grid workers',
      devices: 'IoT devices', cameras: 'Cameras', components: 'Component cases', servicePoints: 'Service points', openCases: 'Open cases', hotline: '12345 open', overdue: 'Overdue',
      reportedToday: 'Reported today', closedToday: 'Closed today', disputes: 'Open disputes', orgs: 'Party orgs', members: 'Members', branches: 'Grid branches',
      source: { profile: 'Source: area records', areas: 'Source: grid layer', devices: 'Source: IoT devices', cases: 'Source: cases', hotline: 'Source: cases · 12345', party: 'Source: party system' },
    },
  },
}
