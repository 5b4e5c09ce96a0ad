#pragma once
// Shared by the matching module's files only.

#include <boost/json/array.hpp>

#include <array>
#include <string_view>
#include <vector>

#include "http/body_fields.hpp"
#include "http/request.hpp"
#include "modules/matching/scoring.hpp"
#include "modules/module_context.hpp"
#include "search/indexer.hpp"

namespace keyuan::matching {

/// The kinds a demand is matched against: the search index's document types.
inline constexpr std::array<std::string_view, 5> kTargetTypes = {"achievement", "service", "instrument", "lab",
                                                                 "talent"};
/// Read a demand's suggestions and mark them: its unit, its reviewers, its accepted brokers, the operator.
inline constexpr std::string_view kMatchAction = "tech_demand.match";
/// Save, dismiss or contact a suggestion: the demand's unit and its accepted brokers (who act for it).
inline constexpr std::string_view kMarkAction = "tech_demand.mark_match";
/// The unit's view of the demands it could answer.
inline constexpr std::string_view kProviderAction = "tech_market.matching_demands";
/// How many candidates the index proposes before scoring (text first, then the same industry).
inline constexpr int kCandidates = 120;

/// The bodies of the marks' routes (marks.cpp), declared once for the reader and the document.
inline const http::BodyField kMarkField{
    .name = "mark", .type = http::BodyField::Type::kEnum, .required = true, .allowed = {"saved", "dismissed"}};
inline const http::BodyField kMarkVersionField{.name = "version",
                                               .type = http::BodyField::Type::kInteger,
                                               .min = 1,
                                               .max = 1'000'000'000,
                                               .description = "the mark's version last seen (or If-Match)"};
inline const http::BodyField kContactMessageField{
    .name = "message", .required = true, .max_chars = 500, .min_chars = 1, .description = "to the provider's inbox"};

/// Describes the routes below for the OpenAPI document (route_docs.cpp).
void DescribeRoutes(http::Router& router);

/// ?limit= from 1 to 50 (`fallback` when absent); 422 naming `limit` otherwise.
int Limit(const http::Request& r, int fallback);

/// [{code, values}] as the answers show a suggestion's reasons.
boost::json::array ReasonsJson(const std::vector<Reason>& reasons);

void RegisterMatchRoutes(modules::ModuleContext& context, search::Indexer& indexer);
void RegisterMarkRoutes(modules::ModuleContext& context, search::Indexer& indexer);
void RegisterProviderRoutes(modules::ModuleContext& context, search::Indexer& indexer);

}  // namespace keyuan::matching
