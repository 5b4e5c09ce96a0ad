#pragma once
// The national achievement registration number: 12 digits, region 3 + year 4 + type 1 + serial 4
// (the MOST registration form's 批准登记号), given once, at approval.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::achievements {

/// The type digit of a class: 1 basic research, 2 applied research, 3 development and
/// industrialisation; nullopt for anything else.
std::optional<char> TypeDigit(std::string_view achievement_class);

/// The region digits of a district code (GB/T 2260): its first three ("110108" → "110"); "000"
/// when there is none.
std::string RegionDigits(std::string_view district_code);

/// Gives achievement `id` its number if it has none, inside the approval's transaction: the
/// next serial of its region, the year of `today` (YYYY-MM-DD) and its class. Throws ApiError
/// 409 when the serials of that prefix are used up (9999 a year per region and type).
void GiveRegistrationNumber(store::Session& s, std::int64_t id, std::string_view today);

}  // namespace keyuan::achievements
