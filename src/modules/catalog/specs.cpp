#include "modules/catalog/specs.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "modules/media/module.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::catalog {
namespace {

constexpr int kRegistrationWorkingDays = 30;  // seed 004: register within 30 working days of acceptance

const std::vector<std::string_view> kOpenStatuses = {"open", "partially_open", "internal_only", "not_open"};

std::vector<registry::FieldSpec> ContactFields() {
    return {{.name = "contact_name", .max_chars = 50},
            // Personal data (PIPL): whole for signed-in users, who may book or ask; masked for visitors.
            {.name = "contact_phone",
             .max_chars = 30,
             .visibility = registry::Visibility::kSignedIn,
             .mask = registry::Mask::kPhone},
            {.name = "contact_email",
             .max_chars = 100,
             .visibility = registry::Visibility::kSignedIn,
             .mask = registry::Mask::kEmail}};
}

std::optional<std::string> TextOf(const registry::Values& v, const std::string& name) {
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() != store::Param::Kind::kText) return std::nullopt;
    return it->second.text_value();
}

std::optional<std::int64_t> IntOf(const registry::Values& v, const std::string& name) {
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() != store::Param::Kind::kInt) return std::nullopt;
    return it->second.int_value();
}

/// Photos are uploads of this platform (POST /api/v1/media) or images on another HTTPS site.
void CheckPhotos(const registry::Values& v, FieldErrors& errors) {
    auto photos = TextOf(v, "photos");
    if (!photos) return;
    // Stored as the JSON array of strings that the engine has already checked.
    std::error_code ec;
    boost::json::value list = boost::json::parse(*photos, ec);
    if (ec || !list.is_array()) return;
    for (const boost::json::value& item : list.as_array()) {
        std::string_view url = item.is_string() ? std::string_view(item.as_string()) : std::string_view();
        if (!media::IsMediaUrl(url) && !url.starts_with("https://")) {
            errors.Add("photos", "照片须为上传后得到的 /api/v1/media/… 地址或 https:// 地址",
                       "Photos must be /api/v1/media/… URLs from an upload, or https:// URLs");
            return;
        }
    }
}

// The first photo stored on this platform, as the result card's thumbnail: the pages' content
// security policy shows images from here only, and a visitor's browser then asks no one else.
std::string Thumbnail(std::string_view photos_json) {
    std::error_code ec;
    boost::json::value photos = boost::json::parse(photos_json, ec);
    if (ec || !photos.is_array()) return "";
    for (const boost::json::value& photo : photos.get_array()) {
        if (photo.is_string() && photo.get_string().starts_with("/api/v1/media/")) {
            return std::string(photo.get_string());
        }
    }
    return "";
}

void CheckInstrument(registry::Values& v, FieldErrors& errors, registry::CheckContext& context) {
    auto acceptance = TextOf(v, "acceptance_date");
    auto purchase = TextOf(v, "purchase_date");
    if (acceptance && purchase && *purchase > *acceptance) {
        errors.Add("purchase_date", "购置日期不能晚于验收日期",
                   "The purchase date cannot be after the acceptance date");
    }
    std::string today = clock::TodayShanghai();
    if (acceptance && *acceptance > today) {
        errors.Add("acceptance_date", "验收日期不能晚于今天", "The acceptance date cannot be in the future");
    }
    if (IntOf(v, "duty_free").value_or(0) != 0) {
        auto end = TextOf(v, "customs_supervision_end");
        if (!end) {
            errors.Add("customs_supervision_end", "免税仪器须填写海关监管期截止日期",
                       "A duty-free instrument needs the end of its customs supervision");
        } else if (acceptance && *end <= *acceptance) {
            errors.Add("customs_supervision_end", "海关监管期截止日期须晚于验收日期",
                       "Customs supervision must end after the acceptance date");
        }
    }
    CheckPhotos(v, errors);
    if (acceptance) {
        keyuan::WorkingCalendar calendar = workflow::LoadCalendar(context.session);
        Date due = calendar.AddWorkingDays(*Date::Parse(*acceptance), kRegistrationWorkingDays);
        v.insert_or_assign("registration_due_date", due.ToString());
        // A registration already filed keeps its date; lateness follows the (possibly corrected) due date.
        if (auto registered = TextOf(v, "registered_on")) {
            v.insert_or_assign("registered_late", *registered > due.ToString());
        }
    }
}

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

registry::ResourceSpec LabSpec() {
    registry::ResourceSpec spec{.kind = "lab", .collection = "labs", .table = "labs"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "kind",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"open_lab", "key_lab", "engineering_center", "enterprise_tech_center", "other"},
         .filter = true},
        {.name = "address", .max_chars = 200},
        {.name = "district_code",
         .type = registry::FieldType::kCode,
         .required = true,
         .max_chars = 6,
         .ref_table = "districts"},
        {.name = "open_status",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = kOpenStatuses,
         .filter = true},
        {.name = "description", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "base_id",
         .type = registry::FieldType::kRef,
         .ref_table = "bases",
         .filter = true,
         .ref_any_owner = true},
    };
    for (registry::FieldSpec f : ContactFields()) spec.fields.push_back(f);
    spec.industry_table = "lab_industries";
    spec.industry_fk = "lab_id";
    spec.industry_scope = true;
    spec.text_columns = {"name", "description"};
    spec.search = registry::SearchSpec{.title = {"name"},
                                       .body = {"description", "org_name", "address"},
                                       .district = "district_code",
                                       .open_status = "open_status",
                                       .display = {"name", "kind", "org_name", "district_code", "open_status"}};
    return spec;
}

registry::ResourceSpec InstrumentSpec() {
    registry::ResourceSpec spec{.kind = "instrument", .collection = "instruments", .table = "instruments"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "name_en", .max_chars = 200},
        {.name = "class_code",
         .type = registry::FieldType::kCode,
         .required = true,
         .max_chars = 10,
         .ref_table = "instrument_classes",
         .filter = true},
        {.name = "model", .max_chars = 100},
        {.name = "manufacturer", .max_chars = 100},
        {.name = "country", .max_chars = 50, .filter = true},
        {.name = "original_value_fen",
         .type = registry::FieldType::kMoney,
         .required = true,
         .range = true,
         .sort = true},
        {.name = "purchase_date", .type = registry::FieldType::kDate},
        {.name = "acceptance_date", .type = registry::FieldType::kDate, .required = true, .range = true, .sort = true},
        {.name = "registration_due_date",
         .type = registry::FieldType::kDate,
         .range = true,
         .sort = true,
         .derived = true},
        {.name = "registered_on", .type = registry::FieldType::kDate, .derived = true},
        {.name = "registered_late", .type = registry::FieldType::kBool, .filter = true, .derived = true},
        {.name = "lab_id", .type = registry::FieldType::kRef, .ref_table = "labs", .filter = true},
        {.name = "location", .max_chars = 200},
        {.name = "district_code",
         .type = registry::FieldType::kCode,
         .required = true,
         .max_chars = 6,
         .ref_table = "districts"},
        {.name = "technical_indicators", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "functions", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "open_status",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = kOpenStatuses,
         .filter = true},
        {.name = "service_modes",
         .type = registry::FieldType::kEnumList,
         .max_chars = 40,
         .choices = {"on_site", "entrusted_test", "remote", "training"}},
        {.name = "fee_standard", .type = registry::FieldType::kLongText, .max_chars = 2000},
        {.name = "booking_rules", .type = registry::FieldType::kLongText, .max_chars = 2000},
        {.name = "duty_free", .type = registry::FieldType::kBool, .filter = true},
        // A customs matter between the owner and the customs office (and the platform).
        {.name = "customs_supervision_end",
         .type = registry::FieldType::kDate,
         .visibility = registry::Visibility::kOwner},
        {.name = "photos", .type = registry::FieldType::kStringList, .max_chars = 500},
    };
    for (registry::FieldSpec f : ContactFields()) spec.fields.push_back(f);
    spec.industry_table = "instrument_industries";
    spec.industry_fk = "instrument_id";
    spec.text_columns = {"name", "name_en", "model", "manufacturer", "functions"};
    spec.search = registry::SearchSpec{
        .title = {"name", "name_en", "model"},
        .label = "name",
        .body = {"manufacturer", "country", "functions", "technical_indicators", "class_code.name", "org_name",
                 "location"},
        .class_code = "class_code",
        .district = "district_code",
        .open_status = "open_status",
        .display = {"name", "name_en", "model", "manufacturer", "org_name", "district_code", "open_status",
                    "class_code", "original_value_fen"},
        .extra = [](const registry::Values& v, search::SearchDocument&, boost::json::object& display) {
            if (std::string photo = Thumbnail(TextOf(v, "photos").value_or("")); !photo.empty()) {
                display["photo"] = photo;
            }
        }};
    spec.check = CheckInstrument;
    spec.on_submit = [](store::Session& s, std::int64_t id, const registry::Values&) {
        // The registration date is the first submission; resubmissions keep it.
        s.Execute(
            "UPDATE instruments SET registered_on = $2, registered_late = CASE WHEN $2 > registration_due_date THEN 1 "
            "ELSE 0 END WHERE id = $1 AND registered_on IS NULL",
            {id, clock::TodayShanghai()});
    };
    return spec;
}

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
    spec.industry_table = "service_industries";
    spec.industry_fk = "service_id";
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
    return spec;
}

registry::ResourceSpec FinanceProductSpec() {
    registry::ResourceSpec spec{
        .kind = "finance_product", .collection = "finance-products", .table = "finance_products"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "kind",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"loan", "investment_loan_linkage", "insurance", "reinsurance", "industry_fund"},
         .filter = true},
        {.name = "features", .type = registry::FieldType::kLongText, .max_chars = 3000},
        {.name = "eligibility", .type = registry::FieldType::kLongText, .max_chars = 3000},
        {.name = "amount_min_fen", .type = registry::FieldType::kMoney, .range = true},
        {.name = "amount_max_fen", .type = registry::FieldType::kMoney, .range = true, .sort = true},
        {.name = "contact_name", .max_chars = 50},
        {.name = "contact_phone",
         .max_chars = 30,
         .visibility = registry::Visibility::kSignedIn,
         .mask = registry::Mask::kPhone},
        // The domain centre that lists the product (seed 000: the finance centre offers ≥ 20).
        {.name = "base_id",
         .type = registry::FieldType::kRef,
         .ref_table = "bases",
         .filter = true,
         .ref_any_owner = true},
    };
    spec.text_columns = {"name", "features", "eligibility"};
    spec.search = registry::SearchSpec{
        .title = {"name"}, .body = {"features", "eligibility", "org_name"}, .display = {"name", "kind", "org_name"}};
    spec.check = [](registry::Values& v, FieldErrors& errors, registry::CheckContext&) {
        auto lo = IntOf(v, "amount_min_fen"), hi = IntOf(v, "amount_max_fen");
        if (lo && hi && *lo > *hi) {
            errors.Add("amount_max_fen", "金额上限不能小于下限", "The maximum cannot be below the minimum");
        }
    };
    spec.owner_roles = {Role::kFinancialInstitution};
    spec.reviewer_roles = {{Role::kBaseAdmin, access::Scope::kAll}};
    return spec;
}

}  // namespace keyuan::catalog
