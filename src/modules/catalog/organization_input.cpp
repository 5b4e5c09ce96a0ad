#include "modules/catalog/organization_input.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <string_view>
#include <vector>

#include "http/json.hpp"
#include "modules/catalog/credit_code.hpp"

namespace keyuan::catalog {
namespace json = boost::json;

namespace {

const std::vector<std::string_view> kOrganizationKinds = {"university",
                                                          "research_institute",
                                                          "hospital",
                                                          "enterprise",
                                                          "state_owned_enterprise",
                                                          "financial_institution",
                                                          "agency",
                                                          "other"};

}  // namespace

OrgInput ReadOrgInput(const json::object& body, store::Session& s, bool partial) {
    http::JsonReader reader(body);
    OrgInput in;
    in.name = reader.String("name", {.required = !partial, .max_chars = 100});
    in.credit_code = reader.String("credit_code", {.required = !partial, .max_chars = 18});
    in.kind = reader.Enum("kind", !partial, kOrganizationKinds);
    in.district_code = reader.String("district_code", {.required = !partial, .max_chars = 6});
    in.department_code = reader.String("department_code", {.max_chars = 20});
    in.address = reader.String("address", {.max_chars = 200});
    in.is_sme = reader.Bool("is_sme", false);
    reader.Raw("version");
    if (const json::value* contacts = reader.Raw("contacts")) {
        bool ok = contacts->is_array() && contacts->as_array().size() <= 10;
        for (const json::value& c : ok ? contacts->as_array() : json::array()) {
            ok = ok && c.is_object() && c.as_object().size() <= 5;
            for (const auto& [k, v] : ok ? c.as_object() : json::object()) {
                ok = ok && (k == "name" || k == "phone" || k == "email" || k == "role") && v.is_string() &&
                     v.as_string().size() <= 100;
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
