// The publisher's fields of a challenge, read and bounded once: every bad field named in one 422.
#include "core/clock.hpp"
#include "core/date.hpp"
#include "http/json.hpp"
#include "modules/challenges/module_parts.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

/// A reward above 1 亿元 is no challenge of this platform's size: a typing slip.

void CheckIndustries(store::Session& s, const std::vector<std::string>& codes, FieldErrors& errors) {
    std::string bad;
    for (const std::string& code : codes) {
        bool known = code.size() == 4 && !s.Query("SELECT 1 FROM industry_codes WHERE code = $1", {code}).empty();
        if (!known) bad += (bad.empty() ? "" : ", ") + code;
    }
    if (!bad.empty()) {
        errors.Add("industry_codes", "未知的行业代码：" + bad, "Unknown industry codes: " + bad);
    }
}

}  // namespace

std::optional<std::string> ReadPhone(http::JsonReader& reader, std::string_view name) {
    http::BodyField field = kChallengeFields.back();  // contact_phone: the same rule wherever a phone is asked
    field.name = name;
    std::optional<std::string> phone = http::ReadString(reader, field);
    if (phone && phone->find_first_not_of("0123456789+- ()") != std::string::npos) {
        reader.errors().Add(std::string(name), "电话只能包含数字、空格和 + - ( )",
                            "A phone number has digits, spaces and + - ( ) only");
        return std::nullopt;
    }
    return phone;
}

ChallengeInput ReadChallenge(store::Session& s, const json::object& body) {
    http::JsonReader reader(body);
    ChallengeInput in;
    const std::vector<http::BodyField>& f = kChallengeFields;
    in.title = http::ReadString(reader, f[0]).value_or("");
    in.problem = http::ReadString(reader, f[1]).value_or("");
    in.requirements = http::ReadList(reader, f[2]).value_or(std::vector<std::string>{});
    in.industry_codes = http::ReadList(reader, f[3]).value_or(std::vector<std::string>{});
    in.reward_fen = http::ReadInt(reader, f[4]).value_or(0);
    in.reward_split = http::ReadString(reader, f[5]).value_or("");
    std::optional<std::string> deadline = http::ReadDate(reader, f[6]);
    in.delivery_months = http::ReadInt(reader, f[7]).value_or(0);
    in.contact_name = http::ReadString(reader, f[8]).value_or("");
    in.contact_phone = ReadPhone(reader, "contact_phone").value_or("");
    FieldErrors& errors = reader.errors();
    if (body.contains("requirements") && in.requirements.empty()) {
        errors.Add("requirements", "至少列出一项技术指标", "At least one requirement (indicator)");
    }
    for (const std::string& r : in.requirements) {
        if (r.find_first_not_of(" \t") == std::string::npos) {
            errors.Add("requirements", "技术指标不能为空", "A requirement may not be empty");
            break;
        }
    }
    CheckIndustries(s, in.industry_codes, errors);
    if (deadline) {
        // The deadline is a future day: a list hung out today is open at least until tomorrow.
        if (*deadline <= clock::TodayShanghai()) {
            errors.Add("application_deadline", "揭榜截止日期须晚于今天",
                       "The application deadline must be after today");
        } else {
            in.application_deadline = *deadline;
        }
    }
    reader.Finish();
    return in;
}

}  // namespace keyuan::challenges
