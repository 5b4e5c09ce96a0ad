#pragma once
// Shared by the matching module's files only.

#include <boost/json/array.hpp>

#include <array>
#include <string_view>
#include <vector>

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

/// ?limit= from 1 to 50 (`fallback` when absent); 422 naming `limit` otherwise.
int Limit(const http::Request& r, int fallback);

/// [{code, values}] as the answers show a suggestion's reasons.
boost::json::array ReasonsJson(const std::vector<Reason>& reasons);

void RegisterMatchRoutes(modules::ModuleContext& context, search::Indexer& indexer);
void RegisterMarkRoutes(modules::ModuleContext& context, search::Indexer& indexer);
void RegisterProviderRoutes(modules::ModuleContext& context, search::Indexer& indexer);

}  // namespace keyuan::matching
