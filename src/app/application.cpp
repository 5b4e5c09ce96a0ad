#include "app/application.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "app/modules.hpp"
#include "app/read_your_writes.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/json.hpp"
#include "store/replicas.hpp"

namespace keyuan::app {
namespace {

/// Refuses a web folder that holds the database, its WAL, the search index or the photos:
/// whatever the static handler's checks, no request path may ever reach those files.
void RequireWebFolderHoldsNoData(const http::StaticFiles& web, const Config& config) {
    std::vector<std::string> data = {config.search_index_dir, config.media_dir};
    if (config.db_url.starts_with("sqlite:")) data.push_back(config.db_url.substr(7));
    for (const std::string& path : data) {
        std::error_code ec;
        std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
        if (ec) continue;
        auto root_end = std::mismatch(web.root().begin(), web.root().end(), canonical.begin(), canonical.end()).first;
        if (root_end == web.root().end()) {
            throw std::runtime_error("the web folder " + web.root().string() + " contains data (" + path +
                                     "): choose a folder that holds only the built web UI");
        }
    }
}

}  // namespace

modules::Settings ModuleSettings(const Config& config, bool background_work) {
    return modules::Settings{.media_dir = config.media_dir,
                             .search_index_dir = config.search_index_dir,
                             .background_work = background_work,
                             .modules = config.modules,
                             .config_report = config.report};
}

Application::Application(const Config& config, std::unique_ptr<store::Database> db, bool background_work)
    : db_(std::move(db)), scheduler_(std::make_unique<jobs::Scheduler>(clock::Current())) {
    if (config.web_dir) {
        web_.emplace(*config.web_dir);
        RequireWebFolderHoldsNoData(*web_, config);
    }
    settings_ = ModuleSettings(config, background_work);
    modules::ModuleContext context{router_,   *db_,        policy_, middleware_,       KEYUAN_VERSION,
                                   settings_, *scheduler_, kept_,   AllDeclarations(), services_};
    for (const modules::Module& module : AllModules()) {
        if (module.registrar) module.registrar(context);
    }
    // Innermost, once authentication has named the caller: a caller who just wrote reads the
    // primary for a while longer than a replica may lag (at least 5 s).
    if (auto* replicated = dynamic_cast<store::ReplicatedDatabase*>(db_.get())) {
        auto lag = std::chrono::duration_cast<std::chrono::seconds>(replicated->max_lag()) * 2;
        middleware_.push_back(MakeReadYourWrites(std::max(lag, std::chrono::seconds(5))));
    }
    if (background_work) scheduler_->Start();
}

Application::~Application() {
    // Jobs refer to what the modules keep: stop them first.
    scheduler_->Stop();
}

void Application::AuditDenied(const http::Request& request) const {
    try {
        audit::RecordAlone(*db_, request.ToActor(),
                           {.event_type = "permission.denied",
                            .object_type = "route",
                            .object_id = std::string(http::MethodName(request.method)) + " " + request.path,
                            .result = "denied"});
    } catch (const store::DbError& e) {
        log::Error("audit write failed", {{"request_id", request.request_id}, {"what", e.what()}});
    }
}

http::Response Application::Route(http::Request& request, const http::RouteMatch& match) const {
    using Kind = http::RouteMatch::Kind;
    if (match.kind == Kind::kFound) {
        request.path_params = match.params;
        // Non-blocking routes (health, the OpenAPI document) run on a network thread and are
        // public: no middleware, so nothing there can touch the database.
        if (!match.options.blocking) return (*match.handler)(request);
        http::Next call = [&match](http::Request& r) { return (*match.handler)(r); };
        // Wrap from the innermost middleware outwards, so the first added runs first.
        for (auto it = middleware_.rbegin(); it != middleware_.rend(); ++it) {
            call = [&mw = *it, next = std::move(call)](http::Request& r) { return mw(r, next); };
        }
        return call(request);
    }
    if (match.kind == Kind::kMethodNotAllowed) {
        http::Response response = http::ErrorResponse(
            Error::Make(ErrorCode::kMethodNotAllowed, "不支持此请求方法", "Method not allowed"), request.lang);
        response.SetHeader("allow", match.allow);
        return response;
    }
    bool api = request.path == "/api" || request.path.starts_with("/api/");
    bool read = request.method == http::Method::kGet || request.method == http::Method::kHead;
    if (!api && read && web_) return web_->Serve(request);
    return http::ErrorResponse(Error::NotFound(), request.lang);
}

http::Response Application::Dispatch(http::Request& request, const http::RouteMatch& match) const {
    http::Response response = Answer(request, match);
    // An answer for a signed-in caller is theirs alone, errors included: no shared cache and
    // no browser cache may keep it (a handler that chose a policy of its own keeps it).
    if (request.caller) {
        bool has_policy = std::any_of(response.headers.begin(), response.headers.end(),
                                      [](const http::Header& h) { return h.name == "cache-control"; });
        if (!has_policy) response.SetHeader("cache-control", "no-store");
    }
    return response;
}

http::Response Application::Answer(http::Request& request, const http::RouteMatch& match) const {
    auto internal = [&request](const char* kind, const char* what) {
        log::Error(kind, {{"request_id", request.request_id}, {"path", request.path}, {"what", what}});
        return http::ErrorResponse(Error::Internal(request.request_id), request.lang);
    };
    try {
        return Route(request, match);
    } catch (const ApiError& e) {
        ErrorCode code = e.error().code;
        if (code == ErrorCode::kForbidden || code == ErrorCode::kCsrfFailed) AuditDenied(request);
        return http::ErrorResponse(e.error(), request.lang);
    } catch (const store::ConstraintError& e) {
        if (e.kind() == store::ConstraintError::Kind::kUnique) {
            // A concurrent request won a race that validation could not see.
            return http::ErrorResponse(
                Error::Conflict("数据已存在或已被修改", "Already exists or changed concurrently"), request.lang);
        }
        return internal("constraint violated", e.what());
    } catch (const store::ConnectionError& e) {
        log::Error("database unavailable", {{"request_id", request.request_id}, {"what", e.what()}});
        return http::ErrorResponse(
            Error::Make(ErrorCode::kUnavailable, "数据库暂不可用，请稍后重试", "Database unavailable, please retry"),
            request.lang);
    } catch (const store::DbError& e) {
        return internal("database error", e.what());
    } catch (const std::exception& e) {
        return internal("unhandled exception", e.what());
    }
}

}  // namespace keyuan::app
