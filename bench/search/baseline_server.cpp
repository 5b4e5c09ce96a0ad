// Baseline search servers for bench/search/run.sh: the same query mix that keyuan's
// GET /api/v1/search answers, served from
//   fts5     SQLite FTS5, trigram tokenizer, external-content table over the same rows
//   pg       PostgreSQL ILIKE '%term%' with a pg_trgm GIN index over the same rows
//   groonga  Groonga 13 (libgroonga), TokenBigram + NormalizerAuto index over title and body
// so that wrk drives all four servers alike.
//
//   baseline_server --engine fts5    --db FILE --listen 127.0.0.1:PORT [--pool 8]
//   baseline_server --engine pg      --db URL  --listen 127.0.0.1:PORT [--pool 8]
//   baseline_server --engine groonga --db FILE --listen 127.0.0.1:PORT [--pool 8] [--cache yes|no]
//
//   GET /search?q=TEXT[&type=instrument|lab|service|finance_product]
//     -> {"items":[{"type":..,"id":"..","title":".."} x <= 20],"total":N}
//   GET /health -> {"status":"ok"}
//
// Words (split on spaces) are ANDed, as keyuan does. Each word is matched as a substring,
// case-insensitively for ASCII, by the SQL baselines (sql_engines.cpp):
//   fts5  a word of 3+ characters is an FTS5 phrase ("word") in MATCH, ranked by bm25 (ORDER BY
//         rank); a word of 1-2 characters cannot use the trigram index (FTS5 needs a trigram)
//         and becomes `(title LIKE '%word%' OR body LIKE '%word%')` on the FTS table, which FTS5
//         answers by a full scan.
//   pg    every word is `doc ILIKE '%word%'`, newest id first (ILIKE has no relevance).
// Both return an exact total (COUNT(*)) and the top 20.
//   groonga  every word is a quoted phrase in select's --query over `title * 4 || body`, ranked
//         by -_score (groonga_engine.cpp). TokenBigram cuts CJK text into bigrams but keeps a run
//         of ASCII letters or digits whole, so an ASCII word matches whole tokens, not substrings
//         (SEM does not match "SEMI"). The total is the one Groonga reports, exact. --cache yes
//         lets Groonga's own result cache answer repeated queries (off by default).
// No facets, no snippets: less work than keyuan does per request, which favours the baselines.
//
// One thread per connection (wrk keeps its 64 connections open) and a pool of --pool database
// connections (Groonga: contexts) shared by them, like keyuan's pool_size. Loopback only.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "engine.hpp"

namespace {

using bench::search::Answer;
using bench::search::Engine;
using bench::search::Query;

// ------------------------------------------------------------------ pool
class Pool {
public:
    template <typename Make>
    Pool(int size, Make make) {
        for (int i = 0; i < size; ++i) idle_.push_back(make());
    }
    std::unique_ptr<Engine> Take() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return !idle_.empty(); });
        auto e = std::move(idle_.back());
        idle_.pop_back();
        return e;
    }
    void Give(std::unique_ptr<Engine> e) {
        {
            std::lock_guard lock(mutex_);
            idle_.push_back(std::move(e));
        }
        cv_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<Engine>> idle_;
};

// ------------------------------------------------------------------ HTTP
int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string UrlDecode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out.push_back(' ');
        } else if (s[i] == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::string JsonString(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out + "\"";
}

std::string Response(int status, const std::string& body) {
    const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Internal Server Error";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string Handle(Pool& pool, const std::string& target) {
    std::string path = target.substr(0, target.find('?'));
    if (path == "/health") return Response(200, "{\"status\":\"ok\"}");
    if (path != "/search") return Response(404, "{\"error\":\"not found\"}");
    Query q;
    std::string query = target.size() > path.size() ? target.substr(path.size() + 1) : "";
    for (std::size_t start = 0; start < query.size();) {
        std::size_t amp = std::min(query.find('&', start), query.size());
        std::string pair = query.substr(start, amp - start);
        std::size_t eq = pair.find('=');
        std::string name = pair.substr(0, eq), value = eq == std::string::npos ? "" : UrlDecode(pair.substr(eq + 1));
        if (name == "q") {
            for (std::size_t i = 0; i < value.size();) {
                std::size_t sp = std::min(value.find(' ', i), value.size());
                if (sp > i) q.words.push_back(value.substr(i, sp - i));
                i = sp + 1;
            }
        } else if (name == "type") {
            q.type = value;
        }
        start = amp + 1;
    }
    std::unique_ptr<Engine> engine = pool.Take();
    Answer a;
    try {
        a = engine->Search(q);
    } catch (const std::exception& e) {
        pool.Give(std::move(engine));
        return Response(500, "{\"error\":" + JsonString(e.what()) + "}");
    }
    pool.Give(std::move(engine));
    std::string body = "{\"items\":[";
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        body += (i ? ",{\"type\":" : "{\"type\":") + JsonString(a.items[i].type) +
                ",\"id\":" + JsonString(a.items[i].id) + ",\"title\":" + JsonString(a.items[i].title) + "}";
    }
    body += "],\"total\":" + std::to_string(a.total) + "}";
    return Response(200, body);
}

void Serve(int fd, Pool& pool) {
    std::string buffer;
    char chunk[16384];
    for (;;) {
        std::size_t end;
        while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0 || buffer.size() > 65536) {
                ::close(fd);
                return;
            }
            buffer.append(chunk, static_cast<std::size_t>(n));
        }
        std::string head = buffer.substr(0, end);
        buffer.erase(0, end + 4);  // GET only: no body
        std::size_t sp1 = head.find(' '), sp2 = head.find(' ', sp1 + 1);
        std::string out = sp1 == std::string::npos || sp2 == std::string::npos
                              ? Response(404, "{}")
                              : Handle(pool, head.substr(sp1 + 1, sp2 - sp1 - 1));
        for (std::size_t sent = 0; sent < out.size();) {
            ssize_t n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                ::close(fd);
                return;
            }
            sent += static_cast<std::size_t>(n);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string engine, db, listen = "127.0.0.1:0", cache = "no";
    int pool_size = 8;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--engine")
            engine = argv[i + 1];
        else if (flag == "--db")
            db = argv[i + 1];
        else if (flag == "--listen")
            listen = argv[i + 1];
        else if (flag == "--pool")
            pool_size = std::atoi(argv[i + 1]);
        else if (flag == "--cache")
            cache = argv[i + 1];
    }
    if ((engine != "fts5" && engine != "pg" && engine != "groonga") || db.empty() || pool_size < 1 ||
        (cache != "yes" && cache != "no")) {
        std::fprintf(stderr,
                     "usage: %s --engine fts5|pg|groonga --db FILE|URL --listen 127.0.0.1:PORT [--pool N]"
                     " [--cache yes|no]\n",
                     argv[0]);
        return 2;
    }
    std::string host = listen.substr(0, listen.rfind(':'));
    int port = std::atoi(listen.substr(listen.rfind(':') + 1).c_str());
    if (host != "127.0.0.1") {
        std::fprintf(stderr, "baseline_server: loopback only (127.0.0.1)\n");
        return 2;
    }
    std::unique_ptr<Pool> pool;
    try {
        pool = std::make_unique<Pool>(pool_size, [&]() -> std::unique_ptr<Engine> {
            if (engine == "fts5") return bench::search::MakeFts5(db);
            if (engine == "groonga") return bench::search::MakeGroonga(db, cache == "yes");
            return bench::search::MakePg(db);
        });
    } catch (const std::exception& e) {
        std::fprintf(stderr, "baseline_server: %s\n", e.what());
        return 1;
    }
    ::signal(SIGPIPE, SIG_IGN);
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s, 1024) != 0) {
        std::perror("baseline_server: bind/listen");
        return 1;
    }
    socklen_t len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    std::printf("listening 127.0.0.1:%d engine %s pool %d\n", ntohs(addr.sin_port), engine.c_str(), pool_size);
    std::fflush(stdout);
    for (;;) {
        int fd = ::accept(s, nullptr, nullptr);
        if (fd < 0) continue;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::thread([fd, &pool] { Serve(fd, *pool); }).detach();
    }
}
