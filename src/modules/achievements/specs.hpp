#pragma once
// The module's registered kinds, one function each (specs_<kind>.cpp).

#include "registry/spec.hpp"

namespace keyuan::achievements {

registry::ResourceSpec AchievementSpec();
registry::ResourceSpec TalentSpec();
registry::ResourceSpec TeamSpec();

}  // namespace keyuan::achievements
