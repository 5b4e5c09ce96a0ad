#include "changes/change_record.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "search/outbox.hpp"

namespace keyuan::changes {
namespace json = boost::json;

void Record(store::Session& s, const Actor& actor, const Change& change) {
    std::string id = std::to_string(change.object_id);
    std::optional<std::string> after_json = change.after_json;
    if (change.snapshot) {
        std::string snapshot = json::serialize(*change.snapshot);
        if (!after_json) after_json = snapshot;
        const Caller* caller = actor.caller;  // user 0 is the command line: no account
        // Sent, not waited for (Session::Send), as the audit line and the search outbox's rows.
        s.Send(
            "INSERT INTO object_versions (object_type, object_id, version, data_json, changed_by, changed_at) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            {change.object_type, change.object_id, change.version, std::move(snapshot),
             caller && caller->user_id ? store::Param(static_cast<long long>(caller->user_id)) : store::Param(nullptr),
             clock::NowUtc()});
    }
    if (change.index) search::RecordChange(s, change.object_type, change.object_id);
    audit::Record(s, actor,
                  {.event_type = change.object_type + "." + change.event,
                   .object_type = change.object_type,
                   .object_id = id,
                   .before_json = change.before_json,
                   .after_json = std::move(after_json),
                   .detail = change.detail});
}

json::object History(store::Session& s, std::string_view object_type, std::int64_t object_id) {
    store::Rows rows = s.Query(
        "SELECT version, data_json, changed_by, changed_at FROM object_versions WHERE object_type = $1 AND "
        "object_id = $2 ORDER BY version DESC",
        {std::string(object_type), object_id});
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{
            {"version", rows[i].Int(0)},
            {"data", json::parse(rows[i].Text(1))},
            {"changed_by", rows[i].IsNull(2) ? json::value(nullptr) : json::value(std::to_string(rows[i].Int(2)))},
            {"changed_at", rows[i].Text(3)}});
    }
    return json::object{{"items", std::move(items)}};
}

}  // namespace keyuan::changes
