// What `keyuan check-config` refuses and warns about, and what a production server refuses to start
// with (docs/OPERATIONS.md "Configuration"). Production means [server] production = true, or a listen
// address beyond this machine (a server reachable from elsewhere is production whatever the file says).
#include <algorithm>

#include "app/config.hpp"
#include "modules/accounts/settings.hpp"
#include "modules/metrics/settings.hpp"
#include "store/database.hpp"

namespace keyuan::app {
namespace {

bool IsLoopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

const SettingOrigin* Origin(const Config& config, std::string_view name) {
    auto it = std::find_if(config.report.settings.begin(), config.report.settings.end(),
                           [&](const SettingOrigin& o) { return o.name == name; });
    return it == config.report.settings.end() ? nullptr : &*it;
}

}  // namespace

std::string RedactUrl(const std::string& url) {
    return store::RedactedUrl(url);
}

void CheckSafety(Config& config) {
    ConfigReport& report = config.report;
    bool public_listen = !IsLoopback(config.server.host);
    report.production = config.production || public_listen;
    auto refuse = [&](const char* setting, const char* zh, const char* en) {
        report.findings.push_back({report.production, setting, zh, en});
    };
    auto warn = [&](const char* setting, const char* zh, const char* en) {
        report.findings.push_back({false, setting, zh, en});
    };
    if (public_listen && !config.production) {
        warn("server.listen", "监听地址可从本机以外访问，按生产环境检查（建议由 nginx 终止 TLS 并只监听 127.0.0.1）",
             "the listen address is reachable from other machines: checked as production (put nginx with TLS in "
             "front and listen on 127.0.0.1)");
    }
    if (!report.production) return;  // the rest is about production only

    const auto& security = config.modules.Get<accounts::SecuritySettings>();
    if (!security.cookie_secure) {
        refuse("security.cookie_secure", "生产环境必须启用 cookie_secure（会话 Cookie 仅经 HTTPS 发送，并发送 HSTS）",
               "cookie_secure must be on in production (session cookies over HTTPS only, and HSTS)");
    }
    if (!security.require_second_factor) {
        refuse("security.require_second_factor", "生产环境中政府和管理角色必须使用第二因素（TOTP）登录",
               "government and administrative roles must sign in with a second factor (TOTP) in production");
    }
    for (const std::string& allowed : config.modules.Get<metrics::MetricsSettings>().allow) {
        if (allowed.ends_with("/0")) {
            refuse("metrics.allow", "监控指标对所有地址开放：请只允许监控主机的地址，或使用令牌",
                   "the metrics are open to every address: allow the monitoring host only, or use the token");
        }
    }
    if (!config.access_log) {
        warn("server.access_log", "访问日志已关闭：安全审计需要访问记录",
             "the access log is off: security audits need the record of requests");
    }
    if (config.db_url.starts_with("sqlite:")) {
        warn("database.url", "生产环境使用 SQLite：单机、定时备份（RPO 15 分钟）；等保三级要求使用 PostgreSQL 热备",
             "SQLite in production: one machine and scheduled backups (RPO 15 min); MLPS level 3 asks for "
             "PostgreSQL with a hot standby");
    }
    const SettingOrigin* url = Origin(config, "database.url");
    if (url && url->source == "file" && RedactUrl(config.db_url) != config.db_url) {
        warn("database.url", "数据库密码写在配置文件中：请改用服务环境文件中的 KEYUAN_DB（权限 600）",
             "the database password is in the configuration file: give KEYUAN_DB in the service's environment "
             "file (mode 600) instead");
    }
}

}  // namespace keyuan::app
