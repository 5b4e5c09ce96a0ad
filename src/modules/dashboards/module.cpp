#include "modules/dashboards/module.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "core/clock.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/dashboards/home_figures.hpp"
#include "modules/dashboards/overview_docs.hpp"
#include "modules/dashboards/overview_export.hpp"
#include "modules/dashboards/overview_figures.hpp"

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

/// The overview's figures per scope and year, counted again on the same terms as the home page's:
/// at most kFresh old once anything was written. At most kEntries scopes are kept (the oldest go).
class OverviewCache {
public:
    static constexpr std::chrono::seconds kFresh{5};
    static constexpr std::size_t kEntries = 64;

    OverviewCache(store::Database& db, const registry::RegisteredKinds& kinds) : db_(db), kinds_(kinds) {}

    std::shared_ptr<const Overview> Get(const OverviewScope& scope) {
        std::string key = scope.Key();
        auto now = std::chrono::steady_clock::now();
        std::uint64_t writes = db_.writes_finished();
        {
            std::lock_guard lock(mutex_);
            auto it = entries_.find(key);
            if (it != entries_.end() && (it->second.writes == writes || now - it->second.counted_at < kFresh)) {
                return it->second.overview;
            }
        }
        // Counted outside the lock: one slow scope does not hold up the others.
        auto overview = std::make_shared<const Overview>(CountOverview(db_, kinds_, scope));
        std::lock_guard lock(mutex_);
        if (entries_.size() >= kEntries && !entries_.contains(key)) {
            auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
                return a.second.counted_at < b.second.counted_at;
            });
            entries_.erase(oldest);
        }
        entries_[key] = Entry{overview, writes, now};
        return overview;
    }

private:
    struct Entry {
        std::shared_ptr<const Overview> overview;
        std::uint64_t writes = 0;
        std::chrono::steady_clock::time_point counted_at;
    };
    store::Database& db_;
    const registry::RegisteredKinds& kinds_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

/// The units listed in the JSON answer; the download has them all.
constexpr std::size_t kUnitsShown = 100;

http::Response OverviewDownload(const Overview& overview, const std::string& format,
                                const std::optional<std::string>& figure) {
    http::Response response;
    std::string name = OverviewFileName(overview.scope, false), ascii = OverviewFileName(overview.scope, true);
    if (figure) {
        name += "-" + *figure;
        ascii += "-" + *figure;
    }
    if (format == "csv") {
        response.content_type = "text/csv; charset=utf-8";
        response.body = exchange::ToCsv(*OverviewSheet(overview, figure.value_or("units")));
    } else {
        response.content_type = http::doc::kXlsxType;
        response.body =
            figure ? exchange::ToXlsx(*OverviewSheet(overview, *figure)) : exchange::ToXlsx(OverviewSheets(overview));
    }
    response.SetHeader("content-disposition", http::AttachmentDisposition(name + "." + format, ascii + "." + format));
    return response;
}

void RegisterOverview(modules::ModuleContext& context, const registry::RegisteredKinds& kinds) {
    access::Policy& policy = context.policy;
    policy.Allow("dashboards.overview.read", Role::kOperator, access::Scope::kAll);
    policy.Allow("dashboards.overview.read", Role::kDepartmentReviewer, access::Scope::kDepartment);
    policy.Allow("dashboards.overview.read", Role::kDistrictOfficer, access::Scope::kDistrict);
    auto cache = std::make_shared<OverviewCache>(context.db, kinds);
    store::Database& db = context.db;
    context.router.Get("/api/v1/dashboards/overview", [&db, &policy, cache](http::Request& r) {
        FieldErrors errors;
        std::string format = r.Query("format").value_or("json");
        if (format != "json" && format != "csv" && format != "xlsx") {
            errors.Add("format", "格式应为 json、csv 或 xlsx", "format: json, csv or xlsx");
        }
        std::optional<std::string> figure = r.Query("figure");
        if (figure && std::find(std::begin(kOverviewFigures), std::end(kOverviewFigures), *figure) ==
                          std::end(kOverviewFigures)) {
            errors.Add("figure", "没有这项统计", "figure: totals, months, districts, departments, industries or units");
        }
        OverviewParams params{.year = r.Query("year"),
                              .district = r.Query("district"),
                              .department = r.Query("department"),
                              .org_id = r.Query("org_id")};
        int this_year = std::stoi(clock::TodayShanghai().substr(0, 4));
        OverviewScope scope;
        db.Read([&](store::Session& s) {
            scope = ReadOverviewScope(s, policy, r.caller.get(), params, this_year, std::move(errors));
        });
        std::shared_ptr<const Overview> overview = cache->Get(scope);
        if (format == "json") return http::JsonResponse(200, OverviewJson(*overview, kUnitsShown));
        return OverviewDownload(*overview, format, figure);
    });
    DescribeOverview(context.router);
}

}  // namespace

void Register(modules::ModuleContext& context) {
    // The kinds registered before this module (app/modules.cpp lists it after every kind's module).
    static const registry::RegisteredKinds kNone;
    const auto* kinds = context.services.Find<registry::RegisteredKinds>();
    auto home = std::make_shared<HomeCache>(context.db, kinds ? *kinds : kNone);
    RegisterOverview(context, kinds ? *kinds : kNone);
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
