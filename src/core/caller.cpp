#include "core/caller.hpp"

namespace keyuan {

std::string Caller::PrimaryRoleName() const {
    return roles.empty() ? "" : std::string(RoleName(roles.front()));
}

}  // namespace keyuan
