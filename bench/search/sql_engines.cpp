// The SQL baselines of bench/search: SQLite FTS5 with the trigram tokenizer and PostgreSQL ILIKE
// with a pg_trgm GIN index, over the rows run.sh copies (see baseline_server.cpp's header for how
// each word becomes SQL).
#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine.hpp"

namespace bench::search {
namespace {

std::size_t Utf8Chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string LikeContains(const std::string& word) {
    std::string out = "%";
    for (char c : word) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "%";
}

class Fts5 final : public Engine {
public:
    explicit Fts5(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot open " + path);
        }
        sqlite3_exec(db_, "PRAGMA cache_size=-65536", nullptr, nullptr, nullptr);
    }
    ~Fts5() override { sqlite3_close_v2(db_); }

    Answer Search(const Query& q) override {
        std::string match;
        std::vector<std::string> likes;
        for (const std::string& w : q.words) {
            if (Utf8Chars(w) >= 3) {
                std::string phrase = "\"";
                for (char c : w) {
                    if (c == '"') phrase.push_back('"');
                    phrase.push_back(c);
                }
                phrase += "\"";
                match += (match.empty() ? "" : " AND ") + phrase;
            } else {
                likes.push_back(LikeContains(w));
            }
        }
        std::string where = " WHERE 1=1";
        std::vector<std::string> params;
        if (!match.empty()) {
            where += " AND docs_fts MATCH ?";
            params.push_back(match);
        }
        for (const std::string& l : likes) {
            where += " AND (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')";
            params.push_back(l);
            params.push_back(l);
        }
        if (!q.type.empty()) {
            where += " AND type = ?";
            params.push_back(q.type);
        }
        Answer a;
        {
            Stmt s(db_, "SELECT COUNT(*) FROM docs_fts" + where, params);
            if (s.Step()) a.total = sqlite3_column_int64(s.get(), 0);
        }
        std::string order = match.empty() ? " ORDER BY rowid DESC" : " ORDER BY rank";
        Stmt s(db_, "SELECT type, obj_id, title FROM docs_fts" + where + order + " LIMIT " + std::to_string(kLimit),
               params);
        while (s.Step()) a.items.push_back({s.Text(0), s.Text(1), s.Text(2)});
        return a;
    }

private:
    class Stmt {
    public:
        Stmt(sqlite3* db, const std::string& sql, const std::vector<std::string>& params) {
            if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) {
                throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(db));
            }
            for (std::size_t i = 0; i < params.size(); ++i) {
                sqlite3_bind_text(st_, static_cast<int>(i + 1), params[i].data(), static_cast<int>(params[i].size()),
                                  SQLITE_TRANSIENT);
            }
        }
        ~Stmt() { sqlite3_finalize(st_); }
        bool Step() {
            int rc = sqlite3_step(st_);
            if (rc == SQLITE_ROW) return true;
            if (rc == SQLITE_DONE) return false;
            throw std::runtime_error(std::string("step: ") + sqlite3_errmsg(sqlite3_db_handle(st_)));
        }
        std::string Text(int col) {
            const unsigned char* t = sqlite3_column_text(st_, col);
            return t ? reinterpret_cast<const char*>(t) : "";
        }
        sqlite3_stmt* get() { return st_; }

    private:
        sqlite3_stmt* st_ = nullptr;
    };
    sqlite3* db_ = nullptr;
};

class Pg final : public Engine {
public:
    explicit Pg(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (PQstatus(conn_) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn_));
    }
    ~Pg() override { PQfinish(conn_); }

    Answer Search(const Query& q) override {
        std::string where = " WHERE 1=1";
        std::vector<std::string> params;
        for (const std::string& w : q.words) {
            params.push_back(LikeContains(w));
            where += " AND doc ILIKE $" + std::to_string(params.size());
        }
        if (!q.type.empty()) {
            params.push_back(q.type);
            where += " AND type = $" + std::to_string(params.size());
        }
        Answer a;
        PGresult* r = Exec("SELECT COUNT(*) FROM bench_docs" + where, params);
        a.total = std::atoll(PQgetvalue(r, 0, 0));
        PQclear(r);
        r = Exec(
            "SELECT type, obj_id, title FROM bench_docs" + where + " ORDER BY id DESC LIMIT " + std::to_string(kLimit),
            params);
        for (int i = 0; i < PQntuples(r); ++i)
            a.items.push_back({PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2)});
        PQclear(r);
        return a;
    }

private:
    PGresult* Exec(const std::string& sql, const std::vector<std::string>& params) {
        std::vector<const char*> values;
        for (const std::string& p : params) values.push_back(p.c_str());
        PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                   nullptr, 0);
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            std::string err = PQresultErrorMessage(r);
            PQclear(r);
            throw std::runtime_error(err);
        }
        return r;
    }
    PGconn* conn_;
};

}  // namespace

std::unique_ptr<Engine> MakeFts5(const std::string& path) {
    return std::make_unique<Fts5>(path);
}

std::unique_ptr<Engine> MakePg(const std::string& url) {
    return std::make_unique<Pg>(url);
}

}  // namespace bench::search
