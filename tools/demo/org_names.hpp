#pragma once
// Organisation names composed from parts: 北京 + 理工 + 大学, 中国科学院 + 物理 + 研究所,
// 北京 + 华瑞 + 生物科技 + 有限公司, 北京市 + 海淀 + 医院 …

#include <string>
#include <vector>

#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

struct OrgName {
    std::string name;
    std::string short_name;  // the trade name (字号) when there is one, else the name
    std::vector<Domain> domains;
};

/// A candidate name for `org` (its kind, district, finance or agency type are set). The
/// caller retries on a clash; from the fifth `attempt` on, names draw on trade names, of
/// which there are thousands.
OrgName ComposeName(Random& rng, const DemoOrg& org, int attempt);

/// A trade name (字号) of two characters, e.g. 华瑞.
std::string TradeName(Random& rng);

}  // namespace keyuan::demo
