#pragma once
// The achievement library's words, each written once: the three classes of seed 002 (with the
// registration number's type digit and the name a reader of an export knows) and which of seed
// 000's transformation statuses count as transformed. Internal to the module; other modules use
// kClassCodes from module.hpp.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "modules/achievements/module.hpp"

namespace keyuan::achievements {

/// The classes' names in the order of kClassCodes.
inline constexpr std::array<std::string_view, 3> kClassNamesZh = {"基础研究类", "应用研究类", "技术开发和产业化类"};

/// The class's position in kClassCodes, or nullopt for an unknown code.
inline std::optional<std::size_t> ClassIndex(std::string_view code) {
    for (std::size_t i = 0; i < kClassCodes.size(); ++i) {
        if (kClassCodes[i] == code) return i;
    }
    return std::nullopt;
}

/// Statuses 1–3 (applied by the owner, by other firms, or transferred) count as transformed; 4
/// and 5 do not. As SQL, for `code IN …`:
inline constexpr std::string_view kTransformedCodesSql = "('1', '2', '3')";
inline bool IsTransformedStatus(std::string_view code) {
    return code == "1" || code == "2" || code == "3";
}

}  // namespace keyuan::achievements
