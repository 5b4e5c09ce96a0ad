// Groonga as a search baseline: its `select` command over the Docs table that run.sh loads and
// indexes (TokenBigram with NormalizerAuto, one index column over title and body with sections,
// so that match_columns `title * 4 || body` weighs a title match four times a body match, as
// keyuan does).
//
// A query goes in as select's HTTP form (/d/select?name=value&...), URL-encoded, so that the
// only quoting left is the query syntax's own: every word is a quoted phrase ("...", with \ and "
// escaped), and words separated by a space are ANDed. The type is a --filter on the type column.
// Match escalation is off (match_escalation_threshold=-1): a word that matches nothing stays at
// zero hits instead of being retried as a looser match, as in keyuan and the SQL baselines.
#include <groonga.h>

#include <boost/json.hpp>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine.hpp"

namespace bench::search {
namespace {

// The database is opened once per process, on a context of its own; each engine's context then
// uses it (grn_ctx_use), the way Groonga's own server shares one database among its worker
// threads. A context must not be used by two threads at once: the server's pool sees to that.
class Database {
public:
    explicit Database(std::string path) : path_(std::move(path)) {
        if (grn_init() != GRN_SUCCESS) throw std::runtime_error("grn_init failed");
        grn_ctx_init(&ctx_, 0);
        db_ = grn_db_open(&ctx_, path_.c_str());
        if (db_ == nullptr) {
            std::string error = ctx_.errbuf;
            grn_ctx_fin(&ctx_);
            grn_fin();
            throw std::runtime_error("cannot open the Groonga database " + path_ + ": " + error);
        }
    }
    ~Database() {
        grn_obj_close(&ctx_, db_);
        grn_ctx_fin(&ctx_);
        grn_fin();
    }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    grn_obj* get() const { return db_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    grn_ctx ctx_{};
    grn_obj* db_ = nullptr;
};

// The engines of a pool share one Database, closed after the last of them.
std::shared_ptr<Database> SharedDatabase(const std::string& path) {
    static std::mutex mutex;
    static std::weak_ptr<Database> open;
    std::lock_guard lock(mutex);
    std::shared_ptr<Database> db = open.lock();
    if (!db) {
        db = std::make_shared<Database>(path);
        open = db;
    }
    if (db->path() != path) throw std::logic_error("one Groonga database per process");
    return db;
}

std::string UrlEncode(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out += {'%', kHex[c >> 4], kHex[c & 15]};
        }
    }
    return out;
}

// A string between double quotes, as both the query syntax and the script syntax (--filter)
// read it: only \ and " need a backslash there.
std::string Quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

std::string SelectPath(const Query& q, bool cache) {
    std::string query;
    for (const std::string& w : q.words) query += (query.empty() ? "" : " ") + Quoted(w);
    std::string path = "/d/select?table=Docs&match_columns=" + UrlEncode("title * 4 || body") +
                       "&query=" + UrlEncode(query) + "&output_columns=" + UrlEncode("type,obj_id,title") +
                       "&sort_keys=" + UrlEncode("-_score,_id") + "&limit=" + std::to_string(kLimit) +
                       "&match_escalation_threshold=-1&cache=" + (cache ? "yes" : "no");
    if (!q.type.empty()) path += "&filter=" + UrlEncode("type == " + Quoted(q.type));
    return path;
}

// select's answer through the library is its body alone, [[[N], [[name, type]...], row...]]
// (N: every match; rows: the top ones, in output_columns order); the [status, start, elapsed]
// header that the groonga executable adds is not there, and an error shows in ctx.rc instead.
Answer ParseSelect(const std::string& reply) {
    const boost::json::value top = boost::json::parse(reply);
    const boost::json::array& result = top.as_array().at(0).as_array();
    Answer a;
    a.total = result.at(0).as_array().at(0).to_number<long long>();
    for (std::size_t i = 2; i < result.size(); ++i) {
        const boost::json::array& row = result[i].as_array();
        a.items.push_back({std::string(row.at(0).as_string()), std::to_string(row.at(1).to_number<long long>()),
                           std::string(row.at(2).as_string())});
    }
    return a;
}

class Groonga final : public Engine {
public:
    Groonga(std::shared_ptr<Database> db, bool cache) : db_(std::move(db)), cache_(cache) {
        if (grn_ctx_init(&ctx_, 0) != GRN_SUCCESS) throw std::runtime_error("grn_ctx_init failed");
        grn_ctx_use(&ctx_, db_->get());
    }
    ~Groonga() override { grn_ctx_fin(&ctx_); }
    Groonga(const Groonga&) = delete;
    Groonga& operator=(const Groonga&) = delete;

    Answer Search(const Query& q) override {
        const std::string path = SelectPath(q, cache_);
        grn_ctx_send(&ctx_, path.data(), static_cast<unsigned int>(path.size()), 0);
        if (ctx_.rc != GRN_SUCCESS) throw std::runtime_error(std::string("Groonga: ") + ctx_.errbuf);
        std::string reply;
        int flags = 0;
        do {
            char* chunk = nullptr;
            unsigned int size = 0;
            grn_ctx_recv(&ctx_, &chunk, &size, &flags);
            reply.append(chunk, size);
        } while (flags & GRN_CTX_MORE);
        return ParseSelect(reply);
    }

private:
    std::shared_ptr<Database> db_;
    bool cache_;
    grn_ctx ctx_{};
};

}  // namespace

std::unique_ptr<Engine> MakeGroonga(const std::string& path, bool cache) {
    return std::make_unique<Groonga>(SharedDatabase(path), cache);
}

}  // namespace bench::search
