#include "store/database.hpp"

#include "store/postgres/postgres_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace keyuan::store {

const char* EngineName(Engine engine) {
    return engine == Engine::kSqlite ? "sqlite" : "postgresql";
}

void Database::Write(const std::function<void(Session&)>& fn, const WriteOptions& options) {
    // Counted however the transaction ends: a commit lost with its connection may still
    // have happened, and a reader must then not trust what it read before.
    struct Finished {
        std::atomic<std::uint64_t>& counter;
        ~Finished() { counter.fetch_add(1, std::memory_order_release); }
    } finished{writes_finished_};
    WriteTransaction(fn, options);
}

std::unique_ptr<Database> Open(const std::string& url, const OpenOptions& options) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.starts_with(kSqlite)) {
        std::string path = url.substr(kSqlite.size());
        if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path and sqlite://rel
        if (path.empty()) throw ConnectionError("the sqlite URL has no file path (use sqlite:PATH)");
        return OpenSqlite(path, options);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return OpenPostgres(url, options);
    }
    throw ConnectionError("unsupported database URL (use sqlite:PATH or postgresql://…)");
}

}  // namespace keyuan::store
