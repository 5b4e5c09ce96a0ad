// The steps that carry data, and the operator's settings:
//   POST /api/v1/purchase-checks/{id}/recommend       {reason, basis: ["no_comparable", …]}
//   POST /api/v1/purchase-checks/{id}/advise_sharing  {reason, basis: ["comparable_available", …]}
//   POST /api/v1/purchase-checks/{id}/instrument      {instrument_id}: the unit links what it bought
//   GET  /api/v1/purchase-check-settings ; PUT {threshold_fen, saturation_hours} (operator, If-Match)
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/purchase_checks/check_form.hpp"
#include "modules/purchase_checks/lifecycle.hpp"
#include "modules/purchase_checks/module_parts.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;
using http::Request;

namespace {

struct Decision {
    std::string reason;
    std::vector<std::string> basis;
};

Decision ReadDecision(const json::object& body, const std::vector<std::string>& allowed) {
    http::JsonReader reader(body);
    auto reason = http::ReadString(reader, kDecisionReason);
    auto basis = reader.StringList("basis", true, allowed.size(), 40);
    std::vector<FieldError> problems = reader.Collect();
    FieldErrors errors;
    for (FieldError& e : problems) errors.Add(e.field, e.message.zh, e.message.en);
    std::string list;
    for (const std::string& b : allowed) list += (list.empty() ? "" : ", ") + b;
    if (basis && basis->empty()) errors.Add("basis", "至少一项依据：" + list, "At least one basis: " + list);
    for (std::size_t i = 0; basis && i < basis->size(); ++i) {
        if (std::find(allowed.begin(), allowed.end(), (*basis)[i]) == allowed.end())
            errors.Add("basis[" + std::to_string(i) + "]", "须为以下之一：" + list, "One of: " + list);
    }
    errors.ThrowIfAny();
    return Decision{*reason, *basis};
}

json::object SettingsJson(const Settings& settings) {
    return json::object{{"threshold_fen", settings.threshold_fen},
                        {"saturation_hours", settings.saturation_hours},
                        {"version", settings.version},
                        {"updated_at", settings.updated_at}};
}

void RegisterDecision(modules::ModuleContext& context, const workflow::Workflow& lifecycle, const std::string& action,
                      const std::vector<std::string>& allowed) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    context.router.Post(
        kBase + std::string("/{id}/") + action, [&db, &policy, &lifecycle, action, allowed](Request& r) {
            std::int64_t id = http::PathId(r);
            db.Read([&](store::Session& s) { Authorized(s, policy, r.caller.get(), id, ".decide"); });
            Decision d = ReadDecision(http::ParseJsonObject(r), allowed);
            json::object answer;
            db.Write([&](store::Session& s) {
                // The basis first, in the same transaction: the transition's effect checks it and the
                // answer (and the history's snapshot) shows it; a refused transition takes it back.
                json::array basis;
                for (const std::string& b : d.basis) basis.emplace_back(b);
                s.Execute("UPDATE purchase_checks SET decision_basis = $2 WHERE id = $1", {id, json::serialize(basis)});
                answer = lifecycle.Apply(s, r.caller.get(), id, action, d.reason, r.ToActor());
            });
            return http::JsonResponse(200, answer);
        });
}

}  // namespace

void RegisterDecisionRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    RegisterDecision(context, lifecycle, "recommend", BasisFor());
    RegisterDecision(context, lifecycle, "advise_sharing", BasisAgainst());
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post(kBase + std::string("/{id}/instrument"), [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        db.Read([&](store::Session& s) { Authorized(s, policy, r.caller.get(), id, ".link"); });
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        auto given = http::ReadString(reader, kLinkedInstrument);
        reader.Finish();
        std::optional<std::int64_t> instrument = ParseId(*given);
        json::object answer;
        db.Write([&](store::Session& s) {
            CheckHead head = Authorized(s, policy, r.caller.get(), id, ".link");
            if (head.status != "recommended") throw ApiError(workflow::WrongState(head.status));
            store::Rows rows =
                s.Query("SELECT org_id, class_code, status FROM instruments WHERE id = $1", {instrument.value_or(0)});
            if (!instrument || rows.empty() || rows[0].Int(0) != head.org_id || rows[0].Text(2) == "withdrawn") {
                throw ApiError(Error::Validation(
                    {{"instrument_id", {"须为本单位已登记的仪器", "An instrument registered by your unit"}}}));
            }
            // Conditional: a check links once, an instrument to one check (the unique index).
            std::int64_t linked = s.Execute(
                "UPDATE purchase_checks SET instrument_id = $2, linked_at = $3, version = version + 1, updated_at = $3 "
                "WHERE id = $1 AND instrument_id IS NULL AND NOT EXISTS (SELECT 1 FROM purchase_checks o "
                "WHERE o.instrument_id = $2)",
                {id, *instrument, clock::NowUtc()});
            if (linked == 0) {
                throw ApiError(
                    Error::Conflict("该查重记录已关联仪器，或该仪器已关联其他查重记录",
                                    "The check is linked already, or the instrument is linked to another check"));
            }
            answer = CheckJson(s, id);
            changes::Record(s, r.ToActor(),
                            {.object_type = std::string(kKind),
                             .object_id = id,
                             .event = "instrument_linked",
                             .snapshot = &answer,
                             .version = answer.at("version").as_int64(),
                             .detail = "instrument " + std::to_string(*instrument)});
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get("/api/v1/purchase-check-settings", [&db](Request& r) {
        r.SignedIn();
        json::object answer;
        db.Read([&](store::Session& s) { answer = SettingsJson(LoadSettings(s)); });
        return http::JsonResponse(200, answer);
    });

    context.router.Put("/api/v1/purchase-check-settings", [&db, &policy](Request& r) {
        policy.Authorize(r.caller.get(), "purchase_check_settings.update", access::ObjectScope{});
        json::object body = http::ParseJsonObject(r);
        std::optional<std::int64_t> expected = http::ExpectedVersion(r, body);
        body.erase("version");
        http::JsonReader reader(body);
        auto threshold = http::ReadInt(reader, kThreshold);
        auto hours = http::ReadInt(reader, kSaturation);
        reader.Finish();
        json::object answer;
        db.Write([&](store::Session& s) {
            Settings before = LoadSettings(s);
            std::int64_t changed = s.Execute(
                "UPDATE purchase_check_settings SET threshold_fen = $1, saturation_hours = $2, version = version + 1, "
                "updated_by = $3, updated_at = $4 WHERE id = 1 AND version = $5",
                {*threshold, *hours, r.caller->user_id, clock::NowUtc(), expected.value_or(before.version)});
            if (changed == 0) {
                throw ApiError(
                    Error::Conflict("设置已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
            }
            answer = SettingsJson(LoadSettings(s));
            changes::Record(s, r.ToActor(),
                            {.object_type = "purchase_check_settings",
                             .object_id = 1,
                             .event = "updated",
                             .before_json = json::serialize(SettingsJson(before)),
                             .after_json = json::serialize(answer)});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::purchase_checks
