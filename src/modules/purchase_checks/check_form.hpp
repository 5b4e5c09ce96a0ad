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

#include "store/database.hpp"

namespace keyuan::purchase_checks {

inline constexpr std::int64_t kMaxFen = 10'000'000'000'000;  // 1,000亿元: beyond any instrument
inline constexpr std::size_t kMaxQuotes = 5;
inline constexpr std::int64_t kQuotesRequired = 3;

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
