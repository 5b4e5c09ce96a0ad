// The accounts module reads [security] itself (the keys and ranges of the configuration file
// as before this module had settings of its own).
#include "modules/accounts/settings.hpp"

namespace keyuan::accounts {
namespace {

constexpr std::string_view kSecondFactorRoles = R"(an array of "unit_admin", "base_admin", "expert")";

void ReadSecurity(const ConfigSection& section, SettingsByType& out) {
    SecuritySettings s;
    auto read_int = [&section](std::string_view key, int& field, std::int64_t min, std::int64_t max) {
        if (std::optional<std::int64_t> v = section.Int(key, min, max)) field = static_cast<int>(*v);
    };
    read_int("max_failed_logins", s.max_failed_logins, 1, 100);
    read_int("lockout_seconds", s.lockout_seconds, 1, 86400);
    read_int("login_attempts_per_minute_per_ip", s.login_attempts_per_minute_per_ip, 1, 100000);
    read_int("session_idle_seconds", s.session_idle_seconds, 1, 86400);
    read_int("privileged_idle_seconds", s.privileged_idle_seconds, 1, 86400);
    read_int("session_absolute_seconds", s.session_absolute_seconds, 1, 7 * 86400);
    read_int("inactive_disable_days", s.inactive_disable_days, 1, 3650);
    if (std::optional<bool> v = section.Bool("cookie_secure")) s.cookie_secure = *v;
    if (std::optional<bool> v = section.Bool("require_second_factor")) s.require_second_factor = *v;
    // Only the roles whose second factor is optional may be named; the others always need one.
    if (auto names = section.Strings("second_factor_roles", kSecondFactorRoles)) {
        for (const std::string& name : *names) {
            std::optional<Role> role = ParseRole(name);
            if (!role || (*role != Role::kUnitAdmin && *role != Role::kBaseAdmin && *role != Role::kExpert)) {
                section.Refuse("second_factor_roles", kSecondFactorRoles);
            }
            s.second_factor_roles.push_back(*role);
        }
    }
    out.Set(std::move(s));
}

}  // namespace

SettingsReader SecuritySettingsReader() {
    return {"security", ReadSecurity};
}

}  // namespace keyuan::accounts
