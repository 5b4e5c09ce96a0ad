#include "modules/catalog/specs.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "core/clock.hpp"

#include "modules/catalog/columns.hpp"
#include "modules/catalog/specs_common.hpp"

namespace keyuan::catalog {
namespace {

void CheckService(registry::Values& v, FieldErrors& errors, registry::CheckContext&) {
    auto unit = TextOf(v, "price_unit");
    bool price_already_bad = std::any_of(errors.items().begin(), errors.items().end(),
                                         [](const FieldError& e) { return e.field == "price_fen"; });
    if (unit && *unit != "negotiable" && !IntOf(v, "price_fen") && !price_already_bad) {
        errors.Add("price_fen", "非面议的服务须填写价格（分）", "A price (fen) is required unless it is negotiable");
    }
    for (const char* cert : {"cnas", "cma"}) {
        std::string no = std::string(cert) + "_cert_no", expiry = std::string(cert) + "_expiry";
        bool has_no = !TextOf(v, no).value_or("").empty();
        bool has_expiry = TextOf(v, expiry).has_value();
        if (has_no != has_expiry) {
            errors.Add(has_no ? expiry : no, "证书编号与有效期须同时填写",
                       "Give both the certificate number and its expiry");
        }
    }
}

void DecorateService(const registry::Values& v, std::map<std::string, std::string>&,
                     std::map<std::string, bool>& flags) {
    std::string today = clock::TodayShanghai();
    bool any_valid = false, any_expired = false;
    for (const char* cert : {"cnas", "cma"}) {
        bool has = !TextOf(v, std::string(cert) + "_cert_no").value_or("").empty();
        auto expiry = TextOf(v, std::string(cert) + "_expiry");
        bool valid = has && expiry && *expiry >= today;
        flags[std::string(cert) + "_valid"] = valid;
        any_valid = any_valid || valid;
        any_expired = any_expired || (has && !valid);
    }
    flags["accredited"] = any_valid;
    flags["accreditation_expired"] = any_expired;
}

/// The certificates valid today, as search's accreditation facet and on the result card.
void ServiceAccreditations(const registry::Values& v, search::SearchDocument& d, boost::json::object& display) {
    std::string today = clock::TodayShanghai();
    for (const char* cert : {"cnas", "cma"}) {
        std::string no = TextOf(v, std::string(cert) + "_cert_no").value_or("");
        if (!no.empty() && TextOf(v, std::string(cert) + "_expiry").value_or("") >= today) {
            d.accreditations.emplace_back(cert);
        }
    }
    boost::json::array accreditations;
    for (const std::string& a : d.accreditations) accreditations.emplace_back(a);
    display["accreditations"] = std::move(accreditations);
}

std::string ServiceFilter(std::string_view name, const std::string& value, std::vector<store::Param>& params) {
    if (name != "accreditation") return "";
    params.emplace_back(clock::TodayShanghai());
    std::string today = "$" + std::to_string(params.size());
    std::string cnas = "(t.cnas_cert_no <> '' AND t.cnas_expiry >= " + today + ")";
    std::string cma = "(t.cma_cert_no <> '' AND t.cma_expiry >= " + today + ")";
    if (value == "cnas") return cnas;
    if (value == "cma") return cma;
    if (value == "any") return "(" + cnas + " OR " + cma + ")";
    params.pop_back();
    return "";  // an unknown value is refused like an unknown filter
}

}  // namespace

registry::ResourceSpec ServiceSpec() {
    registry::ResourceSpec spec{.kind = "service", .collection = "services", .table = "services"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "kind",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"test", "rnd"},
         .filter = true},
        {.name = "field", .max_chars = 100, .filter = true},
        {.name = "content", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "parameters", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "price_fen", .type = registry::FieldType::kMoney, .range = true, .sort = true},
        {.name = "price_unit",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"per_sample", "per_hour", "per_project", "negotiable"},
         .filter = true},
        {.name = "lab_id", .type = registry::FieldType::kRef, .ref_table = "labs", .filter = true},
        {.name = "remarks", .type = registry::FieldType::kLongText, .max_chars = 2000},
        {.name = "cnas_cert_no", .max_chars = 50},
        {.name = "cnas_expiry", .type = registry::FieldType::kDate},
        {.name = "cma_cert_no", .max_chars = 50},
        {.name = "cma_expiry", .type = registry::FieldType::kDate},
        {.name = "district_code", .type = registry::FieldType::kCode, .max_chars = 6, .ref_table = "districts"},
    };
    for (registry::FieldSpec f : ContactFields()) spec.fields.push_back(f);
    spec.links = {IndustryLink("service_industries", "service_id", false)};
    spec.text_columns = {"name", "field", "content"};
    spec.check = CheckService;
    spec.decorate = DecorateService;
    spec.search = registry::SearchSpec{
        .title = {"name"},
        .body = {"field", "content", "parameters", "org_name"},
        .district = "district_code",
        .price = "price_fen",
        .district_from_org = true,
        .display = {"name", "kind", "field", "org_name", "district_code", "price_unit", "price_fen"},
        .extra = ServiceAccreditations};
    spec.extra_filter = ServiceFilter;
    spec.columns = ServiceColumns();
    return spec;
}

}  // namespace keyuan::catalog
