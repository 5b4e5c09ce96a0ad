#pragma once
// The check's form as a unit fills it: read from a request (every bad field named), written as an
// INSERT (a new draft) or an UPDATE of the fields given (PATCH), and checked for completeness at
// submission (three quotes when the check is required).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/body_fields.hpp"
#include "modules/purchase_checks/check_store.hpp"
#include "store/database.hpp"

namespace keyuan::purchase_checks {

inline constexpr std::int64_t kMaxFen = 10'000'000'000'000;  // 1,000亿元: beyond any instrument
inline constexpr std::size_t kMaxQuotes = 5;
inline constexpr std::int64_t kQuotesRequired = 3;

// The form's other fields, read by ReadForm and described in the OpenAPI document (route_docs.cpp)
// from these declarations; "required" is for a new check (a PATCH requires none).
using Type = http::BodyField::Type;
inline const http::BodyField kClassCode{.name = "class_code", .required = true, .max_chars = 20, .min_chars = 1};
inline const http::BodyField kBudget{
    .name = "budget_fen", .type = Type::kInteger, .required = true, .min = 1, .max = kMaxFen};
inline const http::BodyField kFunding{.name = "funding_source",
                                      .type = Type::kEnum,
                                      .required = true,
                                      .allowed = {kFundingSources.begin(), kFundingSources.end()}};
inline const http::BodyField kExpectedHours{
    .name = "expected_hours", .type = Type::kInteger, .min = 0, .max = 8784, .description = "a leap year's hours"};
inline const http::BodyField kSiteReady{.name = "site_ready", .type = Type::kBoolean};
inline const http::BodyField kRunningCostReady{.name = "running_cost_ready", .type = Type::kBoolean};
/// One quote of `quotes` (at most kMaxQuotes).
inline const std::vector<http::BodyField> kQuoteFields{
    {.name = "supplier", .required = true, .max_chars = 200, .min_chars = 1},
    {.name = "model", .max_chars = 100},
    {.name = "price_fen", .type = Type::kInteger, .required = true, .min = 1, .max = kMaxFen},
    {.name = "note", .max_chars = 500}};
/// The operator's settings (PUT /api/v1/purchase-check-settings): from 1元; a leap year's hours.
inline const http::BodyField kThreshold{
    .name = "threshold_fen", .type = Type::kInteger, .required = true, .min = 100, .max = kMaxFen};
inline const http::BodyField kSaturation{
    .name = "saturation_hours", .type = Type::kInteger, .required = true, .min = 1, .max = 8784};
/// A decision's reason (its `basis` is one of the lifecycle's lists) and the linked instrument.
inline const http::BodyField kDecisionReason{.name = "reason", .required = true, .max_chars = 500, .min_chars = 1};
inline const http::BodyField kLinkedInstrument{
    .name = "instrument_id", .required = true, .max_chars = 20, .min_chars = 1};
/// The form's fields for a new check (text fields from kTextFields), without `quotes`.
std::vector<http::BodyField> FormFields();

/// The fields given, as columns and values; `quotes` is the JSON text of the rows.
struct Form {
    std::vector<std::pair<std::string, store::Param>> columns;
    bool Has(std::string_view column) const;
};

/// Reads the body: with `partial` (PATCH) every field is optional, otherwise name, class_code,
/// budget_fen and funding_source are required. Checks the class against instrument_classes.
/// Throws ApiError 422 naming every bad field (`quotes[1].price_fen`).
Form ReadForm(store::Session& s, const boost::json::object& body, bool partial);

/// A new draft of `org_id`; returns its id.
std::int64_t InsertCheck(store::Session& s, const Form& form, std::int64_t org_id, std::int64_t user_id);

/// Writes the fields given if the check is still at `version` (If-Match) and in a state the unit
/// edits (draft, returned); false when another change won.
bool UpdateCheck(store::Session& s, std::int64_t id, std::int64_t version, const Form& form);

/// Refuses submission of an incomplete check (422 naming each field): a required check (budget at
/// or above the threshold) needs three quotes and the reason existing instruments do not serve.
void RequireComplete(store::Session& s, std::int64_t id, bool required);

}  // namespace keyuan::purchase_checks
