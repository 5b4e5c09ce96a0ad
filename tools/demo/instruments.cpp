// Instruments: a kind that fits the lab's field, a real model, a price in its range, and the
// registration timeline (acceptance, due date 30 working days later, registration).
#include <array>
#include <optional>

#include "tools/demo/fakes.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {
namespace {

constexpr int kRegistrationWorkingDays = 30;  // as catalog/specs.cpp: register within 30 working days
constexpr double kLateShare = 0.10;

std::string_view PickInstrumentOpenStatus(Random& rng) {
    double x = rng.Unit();
    return x < 0.6 ? "open" : x < 0.85 ? "partially_open" : x < 0.95 ? "internal_only" : "not_open";
}

std::string ServiceModes(Random& rng, std::string_view open_status) {
    if (open_status == "not_open") return "[]";
    std::string out;
    auto add = [&out](const char* mode) { out += (out.empty() ? "\"" : ",\"") + std::string(mode) + "\""; };
    if (rng.Chance(0.85)) add("on_site");
    if (rng.Chance(0.7)) add("entrusted_test");
    if (rng.Chance(0.1)) add("remote");
    if (rng.Chance(0.3)) add("training");
    if (out.empty()) add("on_site");
    return "[" + out + "]";
}

std::string FeeStandard(Random& rng, const InstrumentKind& kind) {
    std::int64_t hour = kind.hour_price * rng.Int(8, 12) / 100 * 10;
    return "机时费 " + std::to_string(hour) + " 元/小时；测样费 " + std::to_string(kind.sample_price_min) +
           " 元/样起；校外用户按 1.2 倍收取";
}

const std::vector<std::string_view>& BookingRules() {
    static const std::vector<std::string_view> kRules = {
        "提前 3 个工作日在线预约；首次上机须参加培训并通过考核",
        "委托测试请在线提交样品信息，收到样品后 5 个工作日内出具报告", "每次预约不超过 4 小时；取消预约须提前 24 小时",
        "工作日 9:00–17:00 开放；夜间及节假日机时须单独申请", "校外用户须签订测试服务协议；危险样品须提前说明"};
    return kRules;
}

/// When the instrument was accepted, registered and last changed, for its review status.
struct Timeline {
    Date acceptance;
    Date due;
    std::optional<Date> registered_on;
    Date created;
    Date updated;
};

Timeline MakeTimeline(Random& rng, const WorkingCalendar& calendar, Date as_of, std::string_view status) {
    bool draft = status == "draft";
    Timeline t;
    // Drafts are the ones accepted in the last weeks and not yet registered. The others are
    // accepted early enough that a late registration and its review still precede as_of.
    t.acceptance = draft ? DayBetween(rng, as_of.AddDays(-45), as_of.AddDays(-1))
                         : DayBetween(rng, Date::FromYmd(2015, 1, 1), as_of.AddDays(-200));
    t.due = calendar.AddWorkingDays(t.acceptance, kRegistrationWorkingDays);
    if (!draft) {
        t.registered_on =
            rng.Chance(kLateShare) ? t.due.AddDays(rng.Int(1, 120)) : DayBetween(rng, t.acceptance.AddDays(1), t.due);
    }
    t.created = draft ? DayBetween(rng, t.acceptance.AddDays(1), as_of) : *t.registered_on;
    bool reviewed = status == "approved" || status == "returned";
    t.updated = reviewed ? t.created.AddDays(rng.Int(2, 20)) : t.created;
    return t;
}

}  // namespace

void ResourceMaker::AddInstrument(DemoLab& lab, ResourceRows& out) {
    const std::vector<InstrumentKind>& kinds = InstrumentKinds();
    std::size_t kind_index = kind_index_.at(rng_.Pick(lab.field->instruments));
    const InstrumentKind& kind = kinds[kind_index];
    std::size_t model_index = rng_.Index(kind.models.size());
    const InstrumentModel& model = kind.models[model_index];
    lab.instruments.emplace_back(kind_index, model_index);
    std::int64_t id = next_instrument_++;

    Review review = PickReview(rng_);
    Timeline t = MakeTimeline(rng_, calendar_, as_of_, review.status);
    bool late = t.registered_on && *t.registered_on > t.due;

    std::int64_t yuan = kind.min_wan * 10000LL + rng_.Int(0, (kind.max_wan - kind.min_wan) * 100LL) * 100;
    bool imported = model.country != "中国";
    bool duty_free = imported && rng_.Chance(0.2);
    std::string_view open_status = PickInstrumentOpenStatus(rng_);
    std::string location = std::string(rng_.Pick(Words("building"))) + std::to_string(rng_.Int(1, 9)) +
                           std::to_string(rng_.Int(1, 30) + 100).substr(1) + "室";
    out.instruments.Add({id,
                         lab.org->id,
                         lab.id,
                         kind.name,
                         kind.name_en,
                         kind.class_code,
                         model.model,
                         model.maker,
                         model.country,
                         yuan * 100,
                         t.acceptance.AddDays(-rng_.Int(15, 150)).ToString(),
                         t.acceptance.ToString(),
                         t.due.ToString(),
                         t.registered_on ? store::Param(t.registered_on->ToString()) : store::Param(nullptr),
                         late,
                         location,
                         lab.org->district_code,
                         kind.indicators,
                         kind.functions,
                         open_status,
                         ServiceModes(rng_, open_status),
                         FeeStandard(rng_, kind),
                         rng_.Pick(BookingRules()),
                         lab.contact.name,
                         lab.contact.phone,
                         lab.contact.email,
                         duty_free,
                         duty_free ? store::Param(t.acceptance.AddDays(3 * 365).ToString()) : store::Param(nullptr),
                         review.status,
                         review.reason,
                         1,
                         lab.org->admin_user_id,
                         OfficeTime(rng_, t.created),
                         OfficeTime(rng_, t.updated)});
    LinkIndustries(out.instrument_industries, id, *lab.field);
    out.outbox.Add({"instrument", id, now_});
}

}  // namespace keyuan::demo
