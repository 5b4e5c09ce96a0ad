// The applying unit's proposal (揭榜方案), read and bounded once: every bad field named in one 422.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "modules/challenges/module_parts.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

/// The team: 1–30 members, each {name (1–50), title (≤ 50), role (≤ 100)}; problems named team[i].field.
std::string ReadTeam(const json::value* raw, FieldErrors& errors) {
    if (!raw || !raw->is_array() || raw->as_array().empty() || raw->as_array().size() > kMaxTeam) {
        errors.Add("team", "须为 1–30 名团队成员的列表", "A list of 1–30 team members");
        return "[]";
    }
    json::array team;
    const json::array& members = raw->as_array();
    for (std::size_t i = 0; i < members.size(); ++i) {
        std::string at = "team[" + std::to_string(i) + "]";
        if (!members[i].is_object()) {
            errors.Add(at, "须为 {name, title, role}", "An object {name, title, role}");
            continue;
        }
        http::JsonReader member(members[i].as_object());
        auto name = http::ReadString(member, kTeamFields[0]);
        auto title = http::ReadString(member, kTeamFields[1]);
        auto role = http::ReadString(member, kTeamFields[2]);
        for (FieldError& e : member.Collect()) errors.Add(at + "." + e.field, e.message.zh, e.message.en);
        if (name)
            team.push_back(json::object{{"name", *name}, {"title", title.value_or("")}, {"role", role.value_or("")}});
    }
    return json::serialize(team);
}

}  // namespace

ApplicationInput ReadApplication(const json::object& body) {
    http::JsonReader reader(body);
    ApplicationInput in;
    const std::vector<http::BodyField>& f = kApplicationFields;
    in.approach = http::ReadString(reader, f[0]).value_or("");
    in.team_json = ReadTeam(reader.Raw("team"), reader.errors());
    in.budget_fen = http::ReadInt(reader, f[1]).value_or(0);
    in.schedule = http::ReadString(reader, f[2]).value_or("");
    in.expected_results = http::ReadString(reader, f[3]).value_or("");
    in.contact_name = http::ReadString(reader, f[4]).value_or("");
    in.contact_phone = ReadPhone(reader, "contact_phone").value_or("");
    reader.Finish();
    return in;
}

}  // namespace keyuan::challenges
