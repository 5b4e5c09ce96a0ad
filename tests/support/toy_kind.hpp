#pragma once
// For kinds declared in a test alone (tests/http/workflow/, tests/http/registry/): a fresh
// database with the kind's table, and requests sent straight to the router's handler, as the
// server would after authentication. Header-only: the support library links no server layer.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/string.hpp>

#include <memory>
#include <string>
#include <utility>

#include "core/caller.hpp"
#include "core/error.hpp"
#include "http/router.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {

/// A fresh migrated database on the test engine with `table` (an identity id, then
/// `columns`); nullptr when the engine is not configured (the test skips).
inline std::unique_ptr<store::Database> ToyDatabase(const std::string& table, const std::string& columns) {
    std::string url = FreshDatabaseUrl();
    if (url.empty()) return nullptr;
    std::unique_ptr<store::Database> db = store::Open(url);
    store::Migrate(*db, store::BuiltInMigrations());
    db->Write([&](store::Session& s) {
        bool pg = s.engine() == store::Engine::kPostgres;
        s.ExecScript("CREATE TABLE " + table + " (id " +
                     (pg ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY") + ", " + columns +
                     ")");
    });
    return db;
}

/// The handler's answer: status and parsed body (an error's code name as a string).
inline std::pair<int, boost::json::value> CallRoute(http::Router& router, http::Method method, const std::string& path,
                                                    const Caller* caller, const std::string& body = "",
                                                    const std::string& query = "") {
    http::Request request;
    request.method = method;
    request.path = path;
    request.query_string = query;
    request.target = path + (query.empty() ? "" : "?" + query);
    request.body = body;
    if (!body.empty()) request.headers.push_back({"content-type", "application/json"});
    if (caller) request.caller = std::make_shared<const Caller>(*caller);
    http::RouteMatch match = router.Match(method, path);
    if (match.kind != http::RouteMatch::Kind::kFound) return {404, nullptr};
    request.path_params = match.params;
    try {
        http::Response response = (*match.handler)(request);
        return {response.status, boost::json::parse(response.body)};
    } catch (const ApiError& e) {
        return {ErrorCodeStatus(e.error().code), boost::json::string(ErrorCodeName(e.error().code))};
    }
}

}  // namespace keyuan::testing
