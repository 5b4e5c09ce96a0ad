#pragma once
// Checking real answers against the OpenAPI document (openapi_*_test.cpp): the operation of a
// request by method and route pattern, its answer's status declared there and its body
// conforming to the declared schema (support/json_schema.hpp).

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "support/http_client.hpp"

namespace keyuan::testing {

/// Whether `response` to `method` on `pattern` ("/api/v1/labs/{id}") is what the document
/// declares: the operation exists, lists the status, and the JSON body conforms to its schema.
::testing::AssertionResult Conforms(const boost::json::value& document, const std::string& method,
                                    const std::string& pattern, const HttpResponse& response);

/// Conforms, and the answer's status is `status`: a walk's step answered as it expects.
::testing::AssertionResult AnswersWith(const boost::json::value& document, const std::string& method,
                                       const std::string& pattern, const HttpResponse& response, int status);

/// The path of a collection's create schema: the paths whose POST takes `#/components/schemas/NAMECreate`,
/// by name ("Instrument" → "/api/v1/instruments").
std::vector<std::pair<std::string, std::string>> RegisteredKinds(const boost::json::value& document);

}  // namespace keyuan::testing
