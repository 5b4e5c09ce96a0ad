// `keyuan assessment compute --year N`: computes a year's results from the terminal (the
// benchmark's entry, and an operator's way to recompute a large year outside a request). Creates
// the year's cycle with the default scheme when there is none and opens it as the workflow's
// `open` would (without notifying 50,000 units from a terminal); recomputes while units review.
#include <boost/json/serialize.hpp>

#include <chrono>
#include <iostream>

#include "core/clock.hpp"
#include "modules/assessment/compute.hpp"
#include "modules/assessment/module.hpp"

namespace keyuan::assessment {
namespace json = boost::json;

namespace {

int ComputeCommand(const modules::CommandCall& call) {
    int year = 0;
    try {
        year = std::stoi(call.flags.at("year"));
    } catch (const std::exception&) {
        std::cerr << "assessment compute: --year must be a year\n";
        return 2;
    }
    if (year < 2000 || year > 2100) {
        std::cerr << "assessment compute: --year must be between 2000 and 2100\n";
        return 2;
    }
    auto db = call.open_database();
    if (!db) return 1;
    auto start = std::chrono::steady_clock::now();
    ComputeReport report;
    try {
        db->Write([&](store::Session& s) {
            store::Rows found = s.Query("SELECT id FROM assessment_cycles WHERE year = $1", {year});
            std::int64_t id = 0;
            if (found.empty()) {
                std::string now = clock::NowUtc();
                id = s.InsertReturningId(
                    "INSERT INTO assessment_cycles (year, period_from, period_to, scheme, status, created_at, "
                    "updated_at) VALUES ($1, $2, $3, $4, 'review', $5, $5) RETURNING id",
                    {year, std::to_string(year) + "-01-01", std::to_string(year) + "-12-31",
                     json::serialize(SchemeJson(ParseScheme(DefaultSchemeJson()))), now});
            } else {
                id = found.front().Int(0);
            }
            Cycle cycle = RequireCycle(s, id);
            if (cycle.status != "review") throw std::runtime_error("the cycle is " + cycle.status + ", not review");
            report = ComputeCycle(s, cycle);
        });
    } catch (const std::exception& e) {
        return call.database_failed(e);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    json::object phases;
    for (const auto& [k, v] : report.seconds) phases[k] = v;
    std::cout << json::serialize(json::object{
                     {"year", year}, {"units", report.units}, {"seconds", seconds}, {"phases", std::move(phases)}})
              << "\n";
    return 0;
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.commands.push_back({{"assessment", "compute"},
                                     "compute a year's open-sharing assessment (creates the cycle with the default "
                                     "scheme if needed); prints units and seconds",
                                     {{"year", "N", "the evaluated year"}},
                                     ComputeCommand});
}

}  // namespace keyuan::assessment
