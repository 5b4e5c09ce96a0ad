#include "modules/metrics/module.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

#include "access/crypto.hpp"
#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/request_metrics.hpp"
#include "modules/metrics/address_match.hpp"
#include "modules/metrics/settings.hpp"
#include "store/replicas.hpp"

namespace keyuan::metrics {
namespace {

constexpr std::string_view kPath = "/metrics";

void Gauge(std::string& out, const std::string& name, const std::string& help, double value) {
    char number[32];
    std::snprintf(number, sizeof number, "%.15g", value);
    out += "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + number + "\n";
}

double ResidentBytes() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

/// The figures read from the database at scrape time: small queries on small tables (the
/// outboxes are drained as they fill).
void AppendStoreFigures(std::string& out, store::Database& db) {
    std::int64_t search_depth = 0, mail_pending = 0, unsealed = 0;
    double search_oldest = 0;
    bool up = true;
    try {
        db.Read([&](store::Session& s) {
            store::Rows search = s.Query("SELECT COUNT(*), MIN(created_at) FROM search_outbox");
            search_depth = search[0].Int(0);
            if (std::optional<std::string> oldest = search[0].OptText(1)) {
                if (auto at = clock::ParseUtc(*oldest)) search_oldest = std::max<double>(0, clock::NowUnix() - *at);
            }
            mail_pending = s.Query("SELECT COUNT(*) FROM mail_outbox WHERE status IN ('pending', 'sending')")[0].Int(0);
            unsealed = s.Query("SELECT COUNT(*) FROM audit_events WHERE chain_seq IS NULL")[0].Int(0);
        });
    } catch (const store::DbError&) {
        up = false;
    }
    Gauge(out, "keyuan_database_up", "1 when the database answered this scrape.", up ? 1 : 0);
    if (!up) return;
    Gauge(out, "keyuan_search_outbox_depth", "Changes not yet in the search index.", static_cast<double>(search_depth));
    Gauge(out, "keyuan_search_outbox_oldest_seconds", "Age of the oldest change not yet indexed (the index's lag).",
          search_oldest);
    Gauge(out, "keyuan_mail_outbox_pending", "Mails queued or being sent.", static_cast<double>(mail_pending));
    Gauge(out, "keyuan_audit_unsealed_records", "Audit records not chained yet.", static_cast<double>(unsealed));
}

/// The connection pool and, with [database] replica_urls, each replica as the probe saw it.
void AppendPoolAndReplicas(std::string& out, store::Database& db) {
    store::Database::PoolStats pool = db.pool_stats();
    Gauge(out, "keyuan_db_pool_size", "Connections in the database pool (SQLite: readers).", pool.size);
    Gauge(out, "keyuan_db_pool_in_use", "Connections lent out now.", pool.in_use);
    Gauge(out, "keyuan_db_pool_waiting", "Threads waiting for a connection now.", pool.waiting);
    auto* replicated = dynamic_cast<store::ReplicatedDatabase*>(&db);
    if (!replicated) return;
    std::vector<store::ReplicaStatus> replicas = replicated->Replicas();
    auto each = [&](const char* name, const char* help, const char* type, auto value) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
        for (std::size_t i = 0; i < replicas.size(); ++i) {
            out += std::string(name) + "{replica=\"" + std::to_string(i) + "\"} " + value(replicas[i]) + "\n";
        }
    };
    each("keyuan_db_replica_in_use", "1 when the replica answers, replays and keeps within max lag.", "gauge",
         [](const store::ReplicaStatus& r) { return std::string(r.in_use ? "1" : "0"); });
    each("keyuan_db_replica_lag_seconds", "How far the replica is behind the primary (-1: not known).", "gauge",
         [](const store::ReplicaStatus& r) { return std::to_string(r.lag_seconds); });
    each("keyuan_db_replica_reads_total", "Reads that may lag served by the replica.", "counter",
         [](const store::ReplicaStatus& r) { return std::to_string(r.reads); });
    out +=
        "# HELP keyuan_db_primary_lagging_reads_total Reads that may lag served by the primary (no replica in use, "
        "or the caller wrote a moment ago).\n# TYPE keyuan_db_primary_lagging_reads_total counter\n"
        "keyuan_db_primary_lagging_reads_total " +
        std::to_string(replicated->primary_lagging_reads()) + "\n";
}

void AppendJobs(std::string& out, const jobs::Scheduler& scheduler) {
    std::vector<jobs::JobStats> stats = scheduler.Stats();
    out += "# HELP keyuan_job_runs_total Runs of each scheduled job.\n# TYPE keyuan_job_runs_total counter\n";
    for (const jobs::JobStats& j : stats) {
        out += "keyuan_job_runs_total{job=\"" + http::PrometheusLabel(j.name) + "\"} " + std::to_string(j.runs) + "\n";
    }
    out +=
        "# HELP keyuan_job_failures_total Runs that ended with an error.\n"
        "# TYPE keyuan_job_failures_total counter\n";
    for (const jobs::JobStats& j : stats) {
        out += "keyuan_job_failures_total{job=\"" + http::PrometheusLabel(j.name) + "\"} " +
               std::to_string(j.failures) + "\n";
    }
    out +=
        "# HELP keyuan_job_last_run_timestamp_seconds When each job last ran (0: not yet).\n"
        "# TYPE keyuan_job_last_run_timestamp_seconds gauge\n";
    for (const jobs::JobStats& j : stats) {
        out += "keyuan_job_last_run_timestamp_seconds{job=\"" + http::PrometheusLabel(j.name) + "\"} " +
               std::to_string(j.last_run_unix) + "\n";
    }
}

bool Allowed(const http::Request& r, const std::vector<Network>& networks, const std::string& token) {
    if (AddressAllowed(r.remote_address, networks)) return true;
    std::string_view authorization = r.HeaderValue("authorization");
    return !token.empty() && authorization.starts_with("Bearer ") &&
           access::ConstantTimeEquals(authorization.substr(7), token);
}

}  // namespace

void Register(modules::ModuleContext& context) {
    const MetricsSettings& settings = context.settings.Of<MetricsSettings>();
    std::vector<Network> networks;
    for (const std::string& a : settings.allow) networks.push_back(*ParseNetwork(a));
    store::Database& db = context.db;
    const jobs::Scheduler& scheduler = context.scheduler;
    std::string build = "keyuan_build_info{version=\"" + http::PrometheusLabel(context.version) + "\",engine=\"" +
                        store::EngineName(db.engine()) + "\"} 1\n";
    double started = static_cast<double>(clock::NowUnix());
    auto render = [&db, &scheduler, build, started](http::Request&) {
        std::string out =
            "# HELP keyuan_build_info The running version and database engine.\n"
            "# TYPE keyuan_build_info gauge\n" +
            build;
        Gauge(out, "keyuan_process_start_time_seconds", "When the server started, Unix time.", started);
        Gauge(out, "keyuan_process_resident_memory_bytes", "Resident memory of the server.", ResidentBytes());
        http::ProcessRequestMetrics().AppendPrometheus(out);
        AppendStoreFigures(out, db);
        AppendPoolAndReplicas(out, db);
        AppendJobs(out, scheduler);
        http::Response response;
        response.content_type = "text/plain; version=0.0.4; charset=utf-8";
        response.body = std::move(out);
        return response;
    };
    // The guard runs before authentication (a Bearer token here is the metrics token, not an API
    // token); a refused caller sees what any unknown path answers.
    context.middleware.push_back(
        [networks, token = settings.token, render](http::Request& r, const http::Next& next) -> http::Response {
            if (r.path != kPath) return next(r);
            if (!Allowed(r, networks, token)) return http::ErrorResponse(Error::NotFound(), r.lang);
            return render(r);
        });
    context.router.Get(std::string(kPath), render);
    context.router.Describe(http::Method::kGet, std::string(kPath),
                            {.summary = "Prometheus metrics (allowed addresses or the metrics token only)",
                             .tags = {"system"},
                             .response = boost::json::object{{"type", "string"}},
                             .response_type = "text/plain",
                             .errors = {404}});
}

void Declare(modules::Declarations& declarations) {
    declarations.settings.push_back(MetricsSettingsReader());
}

}  // namespace keyuan::metrics
