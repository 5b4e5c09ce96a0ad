#pragma once
// Security settings; the numbers are MLPS level-3 practice and configurable in [security].

#include <vector>

#include "core/role.hpp"
#include "core/settings.hpp"

namespace keyuan::accounts {

struct SecuritySettings {
    int max_failed_logins = 5;
    int lockout_seconds = 30 * 60;
    int login_attempts_per_minute_per_ip = 20;
    int session_idle_seconds = 30 * 60;
    int privileged_idle_seconds = 15 * 60;  // administrative and government roles
    int session_absolute_seconds = 12 * 60 * 60;
    int inactive_disable_days = 90;
    int token_max_days = 366;
    bool cookie_secure = false;  // set when served behind TLS: Secure, the __Host- prefix, and HSTS
    bool require_second_factor = true;
    /// Roles beyond the government and administrative ones that must log in with TOTP; only
    /// unit_admin, base_admin and expert may be named (none by default).
    std::vector<Role> second_factor_roles;
};

/// Reads [security] into SecuritySettings (modules/accounts/settings.cpp).
SettingsReader SecuritySettingsReader();

}  // namespace keyuan::accounts
