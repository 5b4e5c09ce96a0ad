// Service products: tests on the lab's own instruments (per sample or per machine hour, with
// the lab's CNAS/CMA accreditation) and R&D services of its field (per project or negotiable).
#include <optional>

#include "tools/demo/fakes.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {
namespace {

constexpr double kTestShare = 0.8;

struct ServiceDraft {
    std::string name;
    std::string_view kind;  // test | rnd
    std::string content;
    std::string parameters;
    std::optional<std::int64_t> price_fen;
    std::string_view unit;
};

/// Rounds yuan to tens and converts to fen.
std::int64_t TensOfYuanInFen(std::int64_t yuan) {
    return yuan / 10 * 10 * 100;
}

ServiceDraft TestService(Random& rng, const InstrumentKind& kind, const InstrumentModel& model) {
    ServiceDraft d;
    d.kind = "test";
    if (rng.Chance(0.25)) {
        d.name = std::string(kind.name) + "机时服务";
        d.unit = "per_hour";
        d.price_fen = TensOfYuanInFen(kind.hour_price * rng.Int(80, 120) / 100);
        d.content = "提供" + std::string(kind.name) + "（" + std::string(model.maker) + " " + std::string(model.model) +
                    "）自主上机机时，经培训考核合格的用户可独立操作。";
    } else {
        d.name = std::string(rng.Pick(kind.services));
        d.unit = "per_sample";
        d.price_fen = TensOfYuanInFen(rng.Int(kind.sample_price_min, kind.sample_price_max));
        d.content = "依托" + std::string(kind.name) + "（" + std::string(model.maker) + " " + std::string(model.model) +
                    "）开展" + d.name + "，按委托方要求出具检测报告。";
    }
    d.parameters = "样品要求：" + std::string(rng.Pick(Words("sample_requirement"))) + "；检测周期：" +
                   std::to_string(rng.Int(3, 15)) + " 个工作日";
    return d;
}

ServiceDraft RndService(Random& rng, const LabField& field) {
    ServiceDraft d;
    d.kind = "rnd";
    d.name = std::string(rng.Pick(field.rnd_services));
    if (rng.Chance(0.6)) {
        d.unit = "per_project";
        d.price_fen = TensOfYuanInFen(rng.Int(2, 50) * 10000);
    } else {
        d.unit = "negotiable";
    }
    d.content = "面向企业提供" + d.name + "，可根据需求开展技术方案论证、小试与中试验证，并协助成果转化。";
    d.parameters = "项目周期：" + std::to_string(rng.Int(1, 12)) + " 个月；交付成果：技术报告、工艺文件或样机";
    return d;
}

std::string_view ServiceRemarks(Random& rng) {
    double x = rng.Unit();
    if (x < 0.15) return "高校、科研院所用户九折；可使用首都科技创新券支付";
    if (x < 0.25) return "加急服务加收 50% 费用";
    if (x < 0.3) return "寒暑假期间服务周期顺延";
    return "";
}

store::Param OptionalDate(const std::string& number, Date expiry) {
    return number.empty() ? store::Param(nullptr) : store::Param(expiry.ToString());
}

}  // namespace

void ResourceMaker::AddService(DemoLab& lab, ResourceRows& out) {
    const std::vector<InstrumentKind>& kinds = InstrumentKinds();
    ServiceDraft d;
    // A name the lab already offers is drawn again a few times, so that a lab's list reads well.
    for (int attempt = 0; attempt < 4 && (d.name.empty() || lab.service_names.contains(d.name)); ++attempt) {
        if (!lab.instruments.empty() && rng_.Chance(kTestShare)) {
            auto [kind_index, model_index] = rng_.Pick(lab.instruments);
            const InstrumentKind& kind = kinds[kind_index];
            d = TestService(rng_, kind, kind.models[model_index]);
        } else {
            d = RndService(rng_, *lab.field);
        }
    }
    lab.service_names.insert(d.name);
    std::int64_t id = next_service_++;
    bool certified = d.kind == "test";
    const std::string none;
    const std::string& cnas = certified ? lab.cnas_no : none;
    const std::string& cma = certified ? lab.cma_no : none;
    Review review = PickReview(rng_);
    Date created = DayBetween(rng_, lab.created, as_of_.AddDays(-30));
    std::string created_at = OfficeTime(rng_, created);
    std::string updated_at = review.status == "draft" ? created_at : OfficeTime(rng_, created.AddDays(rng_.Int(1, 25)));
    out.services.Add({id,
                      lab.org->id,
                      lab.id,
                      d.name,
                      d.kind,
                      DomainName(lab.field->domain),
                      d.content,
                      d.parameters,
                      d.price_fen,
                      d.unit,
                      lab.contact.name,
                      lab.contact.phone,
                      lab.contact.email,
                      ServiceRemarks(rng_),
                      cnas,
                      OptionalDate(cnas, lab.cnas_expiry),
                      cma,
                      OptionalDate(cma, lab.cma_expiry),
                      lab.org->district_code,
                      review.status,
                      review.reason,
                      1,
                      lab.org->admin_user_id,
                      created_at,
                      updated_at});
    LinkIndustries(out.service_industries, id, *lab.field);
    out.outbox.Add({"service", id, now_});
}

}  // namespace keyuan::demo
