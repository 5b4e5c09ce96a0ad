// The value a form holds for a described field, and what it sends: pure functions so that a form
// generated from a description loads and saves every field the same way.
import type { FieldSpec } from '@/shared/kinds'

export type FieldValue = string | number | boolean | string[] | null

/** The value of a new, empty form. */
export function emptyValue(field: FieldSpec): FieldValue {
  switch (field.type) {
    case 'bool':
      return false
    case 'enum_list':
    case 'string_list':
      return []
    case 'int':
    case 'money':
    case 'date':
      return null
    default:
      return ''
  }
}

/** The form's value for what the server sent (null and absent become the empty value). */
export function formValue(field: FieldSpec, stored: unknown): FieldValue {
  if (stored === null || stored === undefined) return emptyValue(field)
  if (field.type === 'bool') return !!stored
  if (Array.isArray(stored)) return stored.map(String)
  return stored as FieldValue
}

/** What to send for the form's value: single-line text trimmed, an empty choice or date as null. */
export function requestValue(field: FieldSpec, value: FieldValue): FieldValue {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? value.trim() : value
    case 'code':
    case 'ref':
    case 'enum':
    case 'date':
      return value === '' || value === undefined ? null : value
    case 'int':
    case 'money':
      return value === '' || value === undefined ? null : value
    default:
      return value
  }
}
