// A construction plan as the unit writes it (seed 001 四(一)): every text within its limit, a field of
// the 高精尖 catalog, equipment from the unit's own approved instruments. Every bad field is named.
#include <algorithm>

#include "core/id.hpp"
#include "http/json.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "modules/tech_platforms/rules.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;

Plan ReadPlan(store::Session& s, const json::object& body, std::int64_t org_id, bool with_previous) {
    http::JsonReader reader(body);
    Plan plan;
    for (const PlanField& f : PlanFields()) {
        auto text = reader.String(f.name, {.required = true, .max_chars = f.max_chars, .min_chars = 1});
        plan.texts[std::string(f.name)] = text.value_or("");
    }
    auto field = reader.String("field_id", {.required = true, .max_chars = 20, .min_chars = 1});
    auto instruments = reader.StringList("instrument_ids", false, kMaxInstruments, 20);
    if (with_previous) reader.String("previous_id", {.max_chars = 20});
    std::vector<FieldError> found = reader.Collect();
    FieldErrors errors;
    for (FieldError& e : found) errors.Add(e.field, e.message.zh, e.message.en);
    if (field) {
        std::optional<std::int64_t> id = ParseId(*field);
        if (!id || s.Query("SELECT 1 FROM hitech_industries WHERE id = $1", {*id}).empty()) {
            errors.Add("field_id", "须为高精尖产业目录中的领域", "Must be an industry of the high-tech catalog");
        } else {
            plan.field_id = *id;
        }
    }
    if (instruments) {
        for (std::size_t i = 0; i < instruments->size(); ++i) {
            std::string name = "instrument_ids." + std::to_string(i);
            std::optional<std::int64_t> id = ParseId((*instruments)[i]);
            // Only the unit's own approved instruments: another unit's is refused like a missing one.
            if (!id || s.Query("SELECT 1 FROM instruments WHERE id = $1 AND org_id = $2 AND status = 'approved'",
                               {*id, org_id})
                           .empty()) {
                errors.Add(name, "须为本单位已登记的仪器", "Must be an approved instrument of your unit");
            } else if (std::find(plan.instrument_ids.begin(), plan.instrument_ids.end(), *id) !=
                       plan.instrument_ids.end()) {
                errors.Add(name, "仪器重复", "Listed twice");
            } else {
                plan.instrument_ids.push_back(*id);
            }
        }
    }
    errors.ThrowIfAny();
    return plan;
}

}  // namespace keyuan::tech_platforms
