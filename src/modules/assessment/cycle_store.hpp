#pragma once
// Assessment cycles and results as stored.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "access/policy.hpp"
#include "modules/assessment/scheme.hpp"
#include "modules/assessment/scoring.hpp"
#include "store/database.hpp"

namespace keyuan::assessment {

struct Cycle {
    std::int64_t id = 0;
    int year = 0;
    std::string period_from, period_to;
    std::string scheme_json;
    std::string status;
    std::int64_t version = 0;
    std::int64_t published_revision = 0;
    std::string computed_at;

    Scheme scheme() const;
};

std::optional<Cycle> LoadCycle(store::Session& s, std::int64_t id);
/// The cycle or 404.
Cycle RequireCycle(store::Session& s, std::int64_t id);
/// {id, year, status, …, counts}: the cycle as the API shows it (without allowed_actions).
boost::json::object CycleJson(store::Session& s, const Cycle& cycle);

struct Result {
    std::int64_t id = 0;
    std::int64_t cycle_id = 0;
    std::int64_t org_id = 0;
    std::string org_name;
    std::string department_code, department_name;
    std::string status;
    std::int64_t version = 0;
    std::string figures_json, points_json, computed_points_json;
    std::int64_t computed_centi = 0, score_centi = 0;
    std::optional<std::string> grade;
    std::optional<std::int64_t> rank;
    bool adjusted = false;
    std::int64_t explanations = 0;

    access::ObjectScope Scope() const;
    Points points() const;
    Points computed_points() const;
};

std::optional<Result> LoadResult(store::Session& s, std::int64_t id);
/// The list item: {id, cycle_id, year, org_id, org_name, …, score, grade, rank}.
boost::json::object ResultJson(const Result& r, int year);

}  // namespace keyuan::assessment
