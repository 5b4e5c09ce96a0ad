import { describe, expect, it } from 'vitest'
import { mayAct } from './kinds'

describe('mayAct', () => {
  it("answers from the item's own allowed actions, and none when the list gave none", () => {
    const draft = { id: 'a', allowed_actions: ['update' as const, 'submit' as const] }
    expect([mayAct(draft, 'submit'), mayAct(draft, 'update'), mayAct(draft, 'approve')]).toEqual([true, true, false])
    expect(mayAct({ id: 'b', allowed_actions: [] }, 'withdraw')).toBe(false)
    // A visitor's list carries no allowed_actions at all: no buttons.
    expect(mayAct({ id: 'c' }, 'update')).toBe(false)
  })
})
