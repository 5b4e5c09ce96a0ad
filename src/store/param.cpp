#include "store/param.hpp"

#include <cstdio>

namespace keyuan::store {

std::string Param::ToText() const {
    switch (kind_) {
        case Kind::kInt: return std::to_string(int_);
        case Kind::kReal: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", real_);
            return buf;
        }
        case Kind::kText: return text_;
        case Kind::kNull: break;
    }
    return {};
}

}  // namespace keyuan::store
