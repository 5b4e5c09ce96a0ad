#pragma once
// The toy kind of this folder, shared by its tests: a ticket of three states declared here alone
// (open → in_hand, due in 2 working days → closed), its fixture on the test engine's real
// database, and a router that answers as the server would after authentication.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <atomic>
#include <memory>

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/test_server.hpp"
#include "support/toy_kind.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/routes.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::workflow {
namespace json = boost::json;

inline std::atomic<int> single_loads{0};  // calls of the definition's load: the overdue list must make none

// A ticket: open → in_hand (due in 2 working days) → closed; a clerk takes and closes tickets of
// their organisation, a reopening needs a reason and the operator.
inline Definition TicketDefinition() {
    return Definition{
        .kind = "toy_ticket",
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
            ++single_loads;
            store::Rows rows = s.Query("SELECT status, version, org_id FROM toy_tickets WHERE id = $1", {id});
            if (rows.empty()) return std::nullopt;
            return Subject{.id = id,
                           .state = std::string(rows[0].Text(0)),
                           .version = rows[0].Int(1),
                           .scope = {.org_id = rows[0].Int(2)}};
        },
        .load_many =
            [](store::Session& s, const std::vector<std::int64_t>& ids) {
                std::vector<Subject> out;
                std::vector<store::Param> params;
                std::string in;
                for (std::int64_t id : ids) {
                    params.emplace_back(id);
                    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
                }
                if (ids.empty()) return out;
                store::Rows rows =
                    s.Query("SELECT id, status, version, org_id FROM toy_tickets WHERE id IN (" + in + ")", params);
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    out.push_back(Subject{.id = rows[i].Int(0),
                                          .state = std::string(rows[i].Text(1)),
                                          .version = rows[i].Int(2),
                                          .scope = {.org_id = rows[i].Int(3)}});
                }
                return out;
            }};
}

inline Caller Clerk(std::int64_t org) {
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

    std::pair<int, json::value> Send(http::Method method, const std::string& path, const Caller* caller,
                                     const std::string& body = "") {
        return testing::CallRoute(router_, method, path, caller, body);
    }

    std::unique_ptr<store::Database> db_;
    access::Policy policy_;
    http::Router router_;
    std::unique_ptr<Workflow> workflow_;
};

}  // namespace keyuan::workflow
