#pragma once
// Reports in the database: read one, write its contents (the JSON document, the figures statistics
// sum, the contract rows), the platform's pre-fill, and the year's due dates.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "access/policy.hpp"
#include "core/date.hpp"
#include "modules/annual_reports/model.hpp"
#include "store/database.hpp"

namespace keyuan::annual_reports {

struct Report {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string org_name;
    std::string department_code;
    std::int64_t year = 0;
    std::string status;
    std::int64_t version = 0;
    std::string reason;
    Content content;
    std::optional<std::string> submitted_at, forwarded_at;
    std::string created_at, updated_at;

    access::ObjectScope scope() const { return {.org_id = org_id, .department_code = department_code}; }
};

std::optional<Report> LoadReport(store::Session& s, std::int64_t id);

/// The report, 404 when it does not exist or `caller` may not do `action` on it.
Report ReportFor(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                 std::string_view action);

/// Checks the links of the rows (an achievement of the unit, not secret: 422 by path), then writes the
/// contents, the figures and the contract rows of report `id`.
void WriteContent(store::Session& s, std::int64_t id, std::int64_t org_id, const Content& content);

/// What the platform holds for the unit and year: its achievements transformed by the year's end
/// (status 1 or 2, approved, not secret), one row each, to be confirmed by the unit.
Content Prefill(store::Session& s, std::int64_t org_id, std::int64_t year);

/// The year's due dates as set, or the defaults.
Deadlines LoadDeadlines(store::Session& s, std::int64_t year);

/// The report as the API shows it, with the actions `allowed` to the caller.
boost::json::object ReportJson(const Report& r, const boost::json::array& allowed_actions);

}  // namespace keyuan::annual_reports
