#include "app/openapi_command.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/application.hpp"
#include "core/log.hpp"
#include "store/migrations.hpp"

namespace keyuan::app {
namespace {}  // namespace

int OpenApiCommand(const Flags& given) {
    Flags flags = given;
    std::filesystem::path scratch;
    if (!flags.contains("db") && !flags.contains("config")) {
        scratch = std::filesystem::temp_directory_path() / ("keyuan-openapi-" + std::to_string(::getpid()));
        std::filesystem::create_directories(scratch);
        flags["db"] = "sqlite:" + (scratch / "openapi.db").string();
    }
    int code = 0;
    try {
        Result<Config> config = LoadConfig(flags, ProcessEnvironment);
        if (!config) {
            std::cerr << "keyuan openapi: " << config.error().message.en << "\n";
            code = 2;
        } else {
            log::SetAccessLogEnabled(false);
            auto db = store::Open(config.value().db_url);
            store::Migrate(*db, store::BuiltInMigrations());
            Application application(config.value(), std::move(db), false);
            http::RouteMatch match = application.router().Match(http::Method::kGet, "/api/v1/openapi.json");
            http::Request request;
            std::cout << (*match.handler)(request).body << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "keyuan openapi: " << e.what() << "\n";
        code = 1;
    }
    if (!scratch.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(scratch, ec);
    }
    return code;
}

}  // namespace keyuan::app
