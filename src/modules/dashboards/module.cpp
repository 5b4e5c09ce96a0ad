#include "modules/dashboards/module.hpp"

#include <boost/json/serialize.hpp>

#include <chrono>
#include <memory>
#include <mutex>

#include "core/clock.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/dashboards/home_figures.hpp"

namespace keyuan::dashboards {
namespace json = boost::json;
namespace {

/// The home page's answer, counted again only when something was written since and the last count
/// is older than kFresh: the home page is the most read page, and a count over every kind costs a
/// few dozen queries. Figures are at most that stale (issue 20: statistics may be slightly stale).
class HomeCache {
public:
    static constexpr std::chrono::seconds kFresh{5};

    HomeCache(store::Database& db, const registry::RegisteredKinds& kinds) : db_(db), kinds_(kinds) {}

    std::string Get() {
        std::lock_guard lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        std::uint64_t writes = db_.writes_finished();
        if (counted_ && (writes == writes_ || now - counted_at_ < kFresh)) return body_;
        std::string today = clock::TodayShanghai();
        body_ = json::serialize(HomeFigures(db_, kinds_, std::stoi(today.substr(0, 4))));
        writes_ = writes;
        counted_at_ = now;
        counted_ = true;
        return body_;
    }

private:
    store::Database& db_;
    const registry::RegisteredKinds& kinds_;
    std::mutex mutex_;
    bool counted_ = false;
    std::uint64_t writes_ = 0;
    std::chrono::steady_clock::time_point counted_at_;
    std::string body_;
};

}  // namespace

void Register(modules::ModuleContext& context) {
    // The kinds registered before this module (app/modules.cpp lists it after every kind's module).
    static const registry::RegisteredKinds kNone;
    const auto* kinds = context.services.Find<registry::RegisteredKinds>();
    auto home = std::make_shared<HomeCache>(context.db, kinds ? *kinds : kNone);
    context.router.Get("/api/v1/dashboards/home", [home](http::Request&) {
        http::Response response = http::Response::Json(200, home->Get());
        response.SetHeader("cache-control", "public, max-age=5");
        return response;
    });
    using namespace http::doc;
    context.router.Describe(
        http::Method::kGet, "/api/v1/dashboards/home",
        {.summary = "The public home page's figures: approved public objects by kind, high-tech industry and "
                    "district, the newest, the services delivered this year (at most 5 s stale)",
         .tags = {"dashboards"},
         .response = Object(
             {{"kinds", ArrayOf(Object({{"kind", Str()}, {"collection", Str()}, {"count", Integer()}},
                                       {"kind", "collection", "count"}))},
              {"by_hitech_industry",
               ArrayOf(Object({{"id", Id()}, {"name", Str()}, {"count", Integer()}}, {"id", "name", "count"}))},
              {"by_district",
               ArrayOf(Object({{"code", Str()}, {"name", Str()}, {"count", Integer()}}, {"code", "name", "count"}))},
              {"newest",
               ArrayOf(Object(
                   {{"kind", Str()}, {"collection", Str()}, {"id", Id()}, {"name", Str()}, {"updated_at", Str()}},
                   {"kind", "collection", "id", "name", "updated_at"}))},
              {"deliveries_this_year", Integer()},
              {"year", Integer()}},
             {"kinds", "by_hitech_industry", "by_district", "newest", "deliveries_this_year", "year"})});
}

}  // namespace keyuan::dashboards
