#pragma once
// Helpers shared by the catalog tests of this folder: the resource routes, the bad fields and
// messages of an error answer, and a list's total.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>

#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {

namespace json = boost::json;

inline constexpr const char* kInstruments = "/api/v1/instruments";
inline constexpr const char* kServices = "/api/v1/services";
inline constexpr const char* kLabs = "/api/v1/labs";
inline constexpr const char* kFinance = "/api/v1/finance-products";
inline constexpr const char* kOrganizations = "/api/v1/organizations";

inline std::set<std::string> FieldSet(const HttpResponse& r) {
    std::vector<std::string> fields = ErrorFields(r);
    return {fields.begin(), fields.end()};
}

inline std::string Joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : " | ") + s;
    return out;
}

inline bool AnyContains(const std::vector<std::string>& messages, const std::string& part) {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

inline std::int64_t Total(const HttpResponse& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json().at("total").as_int64() : -1;
}

}  // namespace keyuan::testing
