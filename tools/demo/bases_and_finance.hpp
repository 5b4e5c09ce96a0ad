#pragma once
// Bases (研发实验服务基地 at universities and institutes), domain centres (领域中心), and the
// finance products that banks, insurers, funds and guarantors offer.

#include <cstdint>
#include <vector>

#include "tools/demo/bulk_insert.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

struct BaseRows {
    TableRows rows;
    std::vector<std::int64_t> domain_centres;  // ids
};

/// `count` bases with ids from `first_id`: up to eleven domain centres run by institutes, the
/// rest bases at universities and institutes, whose base_id it sets.
BaseRows MakeBases(Random& rng, std::vector<DemoOrg>& orgs, int count, std::int64_t first_id, Date as_of);

/// `count` finance products with ids from `first_id`, spread over the financial institutions,
/// some promoted by a domain centre. Run after the users (created_by is the owner's account).
TableRows MakeFinanceProducts(Random& rng, const std::vector<DemoOrg>& orgs, int count, std::int64_t first_id,
                              const std::vector<std::int64_t>& domain_centres, Date as_of);

}  // namespace keyuan::demo
