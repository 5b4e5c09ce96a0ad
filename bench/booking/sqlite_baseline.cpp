// The SQLite baseline of bench/booking/run.sh: the same booking as one INSERT sent straight to
// the same database file with the sqlite3 library, the overlap trigger live, keyuan's pragmas
// (WAL, synchronous=FULL, foreign keys, secure_delete, mmap, cache size), and keyuan's
// concurrency model for writes: THREADS workers share one writer connection behind a mutex (as
// keyuan's SQLite store does), each INSERT its own transaction. Prints the same key=value lines
// as booking_load. (A connection per thread was slower: each one's page cache is dropped
// whenever another connection has written.)
//
//   booking_sqlite_baseline --db FILE --instruments FILE --users FILE [--threads 4]
//       [--duration 60] [--hot-share 0.2] --base-minute M [--day-from 1] [--day-to 180] [--seed 1]
#include <sqlite3.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "slots.hpp"

using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string db;
    bench::RunFlags run;
    std::vector<std::string> users;
    int threads = 4;
};

Options Parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i], v = argv[i + 1];
        if (o.run.Take(flag, v))
            continue;
        else if (flag == "--db")
            o.db = v;
        else if (flag == "--users")
            o.users = bench::ReadLines(v);
        else if (flag == "--threads")
            o.threads = std::stoi(v);
        else
            throw std::runtime_error("unknown flag " + flag);
    }
    if (o.db.empty() || o.users.empty() || !o.run.Complete()) {
        throw std::runtime_error("--db, --instruments, --users and --base-minute are required");
    }
    return o;
}

void Exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error(std::string(sql) + ": " + message);
    }
}

// One statement: the instrument's provider and the user's organisation are read by it, as
// keyuan reads them before its INSERT.
constexpr const char* kInsert =
    "INSERT INTO bookings (instrument_id, org_id, client_org_id, user_id, booked_by, status, start_minute, "
    "end_minute, starts_at, ends_at, created_at, updated_at) "
    "SELECT i.id, i.org_id, u.org_id, u.id, u.id, 'approved', ?1, ?2, ?3, ?4, ?5, ?5 "
    "FROM instruments i, users u WHERE i.id = ?6 AND u.id = ?7";

}  // namespace

int main(int argc, char** argv) try {
    Options o = Parse(argc, argv);
    std::mutex writer;  // keyuan's writer_mutex_
    std::mutex totals_mutex;
    bench::Tally totals;
    Clock::time_point start = Clock::now();
    Clock::time_point deadline = start + std::chrono::milliseconds(static_cast<std::int64_t>(o.run.duration * 1000));
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(o.db.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + o.db);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    Exec(db, "PRAGMA journal_mode=WAL");
    Exec(db, "PRAGMA synchronous=FULL");
    Exec(db, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON");
    Exec(db, "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384");
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db, kInsert, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(db));
    std::vector<std::thread> workers;
    for (int t = 0; t < o.threads; ++t) {
        workers.emplace_back([&, t] {
            bench::Tally mine;
            std::mt19937_64 rng(o.run.seed * 7919 + static_cast<std::uint64_t>(t));
            std::uniform_int_distribution<std::size_t> user(0, o.users.size() - 1);
            while (Clock::now() < deadline) {
                bench::Slot slot = bench::DrawSlot(o.run.mix, o.run.instruments.size(), rng);
                std::string from = bench::MinuteText(slot.start), to = bench::MinuteText(slot.end);
                std::string now = bench::MinuteText(std::time(nullptr) / 60);
                std::int64_t instrument = std::stoll(o.run.instruments[slot.instrument]);
                std::int64_t user_id = std::stoll(o.users[user(rng)]);
                Clock::time_point t0 = Clock::now();
                int rc = 0;
                {
                    std::lock_guard lock(writer);
                    sqlite3_bind_int64(stmt, 1, slot.start);
                    sqlite3_bind_int64(stmt, 2, slot.end);
                    sqlite3_bind_text(stmt, 3, from.c_str(), -1, SQLITE_STATIC);
                    sqlite3_bind_text(stmt, 4, to.c_str(), -1, SQLITE_STATIC);
                    sqlite3_bind_text(stmt, 5, now.c_str(), -1, SQLITE_STATIC);
                    sqlite3_bind_int64(stmt, 6, instrument);
                    sqlite3_bind_int64(stmt, 7, user_id);
                    rc = sqlite3_step(stmt);
                    if (rc == SQLITE_DONE && sqlite3_changes(db) != 1) rc = SQLITE_NOTFOUND;
                    if (rc != SQLITE_DONE) rc = sqlite3_extended_errcode(db);
                    sqlite3_reset(stmt);
                }
                auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
                mine.latency_all.push_back(us);
                if (rc == SQLITE_DONE) {
                    ++mine.ok;
                    mine.latency_ok.push_back(us);
                } else if (rc == SQLITE_CONSTRAINT_TRIGGER) {
                    ++mine.conflict;
                } else if (mine.other++ == 0) {
                    std::cerr << "booking_sqlite_baseline: first error " << rc << ": " << sqlite3_errstr(rc) << "\n";
                }
            }
            std::lock_guard lock(totals_mutex);
            totals.Add(mine);
        });
    }
    for (std::thread& w : workers) w.join();
    sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    totals.Print(seconds);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "booking_sqlite_baseline: " << e.what() << "\n";
    return 2;
}
