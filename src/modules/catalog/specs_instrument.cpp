#include "modules/catalog/specs.hpp"

#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "modules/media/module.hpp"
#include "workflow/deadlines.hpp"

#include "modules/catalog/columns.hpp"
#include "modules/catalog/specs_common.hpp"

namespace keyuan::catalog {
namespace {

constexpr int kRegistrationWorkingDays = 30;  // seed 004: register within 30 working days of acceptance

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
        std::shared_ptr<const keyuan::WorkingCalendar> calendar = workflow::SharedCalendar(context.session);
        Date due = calendar->AddWorkingDays(*Date::Parse(*acceptance), kRegistrationWorkingDays);
        v.insert_or_assign("registration_due_date", due.ToString());
        // A registration already filed keeps its date; lateness follows the (possibly corrected) due date.
        if (auto registered = TextOf(v, "registered_on")) {
            v.insert_or_assign("registered_late", *registered > due.ToString());
        }
    }
}

}  // namespace

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
        // The national platform's elements (docs/design/national-report.md): main subjects by GB/T
        // 13745 first-level name ("化学，物理学"), and the year's usual running state.
        {.name = "subject", .max_chars = 100},
        {.name = "running_state",
         .type = registry::FieldType::kEnum,
         .choices = {"normal", "standby", "remote_service", "occasional_fault", "frequent_fault", "awaiting_repair",
                     "awaiting_scrapping"}},
    };
    for (registry::FieldSpec f : ContactFields()) spec.fields.push_back(f);
    spec.links = {IndustryLink("instrument_industries", "instrument_id", false)};
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
    spec.columns = InstrumentColumns();
    return spec;
}

}  // namespace keyuan::catalog
