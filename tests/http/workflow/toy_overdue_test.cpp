// The overdue list of the toy kind on a fixed clock: read in one query, filtered by state and
// scope, and counted by the database.
#include <gtest/gtest.h>

#include "http/workflow/toy_kind.hpp"

namespace keyuan::workflow {
namespace {
namespace json = boost::json;

TEST_F(ToyKindTest, OverdueListReadsItsObjectsAtOnceAndTheDatabaseCountsThem) {
    FixedClock friday(1'796'356'800);  // 2026-12-04T02:00:00Z: due Tuesday 2026-12-08
    std::vector<std::int64_t> ids;
    {
        clock::ScopedClock scope(friday);
        for (std::int64_t org : {1, 1, 2}) {
            ids.push_back(NewTicket(org));
            Caller owner = Clerk(org);
            ASSERT_EQ(
                Send(http::Method::kPost, "/api/v1/toy-tickets/" + std::to_string(ids.back()) + "/take", &owner).first,
                200);
        }
    }
    // Moved on behind the engine's back: its deadline row is stale.
    db_->Write(
        [&](store::Session& s) { s.Execute("UPDATE toy_tickets SET status = 'closed' WHERE id = $1", {ids[1]}); });

    FixedClock wednesday(1'796'356'800 + 5 * 86400);  // 2026-12-09: one day late
    clock::ScopedClock scope(wednesday);
    Caller clerk = Clerk(1), other = Clerk(2);
    single_loads = 0;
    auto listed = [&](const Caller& caller) {
        auto [status, body] = Send(http::Method::kGet, "/api/v1/toy-tickets/overdue", &caller);
        EXPECT_EQ(status, 200);
        std::vector<std::string> out;
        for (const json::value& item : body.at("items").as_array()) {
            out.push_back(std::string(item.at("id").as_string()));
            EXPECT_EQ(item.at("due_on").as_string(), "2026-12-08");
        }
        return out;
    };
    EXPECT_EQ(listed(clerk), std::vector<std::string>{std::to_string(ids[0])});
    EXPECT_EQ(listed(other), std::vector<std::string>{std::to_string(ids[2])});
    EXPECT_EQ(single_loads.load(), 0);
    db_->Read([&](store::Session& s) {
        EXPECT_EQ(CountOverdue(s, "toy_ticket", *Date::Parse("2026-12-08")), 0);
        EXPECT_EQ(CountOverdue(s, "toy_ticket", *Date::Parse("2026-12-09")), 3);  // rows, as the list reads them
        EXPECT_EQ(CountOverdue(s, "no_such_kind", *Date::Parse("2026-12-09")), 0);
    });
}

}  // namespace
}  // namespace keyuan::workflow
