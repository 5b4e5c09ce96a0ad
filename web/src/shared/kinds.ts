// What the server says about a registered kind (GET /kinds/{kind}): its fields, their types and
// limits, the enumeration values, and its workflow; and what the caller may do to one object now
// (GET /{collection}/{id}/actions, and each item's allowed_actions in a list). Forms and buttons
// follow these instead of copies in TypeScript.
import { api } from '@/shared/api'

export type FieldType =
  | 'text'
  | 'long_text'
  | 'int'
  | 'money'
  | 'date'
  | 'bool'
  | 'enum'
  | 'code'
  | 'ref'
  | 'enum_list'
  | 'string_list'

export interface FieldSpec {
  name: string
  type: FieldType
  required: boolean
  /** 0: no limit. */
  max_chars: number
  /** The values of an enum or enum_list (labels stay in the module's texts). */
  choices: string[]
  filter?: boolean
  range?: boolean
  sort?: boolean
  /** Computed by the server; never sent. */
  derived?: boolean
}

export interface WorkflowAction {
  action: string
  from: string[]
  to: string
  reason_required: boolean
}

export interface KindSpec {
  kind: string
  collection: string
  fields: FieldSpec[]
  workflow?: { states: string[]; actions: WorkflowAction[] }
}

/** What the caller may do to an object: update, submit, approve, return, withdraw. */
export type AllowedAction = 'update' | 'submit' | 'approve' | 'return' | 'withdraw'

/** A list item of a registered kind: for a caller who may act on the kind, the list says per
 * item what they may do to it now (the same as GET …/{id}/actions); absent for the others. */
export interface WithAllowedActions {
  id: string
  allowed_actions?: AllowedAction[]
}

/** True when the list said the caller may do `action` to the item now (no request per row). */
export function mayAct(item: WithAllowedActions, action: AllowedAction): boolean {
  return item.allowed_actions?.includes(action) ?? false
}

// One request per kind and page load: descriptions change only with a new server.
const specs = new Map<string, Promise<KindSpec>>()

export const kindsApi = {
  describe(kind: string): Promise<KindSpec> {
    let spec = specs.get(kind)
    if (!spec) {
      spec = api.get<KindSpec>(`/kinds/${encodeURIComponent(kind)}`)
      spec.catch(() => specs.delete(kind)) // a failed load is tried again next time
      specs.set(kind, spec)
    }
    return spec
  },
  async allowedActions(collection: string, id: string): Promise<Set<AllowedAction>> {
    const r = await api.get<{ allowed_actions: AllowedAction[] }>(`/${collection}/${encodeURIComponent(id)}/actions`)
    return new Set(r.allowed_actions)
  },
}
