#pragma once
// What baseline_server.cpp asks of a search engine: the words of a query (ANDed) and an optional
// document type in, the top kLimit hits and the exact number of matches out. One Engine is used
// by one thread at a time (the server's pool hands it out), never by two at once.

#include <memory>
#include <string>
#include <vector>

namespace bench::search {

inline constexpr int kLimit = 20;

struct Hit {
    std::string type, id, title;
};

struct Answer {
    std::vector<Hit> items;
    long long total = 0;
};

struct Query {
    std::vector<std::string> words;
    std::string type;
};

class Engine {
public:
    virtual ~Engine() = default;
    virtual Answer Search(const Query& q) = 0;
};

/// SQLite FTS5 (trigram) over the docs / docs_fts tables of run.sh; one read-only connection.
std::unique_ptr<Engine> MakeFts5(const std::string& path);

/// PostgreSQL ILIKE on bench_docs.doc (pg_trgm GIN index); one connection.
std::unique_ptr<Engine> MakePg(const std::string& url);

/// Groonga (TokenBigram) over the Docs table that run.sh loads; the database at `path` is opened
/// once per process and every engine gets a grn_ctx of its own on it. `cache`: whether Groonga's
/// own result cache may answer a select.
std::unique_ptr<Engine> MakeGroonga(const std::string& path, bool cache);

}  // namespace bench::search
