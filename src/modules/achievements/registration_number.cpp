#include "modules/achievements/registration_number.hpp"

#include "core/error.hpp"
#include "modules/achievements/vocabulary.hpp"

namespace keyuan::achievements {

std::optional<char> TypeDigit(std::string_view achievement_class) {
    std::optional<std::size_t> index = ClassIndex(achievement_class);
    if (!index) return std::nullopt;
    return static_cast<char>('1' + *index);  // the classes' order is the form's type digits 1–3
}

std::string RegionDigits(std::string_view district_code) {
    if (district_code.size() < 3) return "000";
    return std::string(district_code.substr(0, 3));
}

void GiveRegistrationNumber(store::Session& s, std::int64_t id, std::string_view today) {
    store::Rows rows = s.Query(
        "SELECT a.registration_no, a.class, COALESCE(o.district_code, '') FROM achievements a "
        "JOIN organizations o ON o.id = a.org_id WHERE a.id = $1",
        {id});
    if (rows.empty() || !rows[0].IsNull(0)) return;  // numbered once, never again
    std::optional<char> type = TypeDigit(rows[0].Text(1));
    if (!type) return;
    std::string prefix = RegionDigits(rows[0].Text(2)) + std::string(today.substr(0, 4)) + *type;
    // The upsert takes the next serial under the row's lock: two approvals never share one.
    std::int64_t serial =
        s.Query(
             "INSERT INTO achievement_registration_serials (prefix, last_serial) VALUES ($1, 1) "
             "ON CONFLICT (prefix) DO UPDATE SET last_serial = achievement_registration_serials.last_serial + 1 "
             "RETURNING last_serial",
             {prefix})
            .front()
            .Int(0);
    if (serial > 9999) {
        throw ApiError(Error::Conflict("本年度该地区该类成果登记号已用完", "No registration numbers left this year"));
    }
    std::string digits = std::to_string(serial);
    digits.insert(0, 4 - digits.size(), '0');
    s.Execute("UPDATE achievements SET registration_no = $1 WHERE id = $2 AND registration_no IS NULL",
              {prefix + digits, id});
}

}  // namespace keyuan::achievements
