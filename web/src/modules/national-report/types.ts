// The national report's check (GET /api/v1/national-report/instruments?year=Y&check=1): the
// records of the year's workbook that lack a required element of the national platform.

export type ReportSheet = '仪器设备' | '服务记录'

/** One required element missing from one record, as the server's 校验 sheet names it. */
export interface CheckProblem {
  sheet: ReportSheet | string
  /** The record's id here (an instrument or a delivery), or 全部 for every record. */
  id: string
  name: string
  /** The element: the workbook's Chinese header. */
  element: string
  /** Why, in Chinese (the file's language). */
  message: string
  /** The instrument the record is of; empty for a line about every record. */
  instrument_id: string
}

export interface NationalCheck {
  year: number
  threshold_fen: number
  /** Rows of the 仪器设备 and 服务记录 sheets. */
  instruments: number
  services: number
  problems: CheckProblem[]
}
