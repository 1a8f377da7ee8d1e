// One problem found in an import file. Every problem names where it is: a feature (by its index in
// the file, and its code when it has one) or a CSV line (and column), so an operator can fix the
// source file without guessing. A file with any problem is rejected whole.

export interface ImportError {
  /** Index of the feature in the file (0-based, as in the array). */
  feature?: number
  /** The feature's or row's area code, when it has one. */
  code?: string
  /** CSV line number (1-based; the header is line 1). */
  line?: number
  /** The property or column at fault. */
  field?: string
  problem: string
}

export type Validated<T> = ({ errors?: undefined } & T) | { errors: ImportError[] }

/** `feature 12 (350111100012003): ring 0 is not closed`, `line 3, column residents: …`. */
export function formatImportError(e: ImportError): string {
  if (e.feature != null) return `feature ${e.feature}${e.code ? ` (${e.code})` : ''}: ${e.problem}`
  if (e.line != null) return `line ${e.line}${e.field ? `, column ${e.field}` : ''}: ${e.problem}`
  return e.problem
}

/** Collects the problems of one feature without repeating its index and code at every call. */
export function featureReporter(errors: ImportError[], feature: number, code?: string) {
  return (problem: string, field?: string) => {
    errors.push({ feature, ...(code ? { code } : {}), ...(field ? { field } : {}), problem })
  }
}

export type Report = ReturnType<typeof featureReporter>
