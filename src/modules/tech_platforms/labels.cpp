// The label's clock (seed 001 四: valid for 3 years, then re-apply), one hourly job:
//  - kRenewalNoticeDays before the end, the unit's administrators hear once that they may re-apply
//    (a dedupe key per platform, so a job that runs again queues nothing twice);
//  - after the end, the label becomes `expired` (a conditional write, audited) and the unit hears of it;
//    the public list stops showing it at once, by date, whether or not the job has run.
#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "modules/notifications/service.hpp"
#include "modules/tech_platforms/lifecycle.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "modules/tech_platforms/rules.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;

namespace {

std::int64_t RunLabels(store::Database& db) {
    Date today = *Date::Parse(clock::TodayShanghai());
    std::string notice_from = today.AddDays(kRenewalNoticeDays).ToString();
    store::Rows due;
    db.Read([&](store::Session& s) {
        due = s.Query(
            "SELECT id FROM tech_platforms WHERE label_status = 'valid' AND (label_valid_until < $1 OR "
            "(renewal_notified = 0 AND label_valid_until <= $2)) ORDER BY id LIMIT 1000",
            {today.ToString(), notice_from});
    });
    Actor system{.ip = "", .request_id = "job:tech_platforms.labels"};
    std::int64_t changed = 0;
    for (std::size_t i = 0; i < due.size(); ++i) {
        db.Write([&](store::Session& s) {
            Platform p = *LoadPlatform(s, due[i].Int(0));
            if (p.label_status != "valid") return;
            Date until = *Date::Parse(*p.label_valid_until);
            json::object params{
                {"platform_id", std::to_string(p.id)}, {"name", p.name()}, {"until", *p.label_valid_until}};
            if (until < today) {
                store::UpdateGuarded(s,
                                     {.table = "tech_platforms", .id = p.id, .version = p.version, .status = p.status},
                                     "label_status = 'expired', updated_at = $1", {clock::NowUtc()});
                changes::Record(s, system, {.object_type = kKind, .object_id = p.id, .event = "label_expired"});
                notifications::NotifyUnit(s, p.org_id, "tech_platform_label_expired", params);
            } else if (RenewalNoticeDue(until, today)) {
                store::UpdateGuarded(s,
                                     {.table = "tech_platforms", .id = p.id, .version = p.version, .status = p.status},
                                     "renewal_notified = 1", {});
                changes::Record(s, system, {.object_type = kKind, .object_id = p.id, .event = "renewal_notified"});
                notifications::NotifyUnit(s, p.org_id, "tech_platform_renewal_due", params);
            } else {
                return;
            }
            ++changed;
        });
    }
    return changed;
}

}  // namespace

void AddLabelJob(modules::ModuleContext& context) {
    store::Database& db = context.db;
    context.scheduler.Add({.name = "tech_platforms.labels", .every_seconds = 3600, .run = [&db] {
                               if (std::int64_t n = RunLabels(db))
                                   log::Info("tech platform labels", {{"changed", std::to_string(n)}});
                           }});
}

}  // namespace keyuan::tech_platforms
