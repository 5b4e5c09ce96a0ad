#include "modules/challenges/challenge_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

constexpr const char* kChallengeSelect =
    "SELECT id, title, problem, requirements, reward_fen, reward_split, application_deadline, delivery_months, "
    "department_code, publisher_org_id, contact_name, contact_phone, status, version, reason, award_reason, "
    "published_at, created_by, created_at, updated_at FROM challenges WHERE id = $1";

std::vector<std::string> ListOf(std::string_view text) {
    std::vector<std::string> out;
    json::value v = json::parse(text);
    for (const json::value& item : v.as_array()) out.emplace_back(item.as_string());
    return out;
}

std::string JsonList(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& i : items) out.push_back(json::string(i));
    return json::serialize(out);
}

json::array StringsArray(const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& i : items) out.push_back(json::string(i));
    return out;
}

void LinkIndustries(store::Session& s, std::int64_t id, const std::vector<std::string>& codes) {
    s.Execute("DELETE FROM challenge_industries WHERE challenge_id = $1", {id});
    for (const std::string& code : codes) {
        s.Execute("INSERT INTO challenge_industries (challenge_id, code) VALUES ($1, $2)", {id, code});
    }
}

}  // namespace

std::optional<Challenge> LoadChallenge(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kChallengeSelect, {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows[0];
    Challenge c{.id = r.Int(0),
                .version = r.Int(13),
                .created_by = r.Int(17),
                .publisher_org_id = r.OptInt(9),
                .status = std::string(r.Text(12)),
                .department_code = std::string(r.Text(8)),
                .reason = std::string(r.Text(14)),
                .award_reason = std::string(r.Text(15)),
                .created_at = std::string(r.Text(18)),
                .updated_at = std::string(r.Text(19)),
                .published_at = r.OptText(16),
                .in = {.title = std::string(r.Text(1)),
                       .problem = std::string(r.Text(2)),
                       .reward_split = std::string(r.Text(5)),
                       .application_deadline = std::string(r.Text(6)),
                       .contact_name = std::string(r.Text(10)),
                       .contact_phone = std::string(r.Text(11)),
                       .requirements = ListOf(r.Text(3)),
                       .reward_fen = r.Int(4),
                       .delivery_months = r.Int(7)}};
    store::Rows codes = s.Query("SELECT code FROM challenge_industries WHERE challenge_id = $1 ORDER BY code", {id});
    for (std::size_t i = 0; i < codes.size(); ++i) c.in.industry_codes.emplace_back(codes[i].Text(0));
    return c;
}

access::ObjectScope ScopeOf(const Challenge& c) {
    return access::ObjectScope{
        .owner_user_id = c.created_by, .org_id = c.publisher_org_id, .department_code = c.department_code};
}

bool IsPublic(const Challenge& c) {
    return c.status != "draft";
}

std::int64_t InsertChallenge(store::Session& s, const ChallengeInput& in, const std::string& department_code,
                             std::optional<std::int64_t> publisher_org_id, std::int64_t user_id) {
    std::int64_t id =
        s.Query(
             "INSERT INTO challenges (title, problem, requirements, reward_fen, reward_split, application_deadline, "
             "delivery_months, department_code, publisher_org_id, contact_name, contact_phone, created_by, "
             "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) "
             "RETURNING id",
             {in.title, in.problem, JsonList(in.requirements), in.reward_fen, in.reward_split, in.application_deadline,
              in.delivery_months, department_code,
              publisher_org_id ? store::Param(*publisher_org_id) : store::Param(nullptr), in.contact_name,
              in.contact_phone, user_id, clock::NowUtc()})
            .front()
            .Int(0);
    LinkIndustries(s, id, in.industry_codes);
    return id;
}

void UpdateChallenge(store::Session& s, const Challenge& before, const ChallengeInput& in) {
    store::UpdateGuarded(
        s, {.table = "challenges", .id = before.id, .version = before.version, .status = before.status},
        "title = $1, problem = $2, requirements = $3, reward_fen = $4, reward_split = $5, "
        "application_deadline = $6, delivery_months = $7, contact_name = $8, contact_phone = $9, "
        "updated_at = $10",
        {in.title, in.problem, JsonList(in.requirements), in.reward_fen, in.reward_split, in.application_deadline,
         in.delivery_months, in.contact_name, in.contact_phone, clock::NowUtc()});
    LinkIndustries(s, before.id, in.industry_codes);
}

json::object ChallengeJson(store::Session& s, const Challenge& c) {
    std::string publisher = "北京市科技条件平台运营机构";
    std::string publisher_en = "The platform operator";
    if (!c.department_code.empty()) {
        store::Rows d = s.Query("SELECT name, name_en FROM departments WHERE code = $1", {c.department_code});
        if (!d.empty()) {
            publisher = std::string(d[0].Text(0));
            publisher_en = std::string(d[0].Text(1));
        }
    }
    store::Rows counts = s.Query(
        "SELECT COUNT(*) FROM challenge_applications WHERE challenge_id = $1 AND status <> 'withdrawn'", {c.id});
    Date today = *Date::Parse(clock::TodayShanghai());
    std::int64_t days_left = Date::Parse(c.in.application_deadline)->days() - today.days();
    return json::object{
        {"id", std::to_string(c.id)},
        {"status", c.status},
        {"version", c.version},
        {"title", c.in.title},
        {"problem", c.in.problem},
        {"requirements", StringsArray(c.in.requirements)},
        {"industry_codes", StringsArray(c.in.industry_codes)},
        {"reward_fen", c.in.reward_fen},
        {"reward_split", c.in.reward_split},
        {"application_deadline", c.in.application_deadline},
        {"days_left", days_left < 0 ? 0 : days_left},
        {"delivery_months", c.in.delivery_months},
        {"publisher",
         json::object{{"kind", c.department_code.empty() ? "operator" : "department"},
                      {"department_code", c.department_code},
                      {"org_id", c.publisher_org_id ? json::value(std::to_string(*c.publisher_org_id)) : nullptr},
                      {"name", publisher},
                      {"name_en", publisher_en}}},
        {"contact_name", c.in.contact_name},
        {"contact_phone", c.in.contact_phone},
        {"applications_count", counts.front().Int(0)},
        {"reason", c.reason},
        {"award_reason", c.award_reason},
        {"published_at", c.published_at ? json::value(*c.published_at) : nullptr},
        {"created_at", c.created_at},
        {"updated_at", c.updated_at}};
}

}  // namespace keyuan::challenges
