#include "modules/catalog/organization_input.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "http/json.hpp"
#include "modules/catalog/credit_code.hpp"

namespace keyuan::catalog {
namespace json = boost::json;

OrgInput ReadOrgInput(const json::object& body, store::Session& s, bool partial) {
    http::JsonReader reader(body);
    OrgInput in;
    auto field = [partial](const http::BodyField& f) { return partial ? http::Optional(f) : f; };
    in.name = http::ReadString(reader, field(organization::kName));
    in.credit_code = http::ReadString(reader, field(organization::kCreditCode));
    in.kind = http::ReadEnum(reader, field(organization::kKind));
    in.district_code = http::ReadString(reader, field(organization::kDistrictCode));
    in.department_code = http::ReadString(reader, organization::kDepartmentCode);
    in.address = http::ReadString(reader, organization::kAddress);
    in.is_sme = http::ReadBool(reader, organization::kIsSme);
    reader.Raw("version");
    if (const json::value* contacts = reader.Raw("contacts")) {
        bool ok = contacts->is_array() && contacts->as_array().size() <= organization::kMaxContacts;
        for (const json::value& c : ok ? contacts->as_array() : json::array()) {
            ok = ok && c.is_object() && c.as_object().size() <= 5;
            for (const auto& [k, v] : ok ? c.as_object() : json::object()) {
                ok = ok && (k == "name" || k == "phone" || k == "email" || k == "role") && v.is_string() &&
                     utf8::CountCodePoints(v.as_string()) <= 100;
            }
        }
        if (ok) {
            in.contacts_json = json::serialize(*contacts);
        } else {
            reader.errors().Add("contacts", "须为最多 10 个联系人，每项含 name、phone、email、role 字符串",
                                "Up to 10 contacts, each with string name, phone, email, role");
        }
    }
    if (in.credit_code) {
        if (auto problem = CheckCreditCode(*in.credit_code))
            reader.errors().Add("credit_code", problem->zh, problem->en);
    }
    if (in.district_code && s.Query("SELECT 1 FROM districts WHERE code = $1", {*in.district_code}).empty()) {
        reader.errors().Add("district_code", "区代码不存在", "Unknown district code");
    }
    if (in.department_code && !in.department_code->empty() &&
        s.Query("SELECT 1 FROM departments WHERE code = $1", {*in.department_code}).empty()) {
        reader.errors().Add("department_code", "主管部门代码不存在", "Unknown department code");
    }
    reader.Finish();
    return in;
}

}  // namespace keyuan::catalog
