#pragma once
// Purchase checks as stored (purchase_checks) and as the API shows them. The form's plain fields
// are declared once (kTextFields …) and drive validation, inserts, updates and the JSON alike.

#include <boost/json/object.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::purchase_checks {

inline constexpr std::string_view kKind = "purchase_check";

struct TextField {
    std::string_view name;  // the column and the JSON key
    std::size_t max_chars;
    bool required;
};
inline constexpr std::array<TextField, 10> kTextFields{{{"name", 200, true},
                                                        {"model", 100, false},
                                                        {"manufacturer", 200, false},
                                                        {"country", 60, false},
                                                        {"key_specs", 4000, false},
                                                        {"purpose", 2000, false},
                                                        {"discipline", 200, false},
                                                        {"expected_users", 1000, false},
                                                        {"open_plan", 2000, false},
                                                        {"why_not_existing", 4000, false}}};
inline constexpr std::array<std::string_view, 5> kFundingSources{"central_fiscal", "city_fiscal", "district_fiscal",
                                                                 "own", "other"};

/// What the workflow and the policy need of a check, in one small query.
struct CheckHead {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string department_code, district_code, status, name, class_code;
    std::int64_t version = 0;
    std::int64_t budget_fen = 0;
    std::int64_t created_by = 0;
};
std::optional<CheckHead> LoadHead(store::Session& s, std::int64_t id);
/// Whose a check is: the unit, its department and district, its assigned experts.
access::ObjectScope ScopeOf(store::Session& s, const CheckHead& head);

/// The check as the API shows it (without allowed_actions): every field, the quotes, the files,
/// the similar instruments as frozen at submission, the decision, the linked instrument.
boost::json::object CheckJson(store::Session& s, std::int64_t id);

struct Settings {
    std::int64_t threshold_fen = 0;
    std::int64_t saturation_hours = 0;
    std::int64_t version = 0;
    std::string updated_at;
};
Settings LoadSettings(store::Session& s);

}  // namespace keyuan::purchase_checks
