#include "tools/demo/assessment.hpp"

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "modules/assessment/scheme.hpp"

namespace keyuan::demo {
namespace json = boost::json;

namespace {

/// The default scheme with the demo's targets: what an operator does for a young platform whose
/// records hold a fraction of the units' real use.
json::object DemoScheme() {
    json::object scheme = assessment::DefaultSchemeJson();
    scheme["name"] = "科研设施与仪器开放共享评价考核（演示方案）";
    scheme["source"] =
        std::string(scheme["source"].as_string()) +
        " 演示：机时与服务次数目标按演示数据一年的预约规模调整（台均有效机时10小时、对外机时8小时、收益率0.5%）。";
    for (json::value& g : scheme["groups"].as_array()) {
        for (json::value& i : g.as_object()["indicators"].as_array()) {
            json::object& ind = i.as_object();
            json::object& rule = ind["rule"].as_object();
            if (ind["code"] == "effective_hours") rule["target"] = 10;
            if (ind["code"] == "external_hours") rule["target"] = 8;
            if (ind["code"] == "open_hours") rule["target"] = 1000;
            if (ind["code"] == "revenue_rate") rule["target"] = 0.005;
            if (ind["code"] == "external_services") {
                rule["steps"] =
                    json::array{json::object{{"min", 1}, {"share", 0.2}}, json::object{{"min", 5}, {"share", 0.5}},
                                json::object{{"min", 20}, {"share", 0.8}}, json::object{{"min", 50}, {"share", 1}}};
            }
        }
    }
    // Validated as the API would: a demo scheme that fails is a bug in the generator.
    return assessment::SchemeJson(assessment::ParseScheme(scheme));
}

}  // namespace

void AddAssessmentCycle(store::Database& db, Date as_of) {
    int year = as_of.Year();
    db.Write([&](store::Session& s) {
        std::string now = clock::NowUtc();
        s.Execute(
            "INSERT INTO assessment_cycles (year, period_from, period_to, scheme, created_at, updated_at) VALUES ($1, "
            "$2, $3, $4, $5, $5)",
            {year, std::to_string(year) + "-01-01", std::to_string(year) + "-12-31", json::serialize(DemoScheme()),
             now});
    });
}

}  // namespace keyuan::demo
