// The State Council's public holidays (法定节假日) and the weekend days worked in exchange (调休上班),
// as published each November for the next year. Holidays list every day off, weekends included.
// A district can correct or extend these with DATA_DIR/holidays.json (server/domain/holiday-calendar.ts).
//
// 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12.
// 2026: 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (新华社北京11月4日电).
// 2027: not yet published when this was written; add it to holidays.json when it is.

export interface HolidayYear {
  /** yyyy-MM-dd days off. */
  holidays: readonly string[]
  /** yyyy-MM-dd Saturdays and Sundays that are working days (调休). */
  workdays: readonly string[]
}

/** The days from `from` to `to`, both included, as yyyy-MM-dd. */
function span(from: string, to: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

export const OFFICIAL_HOLIDAYS: Readonly<Record<string, HolidayYear>> = {
  2025: {
    holidays: [
      '2025-01-01', // 元旦
      ...span('2025-01-28', '2025-02-04'), // 春节
      ...span('2025-04-04', '2025-04-06'), // 清明节
      ...span('2025-05-01', '2025-05-05'), // 劳动节
      ...span('2025-05-31', '2025-06-02'), // 端午节
      ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
}
