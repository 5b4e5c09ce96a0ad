#include "modules/annual_reports/filing_status.hpp"

#include <stdexcept>

#include "modules/annual_reports/report_store.hpp"
#include "modules/annual_reports/rules.hpp"

namespace keyuan::annual_reports {

namespace {

std::vector<Pending> Read(const store::Rows& rows) {
    std::vector<Pending> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(Pending{.org_id = rows[i].Int(0),
                              .org_name = std::string(rows[i].Text(1)),
                              .department_code = std::string(rows[i].Text(2)),
                              .report_id = rows[i].OptInt(3),
                              .status = std::string(rows[i].Text(4))});
    }
    return out;
}

Date ParseStored(const std::string& text) {
    std::optional<Date> d = Date::Parse(text);
    if (!d) throw std::logic_error("annual_report_deadlines holds a malformed date: " + text);
    return *d;
}

}  // namespace

YearDue DueDates(store::Session& s, std::int64_t year, const WorkingCalendar& calendar) {
    Deadlines set = LoadDeadlines(s, year);
    return YearDue{.set = set,
                   .unit = EffectiveDue(ParseStored(set.unit_due_on), calendar),
                   .department = EffectiveDue(ParseStored(set.department_due_on), calendar)};
}

std::vector<Pending> UnitsNotFiled(store::Session& s, std::int64_t year, const std::optional<std::string>& department) {
    std::string sql =
        "SELECT o.id, o.name, COALESCE(o.department_code, ''), r.id, COALESCE(r.status, '') FROM organizations o "
        "LEFT JOIN annual_reports r ON r.org_id = o.id AND r.year = $1 WHERE o.status = 'approved' AND o.kind IN "
        "('university', 'research_institute', 'hospital') AND (r.id IS NULL OR r.status IN ('draft', 'returned'))";
    if (department) {
        return Read(s.Query(sql + " AND o.department_code = $2 ORDER BY o.id", {year, *department}));
    }
    return Read(s.Query(sql + " ORDER BY o.id", {year}));
}

std::vector<Pending> ReportsNotForwarded(store::Session& s, std::int64_t year,
                                         const std::optional<std::string>& department) {
    std::string sql =
        "SELECT o.id, o.name, COALESCE(r.department_code, ''), r.id, r.status FROM annual_reports r JOIN organizations "
        "o "
        "ON o.id = r.org_id WHERE r.year = $1 AND r.status IN ('submitted', 'accepted')";
    if (department) return Read(s.Query(sql + " AND r.department_code = $2 ORDER BY r.id", {year, *department}));
    return Read(s.Query(sql + " ORDER BY r.id", {year}));
}

}  // namespace keyuan::annual_reports
