#include "search/outbox.hpp"

#include <string>

#include "core/clock.hpp"

namespace keyuan::search {

void RecordChange(store::Session& s, std::string_view type, std::int64_t id) {
    // The counter first: its row lock orders concurrent writers until they commit.
    // Both sent, not waited for (Session::Send): PostgreSQL answers them with the next statement.
    s.Send("UPDATE change_counter SET value = value + 1 WHERE id = 1");
    s.Send("INSERT INTO search_outbox (object_type, object_id, created_at) VALUES ($1, $2, $3)",
           {std::string(type), id, clock::NowUtc()});
}

void RecordIndustryCodeChange(store::Session& s, const std::string& code) {
    s.Execute("UPDATE change_counter SET value = value + 1 WHERE id = 1");
    struct Link {
        const char* type;
        const char* table;
        const char* fk;
    };
    for (const Link& link :
         {Link{"lab", "lab_industries", "lab_id"}, Link{"instrument", "instrument_industries", "instrument_id"},
          Link{"service", "service_industries", "service_id"}}) {
        s.Execute(std::string("INSERT INTO search_outbox (object_type, object_id, created_at) SELECT '") + link.type +
                      "', " + link.fk + ", $2 FROM " + link.table + " WHERE code = $1",
                  {code, clock::NowUtc()});
    }
}

std::int64_t ChangeGeneration(store::Session& s) {
    store::Rows rows = s.Query("SELECT value FROM change_counter WHERE id = 1");
    return rows.empty() ? 0 : rows.front().Int(0);
}

std::int64_t ChangeWatch::Read(store::Session& s) {
    Mark mark = Before();
    std::int64_t generation = ChangeGeneration(s);
    Note(mark, generation);
    return generation;
}

ChangeWatch::Mark ChangeWatch::Before() const {
    return Mark{.writes = db_.writes_finished(), .at = Clock::now()};
}

void ChangeWatch::Note(const Mark& mark, std::int64_t generation) {
    std::lock_guard lock(mutex_);
    if (!known_ || mark.at >= read_at_) {  // a slower reader of an older snapshot does not win
        known_ = true;
        generation_ = generation;
        writes_ = mark.writes;
        read_at_ = mark.at;
    }
}

std::optional<std::int64_t> ChangeWatch::Current() const {
    std::lock_guard lock(mutex_);
    if (!known_ || db_.writes_finished() != writes_ || Clock::now() - read_at_ > max_age_) return std::nullopt;
    return generation_;
}

}  // namespace keyuan::search
