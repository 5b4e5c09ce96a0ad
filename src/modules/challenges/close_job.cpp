// The deadline's clock: every hour, published challenges whose application deadline (a whole day,
// Asia/Shanghai) has passed are closed through the lifecycle's `close` transition, as the system,
// each in its own transaction (a publisher closing one at the same moment: one of the two wins, the
// other's 409 is expected and skipped). Applications are refused after the deadline whether or not
// the job has run (application_routes.cpp).
#include "core/clock.hpp"
#include "core/log.hpp"
#include "modules/challenges/module_parts.hpp"

namespace keyuan::challenges {

namespace {

std::int64_t CloseDue(store::Database& db, const workflow::Workflow& lifecycle) {
    store::Rows due;
    db.Read([&](store::Session& s) {
        due = s.Query(
            "SELECT id FROM challenges WHERE status = 'published' AND application_deadline < $1 ORDER BY id LIMIT 1000",
            {clock::TodayShanghai()});
    });
    // The platform itself acts: the operator's grant, no user behind it (the step's actor is 0).
    static const Caller kSystem{.user_id = 0, .username = "system", .roles = {Role::kOperator}};
    Actor actor{.caller = nullptr, .ip = "", .request_id = "job:challenges.close"};
    std::int64_t closed = 0;
    for (std::size_t i = 0; i < due.size(); ++i) {
        try {
            lifecycle.Run(db, &kSystem, due[i].Int(0), "close", "", actor);
            ++closed;
        } catch (const ApiError& e) {
            log::Info("challenge not closed", {{"id", std::to_string(due[i].Int(0))}, {"why", e.error().message.en}});
        }
    }
    return closed;
}

}  // namespace

void AddCloseJob(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    context.scheduler.Add({.name = "challenges.close", .every_seconds = 3600, .run = [&db, &lifecycle] {
                               if (std::int64_t n = CloseDue(db, lifecycle))
                                   log::Info("challenges closed at their deadline", {{"count", std::to_string(n)}});
                           }});
}

}  // namespace keyuan::challenges
