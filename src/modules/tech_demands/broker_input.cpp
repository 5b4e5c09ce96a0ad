// Reading a broker's profile from a request body: limits, the level, the qualification's date,
// the fields (4-digit industry codes) and districts served, the agency; one 422 naming every bad field.
#include <algorithm>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "modules/tech_demands/fields.hpp"
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/vocabulary.hpp"

namespace keyuan::tech_demands {

namespace {

/// Every code must exist in `table` (with `condition`); each unknown one is named.
void CheckCodes(store::Session& s, const std::vector<std::string>& codes, const std::string& sql, const char* field,
                const char* zh, const char* en, FieldErrors& errors) {
    for (const std::string& code : codes) {
        if (s.Query(sql, {code}).empty()) errors.Add(field, zh + code, en + code);
    }
}

std::vector<std::string> Distinct(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
}

}  // namespace

BrokerInput ReadBrokerInput(store::Session& s, const boost::json::object& body, bool creating) {
    http::JsonReader reader(body);
    BrokerInput in;
    in.name = http::ReadString(reader, broker::kName).value_or("");
    in.certificate_no = http::ReadString(reader, broker::kCertificateNo).value_or("");
    in.level = http::ReadEnum(reader, broker::kLevel).value_or("");
    in.issuing_body = http::ReadString(reader, broker::kIssuingBody).value_or("");
    std::optional<std::string> valid_until = http::ReadDate(reader, broker::kValidUntil);
    in.introduction = http::ReadString(reader, broker::kIntroduction).value_or("");
    in.phone = http::ReadString(reader, broker::kPhone).value_or("");
    in.email = http::ReadString(reader, broker::kEmail).value_or("");
    in.industry_codes = Distinct(http::ReadList(reader, broker::kIndustryCodes).value_or(std::vector<std::string>{}));
    in.district_codes = Distinct(http::ReadList(reader, broker::kDistrictCodes).value_or(std::vector<std::string>{}));
    if (auto org = http::ReadString(reader, broker::kOrgId); org && !org->empty()) {
        in.org_id = ParseId(*org);
        if (!in.org_id || s.Query("SELECT 1 FROM organizations WHERE id = $1", {*in.org_id}).empty()) {
            reader.errors().Add("org_id", "单位不存在", "No such organization");
        }
    }
    reader.Raw("version");
    if (valid_until) {
        in.valid_until = *valid_until;
        // A lapsed qualification does not register (an update may keep an old date: it is shown lapsed).
        if (creating && *valid_until < clock::TodayShanghai()) {
            reader.errors().Add("valid_until", "资格证书已过有效期", "The qualification has lapsed");
        }
    }
    if (reader.Has("industry_codes") && in.industry_codes.empty()) {
        reader.errors().Add("industry_codes", "至少填写一个业务领域", "At least one field is required");
    }
    if (reader.Has("district_codes") && in.district_codes.empty()) {
        reader.errors().Add("district_codes", "至少填写一个服务区域", "At least one district is required");
    }
    CheckCodes(s, in.industry_codes, "SELECT 1 FROM industry_codes WHERE code = $1 AND level = 4", "industry_codes",
               "不是 GB/T 4754-2017 的 4 位行业小类代码：",
               "Not a 4-digit GB/T 4754-2017 industry code: ", reader.errors());
    CheckCodes(s, in.district_codes, "SELECT 1 FROM districts WHERE code = $1", "district_codes", "区代码不存在：",
               "Unknown district: ", reader.errors());
    reader.Finish();
    return in;
}

}  // namespace keyuan::tech_demands
