// [mail] as the notifications module reads it: off by default, and a configuration that could
// never send, or that would put credentials in the URL, refused at start naming the key.
#include <gtest/gtest.h>

#include <fstream>

#include "app/config.hpp"
#include "modules/notifications/settings.hpp"

namespace keyuan::notifications {
namespace {

Result<app::Config> Load(const std::string& toml) {
    std::string path = ::testing::TempDir() + "/mail-settings.toml";
    std::ofstream(path) << toml;
    return app::LoadConfig({{"config", path}}, [](const char*) -> std::optional<std::string> { return std::nullopt; });
}

TEST(MailSettings, OffByDefault) {
    Result<app::Config> c = Load("");
    ASSERT_TRUE(c.ok());
    const MailSettings& mail = c.value().modules.Get<MailSettings>();
    EXPECT_FALSE(mail.enabled);
    EXPECT_TRUE(mail.starttls);
    EXPECT_EQ(mail.batch, 20);
    EXPECT_EQ(mail.timeout_seconds, 30);
}

TEST(MailSettings, ReadsEveryKey) {
    Result<app::Config> c = Load(
        "[mail]\nenabled = true\nurl = \"smtps://mail.example.org:465\"\nfrom = \"noreply@keyuan.example\"\n"
        "username = \"keyuan\"\npassword = \"Sekr3t\"\nstarttls = false\nbatch = 50\ntimeout = 10\n"
        "max_attempts = 4\n");
    ASSERT_TRUE(c.ok()) << c.error().message.en;
    const MailSettings& mail = c.value().modules.Get<MailSettings>();
    EXPECT_TRUE(mail.enabled);
    EXPECT_EQ(mail.url, "smtps://mail.example.org:465");
    EXPECT_EQ(mail.from, "noreply@keyuan.example");
    EXPECT_EQ(mail.username, "keyuan");
    EXPECT_EQ(mail.password, "Sekr3t");
    EXPECT_FALSE(mail.starttls);
    EXPECT_EQ(mail.batch, 50);
    EXPECT_EQ(mail.timeout_seconds, 10);
    EXPECT_EQ(mail.max_attempts, 4);
}

TEST(MailSettings, RefusesWhatCouldNeverSendNamingTheKey) {
    struct Case {
        std::string toml, key;
    } cases[] = {
        {"[mail]\nenabled = true\nfrom = \"a@example.org\"\n", "mail.url"},
        {"[mail]\nenabled = true\nurl = \"smtp://mail.example.org\"\n", "mail.from"},
        {"[mail]\nurl = \"http://mail.example.org\"\n", "mail.url"},
        {"[mail]\nurl = \"smtp://keyuan:Sekr3t@mail.example.org\"\n", "mail.url"},
        {"[mail]\nfrom = \"Keyuan <a@example.org>\"\n", "mail.from"},
        {"[mail]\nbatch = 0\n", "mail.batch"},
        {"[mail]\ntimeout = 3600\n", "mail.timeout"},
        {"[mail]\nenabled = \"yes\"\n", "mail.enabled"},
    };
    for (const Case& c : cases) {
        Result<app::Config> refused = Load(c.toml);
        ASSERT_FALSE(refused.ok()) << c.toml;
        EXPECT_NE(refused.error().message.en.find(c.key), std::string::npos) << refused.error().message.en;
        EXPECT_EQ(refused.error().message.en.find("Sekr3t"), std::string::npos) << "a secret in an error";
    }
}

}  // namespace
}  // namespace keyuan::notifications
