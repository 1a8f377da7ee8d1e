// What a citizen added to a report (Open311 attribute[code]) as lines of the case drawer: the name
// the service definition gives a code where the wall knows it, else the code as the client sent it
// (FixMyStreet's own fields, e.g. uprn). Shown as text only, like the description.
export interface AttributeLine {
  code: string
  name: string
  value: string
}

export function attributeLines(
  attributes: Record<string, string | string[]> | null,
  nameOf: (code: string) => string | null,
  separator: string,
): AttributeLine[] {
  return Object.entries(attributes ?? {}).map(([code, value]) => ({
    code, name: nameOf(code) ?? code, value: Array.isArray(value) ? value.join(separator) : value,
  }))
}
