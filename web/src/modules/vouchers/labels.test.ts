import { describe, expect, it } from 'vitest'
import { reviewSteps } from './labels'
import type { ApplicationAction } from './types'

const all: ApplicationAction[] = ['approve', 'recommend', 'reject', 'withdraw']

describe('reviewSteps', () => {
  it('lets the operator approve alone below the co-approval amount', () => {
    expect(reviewSteps({ allowed_actions: all, amount_fen: 4_999_999 }, 5_000_000)).toEqual(['approve', 'reject'])
  })
  it('sends an amount at or above it to the finance bureau', () => {
    expect(reviewSteps({ allowed_actions: all, amount_fen: 5_000_000 }, 5_000_000)).toEqual(['recommend', 'reject'])
  })
  it('keeps what the server allows when the programme is not known', () => {
    expect(reviewSteps({ allowed_actions: ['co_approve', 'reject'], amount_fen: 1 }, undefined)).toEqual(['co_approve', 'reject'])
  })
})
