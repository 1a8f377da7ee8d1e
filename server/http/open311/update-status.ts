// What a line of a citizen's case history says to a GeoReport client (mySociety's
// servicerequestupdates): a status after it, and a text. FixMyStreet lower-cases the status and
// turns `_` into spaces before mapping it (perllib/Open311.pm:455-471), so the extended set of
// mySociety's extension (open311-adapter Role/mySociety.pm:332-352) is spelt lower-case here.
//
// The status is the one of the step the case is in after the line, so every action and a comment
// (which keeps the step) agree:
//
// | step after            | action(s)          | status            | why                                                          |
// |-----------------------|--------------------|-------------------|--------------------------------------------------------------|
// | reported   采集        | (comment)          | open              | nobody has looked at it yet (FixMyStreet: confirmed)         |
// | accepted   受理        | accept             | investigating     | the supervision centre took it and checks whether it is a case |
// | filed      立案        | file               | action_scheduled  | it is a case: something will be done, not yet by whom        |
// | dispatched 派遣        | dispatch, sendBack | in_progress       | a department is on it (again, after a failed 核查)            |
// | handled    处置        | handle             | in_progress       | the department says done, but 核查 has not confirmed it: a    |
// |                       |                    |                   | `fixed` here would close it on FixMyStreet and a send-back   |
// |                       |                    |                   | would have to reopen it under the citizen's eyes             |
// | verified   核查        | verify             | fixed             | an inspector confirmed on site that it is fixed              |
// | closed     结案        | close              | closed            | as GET requests says for it (FixMyStreet: fixed - council,   |
// |                       |                    |                   | or closed with extended statuses, after verify's fixed)      |
// | cancelled  不予立案    | cancel             | no_further_action | not a case the city will act on (FixMyStreet: unable to fix) |
import type { CaseHistoryAction, CaseStep } from '../../contract/domain'

export type UpdateStatus = 'open' | 'investigating' | 'action_scheduled' | 'in_progress' | 'fixed' | 'closed' | 'no_further_action'

export const STEP_STATUS: Record<CaseStep, UpdateStatus> = {
  reported: 'open',
  accepted: 'investigating',
  filed: 'action_scheduled',
  dispatched: 'in_progress',
  handled: 'in_progress',
  verified: 'fixed',
  closed: 'closed',
  cancelled: 'no_further_action',
}

/** What happened, for a citizen who reads only the text (dispatch and handle share in_progress). */
function label(action: CaseHistoryAction, department: string | null): string {
  switch (action) {
    case 'report': return '已上报'
    case 'accept': return '已受理'
    case 'file': return '已立案，等待派遣'
    case 'dispatch': return department ? `已派遣至${department}` : '已派遣'
    case 'handle': return '已处置，等待核查'
    case 'verify': return '核查通过'
    case 'close': return '已结案'
    case 'sendBack': return '核查未通过，返工处理'
    case 'cancel': return '不予立案'
    case 'comment': return '市民补充'
    case 'locate': return '已定位'
  }
}

// The workflow API keeps a handling photo in the note: `已清运；照片：https://…` (workflow-input.ts);
// a citizen's second and later photos are kept the same way (update-post.ts).
const PHOTO_PART = /^照片：(https?:\/\/\S+)$/

/** A note split into its text and the photo links written into it. */
export function splitNote(note: string | null): { text: string; photos: string[] } {
  const parts = (note ?? '').split('；')
  const photos = parts.flatMap((p) => PHOTO_PART.exec(p.trim())?.[1] ?? [])
  const text = parts.filter((p) => !PHOTO_PART.test(p.trim())).join('；').trim()
  return { text, photos }
}

/**
 * The update's text: a citizen's own words as they wrote them; for an operator's action the step,
 * then the operator's note (`已处置，等待核查：已清运`, `不予立案：重复上报`).
 */
export function updateDescription(action: CaseHistoryAction, noteText: string, department: string | null): string {
  if (action === 'comment') return noteText || label(action, department)
  return noteText ? `${label(action, department)}：${noteText}` : label(action, department)
}
