#include "store/database.hpp"

#include <stdexcept>

#include "store/postgres/postgres_database.hpp"
#include "store/sqlite/sqlite_database.hpp"
#include "store/write_companion.hpp"

namespace keyuan::store {

std::string RedactedUrl(const std::string& url) {
    std::size_t scheme = url.find("://");
    std::size_t at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    std::size_t colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

const char* EngineName(Engine engine) {
    return engine == Engine::kSqlite ? "sqlite" : "postgresql";
}

namespace {

// Lets one statement through to the engine's session: a second would run outside the first
// one's snapshot, which a caller of ReadStatement has promised not to need.
class OneStatementSession final : public Session {
public:
    explicit OneStatementSession(Session& inner) : inner_(inner) {}
    using Session::Query;

    Engine engine() const override { return inner_.engine(); }
    Rows Query(std::string_view sql, std::span<const Param> params) override {
        CheckOneSelect(sql);
        return inner_.Query(sql, params);
    }
    void ExecScript(std::string_view sql) override {
        CheckOneSelect(sql);
        inner_.ExecScript(sql);
    }
    Rows QueryAfter(std::string_view, std::string_view) override {
        throw std::logic_error("ReadStatement runs one statement; use Read for more");
    }

private:
    // Without a READ ONLY transaction around it, nothing else would stop a write.
    void CheckOneSelect(std::string_view sql) {
        if (used_) throw std::logic_error("ReadStatement runs one statement; use Read for more");
        if (!sql.starts_with("SELECT "))
            throw std::logic_error("ReadStatement runs a SELECT; use Write to change data");
        used_ = true;
    }

    Session& inner_;
    bool used_ = false;
};

}  // namespace

void Database::ReadStatement(const std::function<void(Session&)>& fn) {
    StatementRead([&fn](Session& s) {
        OneStatementSession one(s);
        fn(one);
    });
}

void Database::Write(const std::function<void(Session&)>& fn, const WriteOptions& options) {
    // Counted however the transaction ends: a commit lost with its connection may still
    // have happened, and a reader must then not trust what it read before.
    struct Finished {
        std::atomic<std::uint64_t>& counter;
        ~Finished() { counter.fetch_add(1, std::memory_order_release); }
    } finished{writes_finished_};
    WriteCompanion* companion = WriteCompanion::Take();
    if (!companion) {
        WriteTransaction(fn, options);
        return;
    }
    try {
        WriteTransaction(
            [&](Session& s) {
                fn(s);
                companion->step_(s);
            },
            options);
    } catch (...) {
        companion->Reattach();  // nothing committed: the next write of the request takes it
        throw;
    }
    companion->committed_ = true;
}

std::optional<std::string> SqlitePathOf(const std::string& url) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (!url.starts_with(kSqlite)) return std::nullopt;
    std::string path = url.substr(kSqlite.size());
    if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path and sqlite://rel
    return path;
}

std::unique_ptr<Database> Open(const std::string& url, const OpenOptions& options) {
    if (std::optional<std::string> path = SqlitePathOf(url)) {
        if (path->empty()) throw ConnectionError("the sqlite URL has no file path (use sqlite:PATH)");
        return OpenSqlite(*path, options);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return OpenPostgres(url, options);
    }
    throw ConnectionError("unsupported database URL (use sqlite:PATH or postgresql://…)");
}

}  // namespace keyuan::store
