#include "modules/delivery/usage_store.hpp"

#include "modules/delivery/usage_sql.hpp"

namespace keyuan::delivery {

UsageReport ReadUsage(store::Session& s, const UsageQuery& query) {
    UsageStatement statement = BuildUsageStatement(query);
    store::Rows rows = s.Query(statement.sql, statement.params);
    UsageReport report{.query = query};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        UsageRow row;
        if (query.group == UsageGroup::kMonth) {
            row.key = r.OptText(2);
        } else if (auto id = r.OptInt(1)) {
            row.key = std::to_string(*id);
        }
        if (query.group == UsageGroup::kResource) row.resource_kind = r.Text(0);
        row.name = r.OptText(3);
        std::size_t column = 4;
        for (std::int64_t UsageFigures::*count : kUsageCounts) row.figures.*count = r.Int(column++);
        report.rows.push_back(std::move(row));
    }
    FinishReport(report);
    return report;
}

}  // namespace keyuan::delivery
