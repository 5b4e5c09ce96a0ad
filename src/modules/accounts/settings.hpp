#pragma once
// Security settings; the numbers are MLPS level-3 practice and configurable in [security].

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
    bool cookie_secure = false;  // set when served behind TLS
    bool require_second_factor = true;
};

}  // namespace keyuan::accounts
