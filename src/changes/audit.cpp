#include "changes/audit.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "changes/chain_hash.hpp"
#include "core/clock.hpp"

namespace keyuan::audit {
namespace {

constexpr std::string_view kGenesis = changes::kGenesisHash;

constexpr std::string_view kInsert =
    "INSERT INTO audit_events (at, actor_user_id, actor_username, actor_role, ip, request_id, event_type, "
    "object_type, object_id, result, before_json, after_json, detail, prev_hash, hash, chain_seq) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";

constexpr std::string_view kColumns =
    "id, at, actor_user_id, actor_username, actor_role, ip, request_id, event_type, object_type, object_id, result, "
    "before_json, after_json, detail, prev_hash, hash, chain_seq";

/// The chain's end: the last sealed record's hash and position.
constexpr std::string_view kLastSealed =
    "SELECT hash, chain_seq FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1";
/// One chain: appenders and sealers take turns under this lock on PostgreSQL (SQLite's single
/// writer serialises them already). Taken with the read of the chain's end in one round trip,
/// the read taking its snapshot only once the lock is held (so it sees the previous holder's work).
constexpr std::string_view kChainLock = "SELECT pg_advisory_xact_lock(7253002)";

/// How many DeferredSealing objects are alive in this process.
std::atomic<int> deferring{0};

struct ChainEnd {
    std::string hash;
    std::int64_t seq = 0;
};

ChainEnd LockChainEnd(store::Session& s) {
    store::Rows last =
        s.engine() == store::Engine::kPostgres ? s.QueryAfter(kChainLock, kLastSealed) : s.Query(kLastSealed);
    if (last.empty()) return {std::string(kGenesis), 0};
    return {std::string(last.front().Text(0)), last.front().Int(1)};
}

/// The hash covers every field and the previous record's hash, NULL distinct from "".
std::string ChainHash(std::string_view prev_hash, const Event& e) {
    return changes::ChainHash(
        prev_hash, {e.at, e.actor_user_id ? std::to_string(*e.actor_user_id) : "", e.actor_username, e.actor_role, e.ip,
                    e.request_id, e.event_type, e.object_type, e.object_id, e.result,
                    changes::OptionalField(e.before_json), changes::OptionalField(e.after_json), e.detail});
}

Event FromRow(const store::Row& r) {
    Event e;
    e.id = r.Int(0);
    e.at = r.Text(1);
    e.actor_user_id = r.OptInt(2);
    e.actor_username = r.Text(3);
    e.actor_role = r.Text(4);
    e.ip = r.Text(5);
    e.request_id = r.Text(6);
    e.event_type = r.Text(7);
    e.object_type = r.Text(8);
    e.object_id = r.Text(9);
    e.result = r.Text(10);
    e.before_json = r.OptText(11);
    e.after_json = r.OptText(12);
    e.detail = r.Text(13);
    e.sealed = r.OptInt(16).has_value();
    return e;
}

/// "{1,2,3}": a PostgreSQL array literal of values that need no quoting (numbers, hex).
template <typename T>
std::string ArrayLiteral(const std::vector<T>& values) {
    std::string out = "{";
    for (const T& v : values) {
        if (out.size() > 1) out += ',';
        if constexpr (std::is_arithmetic_v<T>) {
            out += std::to_string(v);
        } else {
            out += v;
        }
    }
    return out + "}";
}

}  // namespace

DeferredSealing::DeferredSealing() {
    deferring.fetch_add(1);
}

DeferredSealing::~DeferredSealing() {
    deferring.fetch_sub(1);
}

void Record(store::Session& s, const Actor& actor, const Entry& entry) {
    Event e;
    e.at = clock::NowUtc();
    if (actor.caller) {
        e.actor_user_id = actor.caller->user_id;
        e.actor_username = actor.caller->username;
        e.actor_role = actor.caller->PrimaryRoleName();
    } else {
        e.actor_username = entry.username;
    }
    e.ip = actor.ip;
    e.request_id = actor.request_id;
    e.event_type = entry.event_type;
    e.object_type = entry.object_type;
    e.object_id = entry.object_id;
    e.result = entry.result;
    e.before_json = entry.before_json;
    e.after_json = entry.after_json;
    e.detail = entry.detail;
    std::string prev, hash;
    std::optional<std::int64_t> seq;
    if (s.engine() == store::Engine::kSqlite || deferring.load() == 0) {
        ChainEnd end = LockChainEnd(s);
        prev = end.hash;
        hash = ChainHash(prev, e);
        seq = end.seq + 1;
    }
    s.Send(kInsert, {e.at, e.actor_user_id, e.actor_username, e.actor_role, e.ip, e.request_id, e.event_type,
                     e.object_type, e.object_id, e.result, e.before_json, e.after_json, e.detail, prev, hash, seq});
}

void RecordAlone(store::Database& db, const Actor& actor, const Entry& entry) {
    db.Write([&](store::Session& s) { Record(s, actor, entry); });
}

std::int64_t SealPending(store::Database& db, int limit) {
    if (db.engine() != store::Engine::kPostgres) return 0;
    constexpr std::string_view kAnyUnsealed = "SELECT 1 FROM audit_events WHERE chain_seq IS NULL LIMIT 1";
    bool any = false;
    db.Read([&](store::Session& s) { any = !s.Query(kAnyUnsealed).empty(); });
    if (!any) return 0;  // the common case costs one indexed read, no lock
    std::int64_t sealed = 0;
    db.Write([&](store::Session& s) {
        ChainEnd end = LockChainEnd(s);
        store::Rows rows = s.Query(
            "SELECT " + std::string(kColumns) + " FROM audit_events WHERE chain_seq IS NULL ORDER BY id LIMIT $1",
            {limit});
        std::vector<std::int64_t> ids, seqs;
        std::vector<std::string> prevs, hashes;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Event e = FromRow(rows[i]);
            std::string hash = ChainHash(end.hash, e);
            ids.push_back(e.id);
            seqs.push_back(++end.seq);
            prevs.push_back(std::move(end.hash));
            hashes.push_back(hash);
            end.hash = std::move(hash);
        }
        if (ids.empty()) return;
        // One statement for the batch; `chain_seq IS NULL` makes it a conditional write, and the
        // table's trigger refuses any other change to a record.
        std::int64_t changed = s.Execute(
            "UPDATE audit_events a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash "
            "FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev, hash) "
            "WHERE a.id = v.id AND a.chain_seq IS NULL",
            {ArrayLiteral(ids), ArrayLiteral(seqs), ArrayLiteral(prevs), ArrayLiteral(hashes)});
        if (changed != static_cast<std::int64_t>(ids.size())) {
            throw std::runtime_error("audit sealing: a record of the batch was sealed by another; rolled back");
        }
        sealed = changed;
    });
    return sealed;
}

VerifyReport Verify(store::Database& db) {
    VerifyReport report;
    std::string prev(kGenesis);
    std::int64_t after_seq = 0;
    const std::string query =
        "SELECT " + std::string(kColumns) + " FROM audit_events WHERE chain_seq > $1 ORDER BY chain_seq LIMIT 1000";
    for (;;) {
        store::Rows rows;
        db.Read([&](store::Session& s) { rows = s.Query(query, {after_seq}); });
        if (rows.empty()) break;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Event e = FromRow(rows[i]);
            std::string stored_prev(rows[i].Text(14));
            std::string stored_hash(rows[i].Text(15));
            if (stored_prev != prev) {
                report.first_bad_id = e.id;
                report.reason = "the link to the previous record is broken (a record was removed or inserted)";
                return report;
            }
            if (ChainHash(prev, e) != stored_hash) {
                report.first_bad_id = e.id;
                report.reason = "the record's content does not match its hash (it was edited)";
                return report;
            }
            prev = stored_hash;
            after_seq = rows[i].Int(16);
            ++report.checked;
            report.last_hash = stored_hash;
        }
    }
    db.Read([&](store::Session& s) {
        store::Rows tail = s.Query("SELECT COUNT(*), MIN(at) FROM audit_events WHERE chain_seq IS NULL");
        report.unsealed = tail.front().Int(0);
        if (report.unsealed == 0) return;
        std::optional<std::int64_t> oldest = clock::ParseUtc(tail.front().Text(1));
        if (oldest) report.oldest_unsealed_seconds = std::max<std::int64_t>(0, clock::NowUnix() - *oldest);
    });
    return report;
}

ChainState ReadChainState(store::Session& s) {
    ChainState state;
    store::Rows counts = s.Query("SELECT COUNT(chain_seq), COUNT(*) - COUNT(chain_seq) FROM audit_events");
    state.sealed = counts.front().Int(0);
    state.unsealed = counts.front().Int(1);
    store::Rows last = s.Query(kLastSealed);
    if (!last.empty()) state.last_hash = last.front().Text(0);
    return state;
}

EventPage List(store::Database& db, const EventFilter& f) {
    std::string where = " WHERE 1=1";
    std::vector<store::Param> params;
    auto add = [&](const std::optional<std::string>& value, std::string_view clause) {
        if (!value) return;
        params.emplace_back(*value);
        where += " AND " + std::string(clause) + " $" + std::to_string(params.size());
    };
    add(f.from, "at >=");
    add(f.to, "at <=");
    add(f.event_type, "event_type =");
    add(f.object_type, "object_type =");
    add(f.object_id, "object_id =");
    add(f.username, "actor_username =");
    add(f.result, "result =");
    EventPage page;
    db.Read([&](store::Session& s) {
        page.total = s.Query("SELECT COUNT(*) FROM audit_events" + where, params).front().Int(0);
        std::vector<store::Param> paged = params;
        paged.emplace_back(static_cast<long long>(f.page_size));
        paged.emplace_back(static_cast<long long>((f.page - 1) * f.page_size));
        std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_events" + where +
                          " ORDER BY id DESC LIMIT $" + std::to_string(paged.size() - 1) + " OFFSET $" +
                          std::to_string(paged.size());
        store::Rows rows = s.Query(sql, paged);
        for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(FromRow(rows[i]));
    });
    return page;
}

}  // namespace keyuan::audit
