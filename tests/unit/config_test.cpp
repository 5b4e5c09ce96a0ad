#include "app/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "modules/accounts/settings.hpp"
#include "modules/catalog/settings.hpp"
#include "modules/search/settings.hpp"

namespace keyuan::app {
namespace {

std::function<std::optional<std::string>(const char*)> Env(std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = ::testing::TempDir() + "/" + name;
    std::ofstream(path) << text;
    return path;
}

TEST(Config, Defaults) {
    Result<Config> c = LoadConfig({}, Env({}));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c.value().db_url, "sqlite:var/keyuan.db");
    EXPECT_EQ(c.value().server.host, "127.0.0.1");
    EXPECT_EQ(c.value().server.port, 8080);
}

TEST(Config, FlagsBeatEnvironmentBeatsFile) {
    std::string file = WriteFile("precedence.toml",
                                 "[database]\nurl = \"sqlite:from-file.db\"\npool_size = 4\n"
                                 "[server]\nlisten = \"0.0.0.0:9000\"\nmax_body_bytes = 2048\n"
                                 "[search]\ncache_entries = 0\n");
    Result<Config> only_file = LoadConfig({{"config", file}}, Env({}));
    ASSERT_TRUE(only_file.ok());
    EXPECT_EQ(only_file.value().db_url, "sqlite:from-file.db");
    EXPECT_EQ(only_file.value().db_pool_size, 4);
    EXPECT_EQ(only_file.value().server.port, 9000);
    EXPECT_EQ(only_file.value().server.max_body_bytes, 2048u);
    EXPECT_EQ(only_file.value().modules.Get<search::SearchSettings>().cache_entries, 0u);

    Result<Config> env = LoadConfig({{"config", file}}, Env({{"KEYUAN_DB", "sqlite:from-env.db"}}));
    EXPECT_EQ(env.value().db_url, "sqlite:from-env.db");

    Result<Config> flag =
        LoadConfig({{"config", file}, {"db", "sqlite:from-flag.db"}}, Env({{"KEYUAN_DB", "sqlite:from-env.db"}}));
    EXPECT_EQ(flag.value().db_url, "sqlite:from-flag.db");

    Result<Config> env_file = LoadConfig({}, Env({{"KEYUAN_CONFIG", file}}));
    EXPECT_EQ(env_file.value().db_url, "sqlite:from-file.db");
}

TEST(Config, RejectsBadListenAddress) {
    for (const char* bad : {"8080", "host:", "host:99999", "host:80x", ":80"}) {
        Result<Config> c = LoadConfig({{"listen", bad}}, Env({}));
        EXPECT_FALSE(c.ok()) << bad;
    }
    Result<Config> v6 = LoadConfig({{"listen", "[::1]:8081"}}, Env({}));
    ASSERT_TRUE(v6.ok());
    EXPECT_EQ(v6.value().server.host, "::1");
}

TEST(Config, RejectsBrokenOrOutOfRangeFile) {
    Result<Config> broken = LoadConfig({{"config", WriteFile("broken.toml", "[server\nlisten=")}}, Env({}));
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.en.find("broken.toml"), std::string::npos);
    Result<Config> range =
        LoadConfig({{"config", WriteFile("range.toml", "[server]\nworker_threads = -1\n")}}, Env({}));
    ASSERT_FALSE(range.ok());
    EXPECT_NE(range.error().message.en.find("server.worker_threads"), std::string::npos);
    Result<Config> missing = LoadConfig({{"config", "/nonexistent/keyuan.toml"}}, Env({}));
    EXPECT_FALSE(missing.ok());
}

TEST(Config, ReplicasArePostgresqlUrlsOfAPostgresqlPrimary) {
    std::string file = WriteFile("replicas.toml",
                                 "[database]\nurl = \"postgresql://k:secret@10.0.0.1/keyuan\"\n"
                                 "replica_urls = [\"postgresql://k:secret@10.0.0.2/keyuan\", "
                                 "\"postgres://10.0.0.3/keyuan\"]\nreplica_max_lag_ms = 1500\n");
    Result<Config> ok = LoadConfig({{"config", file}}, Env({}));
    ASSERT_TRUE(ok.ok()) << ok.error().message.en;
    EXPECT_EQ(ok.value().replica_urls.size(), 2u);
    EXPECT_EQ(ok.value().replica_max_lag_ms, 1500);
    for (const SettingOrigin& s : ok.value().report.settings) {
        if (s.name == "database.replica_urls") {
            EXPECT_EQ(s.value.find("secret"), std::string::npos) << s.value;
        }
    }
    // A SQLite primary (also when --db overrides the file's PostgreSQL URL) has no replicas.
    Result<Config> sqlite = LoadConfig({{"config", file}, {"db", "sqlite:x.db"}}, Env({}));
    ASSERT_FALSE(sqlite.ok());
    EXPECT_NE(sqlite.error().message.en.find("replica_urls"), std::string::npos);
    for (const char* bad : {"replica_urls = \"postgresql://h/db\"", "replica_urls = [\"mysql://h/db\"]",
                            "replica_urls = [1]", "replica_max_lag_ms = 10"}) {
        Result<Config> c = LoadConfig(
            {{"config",
              WriteFile("replicas-bad.toml", "[database]\nurl = \"postgresql://h/db\"\n" + std::string(bad) + "\n")}},
            Env({}));
        EXPECT_FALSE(c.ok()) << bad;
    }
}

TEST(Config, FoldersBelongToTheDatabaseAndTheCacheIsBounded) {
    Result<Config> sqlite = LoadConfig({{"db", "sqlite:/data/keyuan.db"}}, Env({}));
    ASSERT_TRUE(sqlite.ok());
    EXPECT_EQ(sqlite.value().search_index_dir, "/data/keyuan.db.index");
    EXPECT_EQ(sqlite.value().media_dir, "/data/keyuan.db.media");
    EXPECT_EQ(sqlite.value().modules.Get<catalog::CatalogSettings>().public_cache_mb, 16);
    Result<Config> a = LoadConfig({{"db", "postgresql://h/a"}}, Env({}));
    Result<Config> b = LoadConfig({{"db", "postgresql://h/b"}}, Env({}));
    EXPECT_TRUE(a.value().media_dir.starts_with("var/media-"));
    EXPECT_NE(a.value().media_dir, b.value().media_dir);
    Result<Config> flagged = LoadConfig({{"media", "/srv/photos"}}, Env({}));
    EXPECT_EQ(flagged.value().media_dir, "/srv/photos");

    Result<Config> off = LoadConfig({{"config", WriteFile("cache.toml", "[catalog]\npublic_cache_mb = 0\n")}}, Env({}));
    ASSERT_TRUE(off.ok());
    EXPECT_EQ(off.value().modules.Get<catalog::CatalogSettings>().public_cache_mb, 0);
    Result<Config> huge =
        LoadConfig({{"config", WriteFile("huge.toml", "[catalog]\npublic_cache_mb = 99999\n")}}, Env({}));
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().message.en.find("catalog.public_cache_mb"), std::string::npos);
}

// Each module reads its own section: [security] belongs to accounts, with the keys and ranges
// the file always had.
TEST(Config, ModulesReadTheirOwnSections) {
    Result<Config> c = LoadConfig({{"config", WriteFile("security.toml",
                                                        "[security]\nmax_failed_logins = 3\ncookie_secure = true\n"
                                                        "second_factor_roles = [\"expert\"]\n")}},
                                  Env({}));
    ASSERT_TRUE(c.ok()) << c.error().message.en;
    const auto& security = c.value().modules.Get<accounts::SecuritySettings>();
    EXPECT_EQ(security.max_failed_logins, 3);
    EXPECT_EQ(security.lockout_seconds, 30 * 60);  // untouched keys keep their defaults
    EXPECT_EQ(security.second_factor_roles, std::vector<Role>{Role::kExpert});
    EXPECT_TRUE(c.value().server.strict_transport_security);
    EXPECT_EQ(LoadConfig({}, Env({})).value().modules.Get<accounts::SecuritySettings>().max_failed_logins, 5);

    for (const char* bad : {"[security]\nlockout_seconds = 0\n", "[security]\nsecond_factor_roles = [\"operator\"]\n",
                            "[security]\nsecond_factor_roles = \"expert\"\n"}) {
        Result<Config> refused = LoadConfig({{"config", WriteFile("bad-security.toml", bad)}}, Env({}));
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_NE(refused.error().message.en.find("security."), std::string::npos) << refused.error().message.en;
    }
}

}  // namespace
}  // namespace keyuan::app

namespace keyuan::app {
namespace {

const SettingOrigin* Find(const Config& c, const std::string& name) {
    for (const SettingOrigin& s : c.report.settings) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

std::vector<std::string> Refused(const Config& c) {
    std::vector<std::string> out;
    for (const ConfigFinding& f : c.report.findings) {
        if (f.refused) out.push_back(f.setting);
    }
    return out;
}

TEST(ConfigReport, EverySettingSaysWhereItCameFromAndSecretsAreHidden) {
    std::string file = WriteFile("origins.toml",
                                 "[database]\nurl = \"postgresql://k:s3cret@db/k\"\n"
                                 "[security]\nlockout_seconds = 600\n[mail]\npassword = \"mailpw\"\n");
    Result<Config> c = LoadConfig({{"config", file}, {"listen", "127.0.0.1:9001"}}, Env({{"KEYUAN_WEB", "/srv/web"}}));
    ASSERT_TRUE(c.ok());
    const Config& config = c.value();
    EXPECT_EQ(config.report.file, file);
    ASSERT_NE(Find(config, "database.url"), nullptr);
    EXPECT_EQ(Find(config, "database.url")->source, "file");
    EXPECT_EQ(Find(config, "database.url")->value, "postgresql://k:***@db/k");
    EXPECT_EQ(Find(config, "server.listen")->source, "flag --listen");
    EXPECT_EQ(Find(config, "server.web")->source, "env KEYUAN_WEB");
    EXPECT_EQ(Find(config, "database.pool_size")->source, "default");
    // The modules' settings are listed as they read them: from the file, or their own default.
    ASSERT_NE(Find(config, "security.lockout_seconds"), nullptr);
    EXPECT_EQ(Find(config, "security.lockout_seconds")->value, "600");
    EXPECT_EQ(Find(config, "security.cookie_secure")->source, "default");
    EXPECT_EQ(Find(config, "mail.password")->value, "***");
    for (const SettingOrigin& s : config.report.settings) {
        EXPECT_EQ(s.value.find("s3cret"), std::string::npos) << s.name;
        EXPECT_EQ(s.value.find("mailpw"), std::string::npos) << s.name;
    }
}

TEST(ConfigReport, AnUnknownKeyIsNamedNotFatal) {
    Result<Config> c = LoadConfig({{"config", WriteFile("typo.toml", "[security]\nlockout_secnds = 3\n")}}, Env({}));
    ASSERT_TRUE(c.ok());
    ASSERT_EQ(c.value().report.findings.size(), 1u);
    EXPECT_EQ(c.value().report.findings[0].setting, "security.lockout_secnds");
    EXPECT_FALSE(c.value().report.findings[0].refused);
}

TEST(ConfigReport, ProductionRefusesInsecureCookiesAndNoSecondFactor) {
    // Development on this machine: nothing to refuse.
    Result<Config> dev = LoadConfig({}, Env({}));
    ASSERT_TRUE(dev.ok());
    EXPECT_FALSE(dev.value().report.production);
    EXPECT_TRUE(Refused(dev.value()).empty());
    // Declared production, insecure.
    std::string unsafe =
        WriteFile("unsafe.toml", "[server]\nproduction = true\n[security]\nrequire_second_factor = false\n");
    Result<Config> prod = LoadConfig({{"config", unsafe}}, Env({}));
    ASSERT_TRUE(prod.ok());
    EXPECT_TRUE(prod.value().report.production);
    EXPECT_EQ(Refused(prod.value()),
              (std::vector<std::string>{"security.cookie_secure", "security.require_second_factor"}));
    // A public address is production whatever the file says.
    Result<Config> open = LoadConfig({{"listen", "0.0.0.0:8080"}}, Env({}));
    ASSERT_TRUE(open.ok());
    EXPECT_TRUE(open.value().report.production);
    EXPECT_EQ(Refused(open.value()), std::vector<std::string>{"security.cookie_secure"});
    // Safe production: warnings at most.
    std::string safe = WriteFile("safe.toml", "[server]\nproduction = true\n[security]\ncookie_secure = true\n");
    Result<Config> good = LoadConfig({{"config", safe}, {"db", "postgresql://k@db/k"}}, Env({}));
    ASSERT_TRUE(good.ok());
    EXPECT_TRUE(Refused(good.value()).empty());
    EXPECT_FALSE(good.value().report.Refused());
}

}  // namespace
}  // namespace keyuan::app

namespace keyuan::app {
namespace {

TEST(ConfigReport, MetricsAccessIsCheckedAtStart) {
    Result<Config> bad_address =
        LoadConfig({{"config", WriteFile("m1.toml", "[metrics]\nallow = [\"10.0.0.0/8\", \"banana\"]\n")}}, Env({}));
    ASSERT_FALSE(bad_address.ok());
    EXPECT_NE(bad_address.error().message.en.find("metrics.allow"), std::string::npos);
    Result<Config> short_token =
        LoadConfig({{"config", WriteFile("m2.toml", "[metrics]\ntoken = \"abc\"\n")}}, Env({}));
    ASSERT_FALSE(short_token.ok());
    EXPECT_NE(short_token.error().message.en.find("metrics.token"), std::string::npos);
    Result<Config> open =
        LoadConfig({{"config", WriteFile("m3.toml",
                                         "[server]\nproduction = true\n[security]\ncookie_secure = true\n"
                                         "[metrics]\nallow = [\"0.0.0.0/0\"]\n")}},
                   Env({}));
    ASSERT_TRUE(open.ok());
    EXPECT_EQ(Refused(open.value()), std::vector<std::string>{"metrics.allow"});
}

}  // namespace
}  // namespace keyuan::app
