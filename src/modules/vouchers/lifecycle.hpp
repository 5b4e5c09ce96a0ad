#pragma once
// A voucher application's lifecycle on the workflow engine:
//
//   submitted ──approve (operator, below the co-approval amount)──────────────▶ issued
//      │ recommend (operator, at or above it) ─▶ reviewed ──co_approve (finance bureau,
//      │                                          │          another person)──▶ issued
//      │ reject (reason) ◀────────────────────────┘ reject (reason)
//      ▼ withdraw (the enterprise)
//   rejected / withdrawn
//
// Issuing creates the voucher and moves its face value from the programme's budget to the
// voucher in the ledger, in the step's transaction; a budget that no longer covers it, or the
// enterprise's cap for the programme, refuses the step with the rule named. The operator answers
// within 10 working days, the finance bureau within 5 (our decision, docs/design/vouchers.md).

#include "workflow/definition.hpp"

namespace keyuan::vouchers {

inline constexpr int kReviewWorkingDays = 10;

workflow::Definition ApplicationDefinition();

}  // namespace keyuan::vouchers
