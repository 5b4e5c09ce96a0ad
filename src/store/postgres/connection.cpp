#include "store/postgres/connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <vector>

#include "core/log.hpp"
#include "store/errors.hpp"
#include "store/postgres/pipeline.hpp"
#include "store/postgres/result_rows.hpp"

namespace keyuan::store::postgres {
namespace {

// Applied after every connect and reset. Commits wait for the WAL flush whatever the server's
// default says, and timestamps render in UTC as they do on SQLite.
constexpr const char* kSessionSettings = "SET synchronous_commit = on; SET TimeZone = 'UTC'";
// Seconds libpq waits for a server that does not answer, unless the URL says otherwise.
constexpr const char* kConnectTimeout = "10";
// Statements sent by Send before their answers are read: the server's answers wait in its socket
// buffer meanwhile, and answers that filled it would leave both sides waiting for the other.
constexpr std::size_t kMaxSentUnread = 256;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string FirstLine(std::string_view text) {
    text = text.substr(0, text.find('\n'));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return std::string(text);
}

std::string Reason(const PGconn* conn) {
    std::string reason = FirstLine(PQerrorMessage(conn));
    return reason.empty() ? "the connection is closed" : reason;
}

// Why a connection attempt failed, without libpq's "connection to server at …, port … failed:"
// and "FATAL:" prefixes: our message names the server already.
std::string ConnectReason(const PGconn* conn) {
    std::string reason = Reason(conn);
    constexpr std::string_view kFailed = " failed: ";
    std::size_t failed = reason.find(kFailed);
    if (reason.starts_with("connection to server") && failed != std::string::npos) {
        reason.erase(0, failed + kFailed.size());
    }
    constexpr std::string_view kFatal = "FATAL:  ";
    if (reason.starts_with(kFatal)) reason.erase(0, kFatal.size());
    return reason;
}

// The password in a URL's user info (postgresql://user:PASSWORD@host/…), or "". libpq reads
// the user info up to the first '@' or '/', and so does this.
std::string_view UrlPassword(std::string_view url) {
    std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme_end + 3);
    std::size_t at = rest.find_first_of("@/");
    if (at == std::string_view::npos || rest[at] != '@') return {};
    std::string_view userinfo = rest.substr(0, at);
    std::size_t colon = userinfo.find(':');
    return colon == std::string_view::npos ? std::string_view() : userinfo.substr(colon + 1);
}

std::string Redact(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    for (std::size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3)) {
        text.replace(pos, secret.size(), "***");
    }
    return text;
}

// "host:port/database" of the server libpq chose, after the URL and PG* variables applied;
// "" when the URL could not be parsed.
std::string Describe(const PGconn* conn) {
    std::string host = PQhost(conn) ? PQhost(conn) : "";
    if (host.empty()) return host;
    std::string port = PQport(conn) ? PQport(conn) : "";
    std::string db = PQdb(conn) ? PQdb(conn) : "";
    return host + (port.empty() ? "" : ":" + port) + "/" + db;
}

ConstraintError::Kind ConstraintKind(std::string_view sqlstate) {
    using Kind = ConstraintError::Kind;
    if (sqlstate == "23505") return Kind::kUnique;
    if (sqlstate == "23503") return Kind::kForeignKey;
    if (sqlstate == "23514") return Kind::kCheck;
    if (sqlstate == "23502") return Kind::kNotNull;
    if (sqlstate == "23P01") return Kind::kExclusion;
    return Kind::kOther;
}

[[noreturn]] void ThrowBySqlstate(const std::string& message, const std::string& sqlstate) {
    // Serialization failures and deadlocks succeed when the whole transaction runs again.
    if (sqlstate == "40001" || sqlstate == "40P01") throw DbError(message, sqlstate, true);
    if (sqlstate.starts_with("23")) throw ConstraintError(message, sqlstate, ConstraintKind(sqlstate));
    throw DbError(message, sqlstate, false);
}

// Server notices such as "table … does not exist, skipping" would otherwise reach stderr as bare
// text beside the JSON log. Warnings may matter; the rest is routine.
void OnNotice(void* /*arg*/, const PGresult* notice) {
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    const char* primary = PQresultErrorField(notice, PG_DIAG_MESSAGE_PRIMARY);
    bool warning = severity != nullptr && std::string_view(severity) == "WARNING";
    log::Write(warning ? log::Level::kWarn : log::Level::kDebug, "PostgreSQL notice",
               {{"message", primary ? primary : ""}});
}

}  // namespace

void Connection::Deleter::operator()(pg_conn* conn) const {
    PQfinish(conn);
}

Connection::Connection(const std::string& url) {
    // Our defaults come before the URL, so that settings written in the URL win.
    const char* const keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* const values[] = {kConnectTimeout, "keyuan", url.c_str(), nullptr};
    conn_.reset(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
    if (!conn_) throw ConnectionError("cannot connect to PostgreSQL: out of memory");
    PQsetNoticeReceiver(conn_.get(), OnNotice, nullptr);
    where_ = Describe(conn_.get());
    if (!Alive()) {
        const char* used_password = PQpass(conn_.get());
        std::string reason = Redact(ConnectReason(conn_.get()), UrlPassword(url));
        reason = Redact(std::move(reason), used_password ? used_password : "");
        if (where_.empty()) throw ConnectionError("invalid PostgreSQL URL: " + reason);
        throw ConnectionError("cannot connect to PostgreSQL at " + where_ + ": " + reason);
    }
    Configure();
}

Connection::~Connection() = default;

bool Connection::Alive() const {
    return PQstatus(conn_.get()) == CONNECTION_OK;
}

void Connection::Configure() {
    Exec(kSessionSettings);
}

const std::string& Connection::Prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    std::string name = "s" + std::to_string(next_statement_++);
    std::string text(sql);
    // No parameter types: the server infers each $n from where it appears.
    Result result(PQprepare(conn_.get(), name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) ThrowError(result.get(), sql);
    return statements_.emplace(std::move(text), std::move(name)).first->second;
}

namespace {

// Parameters as the text libpq sends; nullptr for NULL.
struct TextParams {
    explicit TextParams(std::span<const Param> params) : values(params.size(), nullptr) {
        texts.reserve(params.size());  // never reallocates, so the pointers in `values` stay valid
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (params[i].kind() != Param::Kind::kNull) values[i] = texts.emplace_back(params[i].ToText()).c_str();
        }
    }
    int count() const { return static_cast<int>(values.size()); }
    std::vector<std::string> texts;
    std::vector<const char*> values;
};

bool Succeeded(const PGresult* result) {
    ExecStatusType status = PQresultStatus(result);
    return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY;
}

}  // namespace

void Connection::BeginWithFirstStatement(std::string begin) {
    begin_ = std::move(begin);
}

template <typename SendFirst>
Rows Connection::First(SendFirst send) {
    std::string begin = std::move(begin_);
    begin_.clear();
    bool begun = false;  // set by `send` once BEGIN has answered
    try {
        return send(begin, begun);
    } catch (const ConnectionError&) {
        // Lost before BEGIN answered: as ExecFirst, once more on a fresh connection. Lost
        // after it, the statement may have run (and died uncommitted): the caller decides.
        if (begun) throw;
        EnsureUsable();
        return send(begin, begun);
    }
}

Rows Connection::Query(std::string_view sql, std::span<const Param> params) {
    if (!sent_.empty()) {
        // After the statements sent unread, in the same round trip, if it is prepared already.
        if (auto it = statements_.find(sql); it != statements_.end()) {
            TextParams texts(params);
            Last last{it->first, &it->second, texts.count(), texts.values.data()};
            return Drain(&last);
        }
        Drain();
    }
    if (begin_.empty()) return QueryNow(sql, params);
    return First([&](const std::string& begin, bool& begun) {
        // A statement new to this connection is prepared first (once), with its BEGIN on its own.
        if (statements_.find(sql) == statements_.end()) {
            SimpleQuery(begin, begin);
            begun = true;
            return QueryNow(sql, params);
        }
        const std::string& name = Prepare(sql);
        TextParams texts(params);
        BeginAndFirst results =
            SendBeginAndPrepared(conn_.get(), begin.c_str(), name.c_str(), texts.count(), texts.values.data());
        if (!results.begin || PQresultStatus(results.begin.get()) != PGRES_COMMAND_OK) {
            ThrowError(results.begin.get(), begin);
        }
        begun = true;
        if (!results.first || !Succeeded(results.first.get())) ThrowError(results.first.get(), sql);
        return ToRows(results.first.get());
    });
}

void Connection::Send(std::string_view sql, std::span<const Param> params) {
    auto it = statements_.find(sql);
    if (!begin_.empty() || it == statements_.end()) {
        Query(sql, params);
        return;
    }
    if (sent_.empty() && PQenterPipelineMode(conn_.get()) != 1) ThrowError(nullptr, sql);
    TextParams texts(params);
    if (PQsendQueryPrepared(conn_.get(), it->second.c_str(), texts.count(), texts.values.data(), nullptr, nullptr,
                            /*resultFormat=*/0) != 1) {
        Abandon();
        ThrowError(nullptr, sql);
    }
    sent_.push_back(it->first);
    if (sent_.size() >= kMaxSentUnread) Drain();
}

Rows Connection::Drain(const Last* last) {
    std::vector<std::string_view> sent = std::move(sent_);
    sent_.clear();
    PGconn* conn = conn_.get();
    bool ok = !last || PQsendQueryPrepared(conn, last->name->c_str(), last->count, last->values, nullptr, nullptr,
                                           /*resultFormat=*/0) == 1;
    ok = ok && PQpipelineSync(conn) == 1;
    // A query after a failed one answers PGRES_PIPELINE_ABORTED: the first error is the one.
    Result first_error;
    std::string_view error_sql;
    Result last_result;
    bool synced = ok && ReadUntilSync(conn, [&](std::size_t query, PgResult result) {
                      ExecStatusType status = PQresultStatus(result.get());
                      if (status == PGRES_PIPELINE_ABORTED) return;
                      if (query < sent.size()) {
                          if (!Succeeded(result.get()) && !first_error) {
                              first_error.reset(result.release());
                              error_sql = sent[query];
                          }
                      } else if (last && !last_result) {
                          last_result.reset(result.release());
                      }
                  });
    bool left = PQexitPipelineMode(conn) == 1;
    if (first_error) ThrowError(first_error.get(), error_sql);
    std::string_view sql = last ? last->sql : (sent.empty() ? std::string_view("SYNC") : sent.back());
    if (!synced || !left) ThrowError(nullptr, sql);  // the connection was lost
    if (!last) return Rows();
    if (!last_result || !Succeeded(last_result.get())) ThrowError(last_result.get(), sql);
    return ToRows(last_result.get());
}

void Connection::Abandon() {
    if (sent_.empty()) return;
    sent_.clear();
    PGconn* conn = conn_.get();
    if (PQpipelineSync(conn) == 1) ReadUntilSync(conn, [](std::size_t, PgResult) {});
    // Fails only on a lost connection, which EnsureUsable resets before its next use.
    PQexitPipelineMode(conn);
}

Rows Connection::QueryNow(std::string_view sql, std::span<const Param> params) {
    const std::string& name = Prepare(sql);
    TextParams texts(params);
    Result result(PQexecPrepared(conn_.get(), name.c_str(), texts.count(), texts.values.data(), nullptr, nullptr,
                                 /*resultFormat=*/0));
    ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) ThrowError(result.get(), sql);
    return ToRows(result.get());
}

Rows Connection::SimpleQuery(const std::string& text, std::string_view sql) {
    Result result(PQexec(conn_.get(), text.c_str()));
    if (!Succeeded(result.get())) ThrowError(result.get(), sql);
    return ToRows(result.get());
}

void Connection::Exec(std::string_view sql) {
    ExecRows(sql);
}

Rows Connection::ExecRows(std::string_view sql) {
    if (!sent_.empty()) Drain();
    if (!begin_.empty()) {
        // Rare as a transaction's first statement (migrations): BEGIN goes on its own.
        First([&](const std::string& begin, bool& begun) {
            Rows answer = SimpleQuery(begin, begin);
            begun = true;
            return answer;
        });
    }
    return SimpleQuery(std::string(sql), sql);
}

void Connection::Commit() {
    if (!begin_.empty()) {  // no statement ran: there is nothing to commit
        begin_.clear();
        return;
    }
    if (!sent_.empty()) Drain();  // an error among them: the caller rolls back
    // COMMIT never left: nothing can have been committed.
    if (!Alive()) throw ConnectionError("lost the connection to PostgreSQL at " + where_ + " before COMMIT");
    Result result(PQexec(conn_.get(), "COMMIT"));
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
        // A transaction in which a statement failed answers COMMIT with ROLLBACK, not an error.
        if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
            throw DbError("the transaction was rolled back because a statement in it failed", "25P02", false);
        }
        return;
    }
    if (!Alive()) {
        throw CommitInDoubtError("lost the connection to PostgreSQL at " + where_ +
                                 " during COMMIT; the transaction may or may not have been committed");
    }
    ThrowError(result.get(), "COMMIT");
}

void Connection::Rollback() {
    begin_.clear();
    Abandon();
    // A broken connection needs no ROLLBACK: the server ends its transaction when the socket closes.
    if (!Alive() || PQtransactionStatus(conn_.get()) == PQTRANS_IDLE) return;
    Result result(PQexec(conn_.get(), "ROLLBACK"));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        log::Warn("ROLLBACK failed; the connection will be reset before reuse",
                  {{"db", where_}, {"reason", Reason(conn_.get())}});
    }
}

void Connection::EnsureUsable() {
    begin_.clear();
    Abandon();
    if (Alive() && PQtransactionStatus(conn_.get()) == PQTRANS_IDLE &&
        PQpipelineStatus(conn_.get()) == PQ_PIPELINE_OFF) {
        return;
    }
    // Prepared statements and session settings do not survive the reconnect.
    statements_.clear();
    PQreset(conn_.get());
    if (!Alive()) {
        throw ConnectionError("cannot reconnect to PostgreSQL at " + where_ + ": " + ConnectReason(conn_.get()));
    }
    Configure();
}

void Connection::ThrowError(const pg_result* result, std::string_view sql) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string message = primary ? FirstLine(primary) : Reason(conn_.get());
    if (!Alive()) throw ConnectionError("lost the connection to PostgreSQL at " + where_ + ": " + message);
    // 08P01 on a live connection is a wrong parameter count, a bug of the caller as on SQLite.
    if (sqlstate.starts_with("08") && sqlstate != "08P01") {
        throw ConnectionError("PostgreSQL at " + where_ + " reported a connection failure: " + message);
    }
    // A statement prepared before its table changed shape fails from then on ("cached plan must
    // not change result type"); forget it so that the next call prepares it afresh.
    if (sqlstate == "0A000") {
        if (auto it = statements_.find(sql); it != statements_.end()) statements_.erase(it);
    }
    ThrowBySqlstate(message, sqlstate);
}

}  // namespace keyuan::store::postgres
