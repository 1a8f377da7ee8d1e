// The indicators of 数字城管 evaluation (GB/T 30428.4 / CJ/T 292 style): what each one counts, its
// formula as the wall shows it (zh-CN and English), and its weight in a region's score.
import type { IndicatorDefinition, IndicatorId } from '../contract/evaluation'

export const INDICATORS: readonly IndicatorDefinition[] = [
  { id: 'validReport', nameZh: '有效上报率', nameEn: 'valid report rate', formulaZh: '立案数 / (立案数 + 不予立案数)', formulaEn: 'filed / (filed + cancelled)', higherIsBetter: true, weight: 10 },
  { id: 'onTimeAccept', nameZh: '按时受理率', nameEn: 'on-time acceptance rate', formulaZh: '20工作分钟内受理数 / 应受理数', formulaEn: 'accepted within 20 working min / due for acceptance', higherIsBetter: true, weight: 5 },
  { id: 'onTimeVerify', nameZh: '按时核实率', nameEn: 'on-time verification rate', formulaZh: '50工作分钟内核实（立案或不予立案）的非监督员上报数 / 应核实数', formulaEn: 'non-inspector reports verified (filed or cancelled) within 50 working min of the report / due for verification', higherIsBetter: true, weight: 5 },
  { id: 'onTimeFile', nameZh: '按时立案率', nameEn: 'on-time filing rate', formulaZh: '受理后30工作分钟内立案数 / 应立案数', formulaEn: 'filed within 30 working min of acceptance / due for filing', higherIsBetter: true, weight: 5 },
  { id: 'onTimeDispatch', nameZh: '按时派遣率', nameEn: 'on-time dispatch rate', formulaZh: '立案后30工作分钟内派遣数 / 应派遣数', formulaEn: 'dispatched within 30 working min of filing / due for dispatch', higherIsBetter: true, weight: 5 },
  { id: 'onTimeHandle', nameZh: '按期处置率', nameEn: 'on-time handling rate', formulaZh: '处置时限内处置数 / 应处置数', formulaEn: 'handled within the 处置时限 / due for handling', higherIsBetter: true, weight: 15 },
  { id: 'onTimeCheck', nameZh: '按时核查率', nameEn: 'on-time check rate', formulaZh: '处置后120工作分钟内核查数 / 应核查数', formulaEn: 'checked (verified or sent back) within 120 working min of handling / due for checking', higherIsBetter: true, weight: 10 },
  { id: 'onTimeClose', nameZh: '按时结案率', nameEn: 'on-time closing rate', formulaZh: '核查后60工作分钟内结案数 / 应结案数（已核查）', formulaEn: 'closed within 60 working min of verification / due for closing after verification', higherIsBetter: true, weight: 5 },
  { id: 'closure', nameZh: '结案率', nameEn: 'closure rate', formulaZh: '结案数 / 应结案数（已派遣，且已结案或超过处置时限）', formulaEn: 'closed / due for closure (dispatched, and closed or past the 处置时限)', higherIsBetter: true, weight: 15 },
  { id: 'onTimeClosure', nameZh: '按期结案率', nameEn: 'on-time closure rate', formulaZh: '按期结案数（结案且最后一次处置在处置时限内，返工后的再处置也算） / 应结案数', formulaEn: 'closed, with the last handling (a rework round’s too) within the 处置时限 / due for closure', higherIsBetter: true, weight: 15 },
  { id: 'rework', nameZh: '返工率', nameEn: 'rework rate', formulaZh: '被返工案件数 / 经过核查的案件数', formulaEn: 'cases sent back / cases checked', higherIsBetter: false, weight: 10 },
]

export const INDICATOR_BY_ID: ReadonlyMap<IndicatorId, IndicatorDefinition> = new Map(INDICATORS.map((d) => [d.id, d]))

export const ALL_INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((d) => d.id)
