// A toy kind of three states declared in this folder alone, run by the workflow engine on the
// test engine's real database (SQLite file or the test PostgreSQL server): its grants, its
// routes, its transition table, its deadline, and 50 concurrent transitions of which exactly
// one wins. Nothing outside this folder knows the kind: that is the point.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>
#include <barrier>
#include <memory>
#include <thread>

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/toy_kind.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/routes.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::workflow {
namespace {
namespace json = boost::json;

// A ticket: open → in_hand (due in 2 working days) → closed; a clerk takes and closes tickets of
// their organisation, a reopening needs a reason and the operator.
Definition TicketDefinition() {
    return Definition{.kind = "toy_ticket",
                      .table = "toy_tickets",
                      .initial = "open",
                      .states = {{"open"}, {"in_hand", 2}, {"closed"}},
                      .transitions = {{.action = "take",
                                       .from = {"open"},
                                       .to = "in_hand",
                                       .who = {{Role::kUnitAdmin, access::Scope::kOrganization}}},
                                      {.action = "close",
                                       .from = {"in_hand"},
                                       .to = "closed",
                                       .who = {{Role::kUnitAdmin, access::Scope::kOrganization}}},
                                      {.action = "reopen",
                                       .from = {"closed"},
                                       .to = "open",
                                       .who = {{Role::kOperator, access::Scope::kAll}},
                                       .reason_required = true}},
                      .load = [](store::Session& s, std::int64_t id) -> std::optional<Subject> {
                          store::Rows rows =
                              s.Query("SELECT status, version, org_id FROM toy_tickets WHERE id = $1", {id});
                          if (rows.empty()) return std::nullopt;
                          return Subject{.id = id,
                                         .state = std::string(rows[0].Text(0)),
                                         .version = rows[0].Int(1),
                                         .scope = {.org_id = rows[0].Int(2)}};
                      }};
}

Caller Clerk(std::int64_t org) {
    return Caller{.user_id = 11, .username = "clerk", .org_id = org, .roles = {Role::kUnitAdmin}};
}

class ToyKindTest : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = testing::ToyDatabase("toy_tickets",
                                   "org_id BIGINT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, "
                                   "updated_at TEXT NOT NULL DEFAULT ''");
        if (!db_) GTEST_SKIP() << "PostgreSQL not configured";
        workflow_ = std::make_unique<Workflow>(TicketDefinition(), policy_);
        RegisterRoutes(router_, *db_, *workflow_, policy_, "/api/v1/toy-tickets");
    }

    std::int64_t NewTicket(std::int64_t org, const std::string& status = "open") {
        std::int64_t id = 0;
        db_->Write([&](store::Session& s) {
            id = s.InsertReturningId("INSERT INTO toy_tickets (org_id, status) VALUES ($1, $2) RETURNING id",
                                     {org, status});
        });
        return id;
    }

    std::string StatusOf(std::int64_t id) {
        std::string status;
        db_->Read([&](store::Session& s) {
            status = s.Query("SELECT status FROM toy_tickets WHERE id = $1", {id}).front().Text(0);
        });
        return status;
    }

    // Sends a request through the router to the handler, as the server would after
    // authentication; the answer's status, and its body parsed.
    std::pair<int, json::value> Send(http::Method method, const std::string& path, const Caller* caller,
                                     const std::string& body = "") {
        return testing::CallRoute(router_, method, path, caller, body);
    }

    std::unique_ptr<store::Database> db_;
    access::Policy policy_;
    http::Router router_;
    std::unique_ptr<Workflow> workflow_;
};

TEST_F(ToyKindTest, GrantsComeFromTheDeclaration) {
    EXPECT_TRUE(policy_.HasAction(nullptr, "toy_ticket.take") == false);
    Caller clerk = Clerk(1);
    EXPECT_TRUE(policy_.Allows(&clerk, "toy_ticket.take", {.org_id = 1}));
    EXPECT_FALSE(policy_.Allows(&clerk, "toy_ticket.take", {.org_id = 2}));
    EXPECT_FALSE(policy_.HasAction(&clerk, "toy_ticket.reopen"));
}

// The transition table, checked against the declaration: every (state, action) pair either
// moves the object where the declaration says or is refused with 409 and leaves it alone.
TEST_F(ToyKindTest, EveryStateAndActionBehavesAsDeclared) {
    Caller admin{.user_id = 12, .username = "op", .roles = {Role::kOperator}};
    for (const State& state : workflow_->definition().states) {
        for (const Transition& t : workflow_->definition().transitions) {
            std::int64_t id = NewTicket(1, state.name);
            bool allowed = std::find(t.from.begin(), t.from.end(), state.name) != t.from.end();
            auto [status, body] =
                Send(http::Method::kPost, "/api/v1/toy-tickets/" + std::to_string(id) + "/" + t.action, &admin,
                     R"({"reason":"复核"})");
            if (t.action != "reopen") {
                // The operator holds no grant for the clerk's actions.
                EXPECT_EQ(status, 403) << state.name << " " << t.action;
                EXPECT_EQ(StatusOf(id), state.name);
                continue;
            }
            EXPECT_EQ(status, allowed ? 200 : 409) << state.name << " " << t.action;
            EXPECT_EQ(StatusOf(id), allowed ? t.to : state.name) << state.name << " " << t.action;
        }
    }
    Caller clerk = Clerk(1);
    for (const State& state : workflow_->definition().states) {
        for (const char* action : {"take", "close"}) {
            const Transition& t = *workflow_->definition().FindTransition(action);
            std::int64_t id = NewTicket(1, state.name);
            bool allowed = t.from.front() == state.name;
            auto [status, body] =
                Send(http::Method::kPost, "/api/v1/toy-tickets/" + std::to_string(id) + "/" + action, &clerk);
            EXPECT_EQ(status, allowed ? 200 : 409) << state.name << " " << action;
            EXPECT_EQ(StatusOf(id), allowed ? t.to : state.name);
        }
    }
}

TEST_F(ToyKindTest, ScopeReasonStepsActionsAndDeadline) {
    Caller clerk = Clerk(1);
    Caller stranger = Clerk(2);
    std::int64_t id = NewTicket(1);
    std::string path = "/api/v1/toy-tickets/" + std::to_string(id);
    EXPECT_EQ(Send(http::Method::kPost, path + "/take", nullptr).first, 401);
    EXPECT_EQ(Send(http::Method::kPost, path + "/take", &stranger).first, 404);  // outside scope: not revealed
    EXPECT_EQ(Send(http::Method::kPost, "/api/v1/toy-tickets/999999/take", &clerk).first, 404);
    EXPECT_EQ(Send(http::Method::kPost, path + "/take", &clerk, R"({"reason": 5})").first, 422);
    EXPECT_EQ(StatusOf(id), "open");

    // Allowed actions follow state, grant and scope. The clerk reads tickets through a grant
    // of the kind's own (read is not a transition).
    policy_.Allow("toy_ticket.read", Role::kUnitAdmin, access::Scope::kOrganization);
    auto [actions_status, actions] = Send(http::Method::kGet, path + "/actions", &clerk);
    ASSERT_EQ(actions_status, 200);
    EXPECT_EQ(json::serialize(actions.at("allowed_actions")), R"(["take"])");
    EXPECT_EQ(Send(http::Method::kGet, path + "/actions", &stranger).first, 404);

    // 2026-12-04 is a Friday: due two working days later, Tuesday 2026-12-08.
    FixedClock friday(1'796'356'800);  // 2026-12-04T02:00:00Z = 10:00 in Beijing
    {
        clock::ScopedClock scope(friday);
        ASSERT_EQ(Send(http::Method::kPost, path + "/take", &clerk).first, 200);
    }
    db_->Read([&](store::Session& s) {
        store::Rows rows =
            s.Query("SELECT due_on FROM workflow_deadlines WHERE object_type = 'toy_ticket' AND object_id = $1", {id});
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows[0].Text(0), "2026-12-08");
        EXPECT_TRUE(ListOverdue(s, "toy_ticket", *Date::Parse("2026-12-08"), 10).empty());
        ASSERT_EQ(ListOverdue(s, "toy_ticket", *Date::Parse("2026-12-09"), 10).size(), 1u);
    });
    auto [overdue_status, overdue] = Send(http::Method::kGet, "/api/v1/toy-tickets/overdue", &clerk);
    ASSERT_EQ(overdue_status, 200);
    EXPECT_EQ(Send(http::Method::kGet, "/api/v1/toy-tickets/overdue", &stranger).second.at("items").as_array().size(),
              0u);

    ASSERT_EQ(Send(http::Method::kPost, path + "/close", &clerk).first, 200);
    Caller op{.user_id = 12, .username = "op", .roles = {Role::kOperator}};
    auto [no_reason, error] = Send(http::Method::kPost, path + "/reopen", &op);
    EXPECT_EQ(no_reason, 422);
    EXPECT_EQ(Send(http::Method::kPost, path + "/reopen", &op, R"({"reason":"客户再次报修"})").first, 200);
    auto [steps_status, steps] = Send(http::Method::kGet, path + "/steps", &clerk);
    ASSERT_EQ(steps_status, 200);
    const json::array& items = steps.at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].at("from").as_string(), "open");
    EXPECT_EQ(items[2].at("action").as_string(), "reopen");
    EXPECT_EQ(items[2].at("reason").as_string(), "客户再次报修");
    db_->Read([&](store::Session& s) {
        EXPECT_EQ(s.Query("SELECT COUNT(*) FROM audit_events WHERE object_type = 'toy_ticket'").front().Int(0), 3);
        // Back in a state without a deadline: none left.
        EXPECT_EQ(s.Query("SELECT COUNT(*) FROM workflow_deadlines WHERE object_type = 'toy_ticket'").front().Int(0),
                  0);
    });
}

TEST_F(ToyKindTest, ExactlyOneOfFiftyConcurrentTransitionsWins) {
    constexpr int kRequests = 50;
    Caller clerk = Clerk(1);
    std::int64_t id = NewTicket(1);
    std::atomic<int> won{0}, conflicted{0}, other{0};
    std::barrier start(kRequests);
    std::vector<std::thread> threads;
    for (int i = 0; i < kRequests; ++i) {
        threads.emplace_back([&] {
            start.arrive_and_wait();
            try {
                workflow_->Run(*db_, &clerk, id, "take", "", Actor{&clerk, "127.0.0.1", "toy"});
                ++won;
            } catch (const ApiError& e) {
                (e.error().code == ErrorCode::kConflict ? conflicted : other)++;
            } catch (const std::exception&) {
                ++other;
            }
        });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(won.load(), 1);
    EXPECT_EQ(conflicted.load(), kRequests - 1);
    EXPECT_EQ(other.load(), 0);
    db_->Read([&](store::Session& s) {
        EXPECT_EQ(
            s.Query("SELECT COUNT(*) FROM workflow_steps WHERE object_type = 'toy_ticket' AND object_id = $1", {id})
                .front()
                .Int(0),
            1);
        EXPECT_EQ(s.Query("SELECT version FROM toy_tickets WHERE id = $1", {id}).front().Int(0), 2);
    });
}

TEST(WorkflowDefinition, ValidateRefusesUnreachableStatesAndUnknownNames) {
    Definition d = TicketDefinition();
    d.states.push_back({"archived"});
    EXPECT_THROW(Validate(d), std::logic_error);
    d = TicketDefinition();
    d.transitions[0].to = "nowhere";
    EXPECT_THROW(Validate(d), std::logic_error);
    d = TicketDefinition();
    d.transitions[1].who.clear();
    EXPECT_THROW(Validate(d), std::logic_error);
    d = TicketDefinition();
    d.transitions.push_back(d.transitions[0]);
    EXPECT_THROW(Validate(d), std::logic_error);
    EXPECT_NO_THROW(Validate(TicketDefinition()));
}

}  // namespace
}  // namespace keyuan::workflow
