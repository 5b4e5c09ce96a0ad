#include "modules/achievements/service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "modules/achievements/counts.hpp"

namespace keyuan::achievements {
namespace json = boost::json;

void MarkTransformedByContract(store::Session& s, const Actor& actor, const ContractTransformation& t) {
    // The counters take the achievement away as it was counted and add it back as it is now.
    CountAchievement(s, t.achievement_id, -1);
    s.Execute("DELETE FROM achievement_statuses WHERE achievement_id = $1 AND code IN ('4', '5')", {t.achievement_id});
    s.Execute(
        "INSERT INTO achievement_statuses (achievement_id, code) VALUES ($1, '2') "
        "ON CONFLICT (achievement_id, code) DO NOTHING",
        {t.achievement_id});
    s.Execute("UPDATE achievements SET updated_at = $1 WHERE id = $2", {clock::NowUtc(), t.achievement_id});
    CountAchievement(s, t.achievement_id, +1);
    json::object after{{"contract_id", std::to_string(t.contract_id)},
                       {"registration_no", t.registration_no},
                       {"mode", t.mode},
                       {"statuses_added", json::array{"2"}}};
    changes::Record(s, actor,
                    {.object_type = "achievement",
                     .object_id = t.achievement_id,
                     .event = "transformed",
                     .after_json = json::serialize(after),
                     .index = true});
}

}  // namespace keyuan::achievements
