#pragma once
// Organisations: names composed from real-looking parts, valid credit codes, competent
// departments that match the kind, addresses in all of Beijing's districts.

#include <cstdint>
#include <vector>

#include "tools/demo/bulk_insert.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

/// One organisation per kind in `kinds`, with ids from `first_id`. The first sixteen cover
/// the sixteen districts; names and credit codes are unique.
std::vector<DemoOrg> MakeOrganizations(Random& rng, const std::vector<OrgKind>& kinds, std::int64_t first_id,
                                       Date as_of);

/// The organizations table rows.
TableRows OrganizationRows(const std::vector<DemoOrg>& orgs);

/// The wire kind ("university", "research_institute" …).
const char* OrgKindName(OrgKind kind);

}  // namespace keyuan::demo
