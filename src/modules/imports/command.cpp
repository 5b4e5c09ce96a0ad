#include "modules/imports/command.hpp"

#include <boost/json/serialize.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "changes/audit_sealer.hpp"
#include "core/id.hpp"
#include "modules/imports/import.hpp"

namespace keyuan::imports {
namespace {

void PrintError(const Error& error) {
    std::cerr << "keyuan import: " << error.message.zh << " / " << error.message.en << "\n";
    for (const FieldError& f : error.fields) {
        std::cerr << "  " << f.field << ": " << f.message.zh << " / " << f.message.en << "\n";
    }
}

int RunImportCommand(const modules::CommandCall& call) {
    auto flag = [&](const char* name) -> std::optional<std::string> {
        auto it = call.flags.find(name);
        return it == call.flags.end() ? std::nullopt : std::optional(it->second);
    };
    std::optional<std::string> kind = flag("kind"), path = flag("file");
    if (!kind || !path) {
        std::cerr << "keyuan import: --kind KIND and FILE are required (see --help)\n";
        return 2;
    }
    std::optional<std::int64_t> org;
    if (auto text = flag("org")) {
        org = ParseId(*text);
        if (!org) {
            std::cerr << "keyuan import: --org must be an organization id\n";
            return 2;
        }
    }
    std::ifstream in(*path, std::ios::binary);
    if (!in || std::filesystem::file_size(*path) > kMaxFileBytes) {
        std::cerr << "keyuan import: cannot read " << *path << " (or larger than " << kMaxFileBytes / (1024 * 1024)
                  << " MiB)\n";
        return 2;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string content = bytes.str();
    auto db = call.open_database();
    if (!db) return 1;
    // The command acts as the operator, with no user: audited under this name.
    Caller cli{.user_id = 0, .username = "cli:import", .roles = {Role::kOperator}};
    Actor actor{.caller = &cli, .ip = "", .request_id = "cli"};
    // As in the server: on PostgreSQL the rows' audit records are chained by a sealer thread, not
    // each under the chain's lock (a round trip a row); what is left is sealed before the exit.
    std::optional<audit::Sealer> sealer;
    if (db->engine() == store::Engine::kPostgres) sealer.emplace(*db).Start();
    try {
        ImportKinds kinds(*db);
        boost::json::object run = RunImport(*db, kinds,
                                            {.kind = *kind,
                                             .dry_run = flag("dry-run").has_value(),
                                             .all_or_nothing = flag("all-or-nothing").has_value(),
                                             .org_id = org,
                                             .file_name = std::filesystem::path(*path).filename().string(),
                                             .bytes = content},
                                            &cli, actor);
        std::cout << boost::json::serialize(run) << "\n";
        return run.at("counts").as_object().at("refused").as_int64() > 0 ? 1 : 0;
    } catch (const ApiError& e) {
        PrintError(e.error());
        return 1;
    } catch (const std::exception& e) {
        return call.database_failed(e);
    }
}

}  // namespace

modules::Command ImportCommand() {
    return {{"import"},
            "import a spreadsheet (XLSX or CSV) of a registered kind, as the operator; prints the run as JSON",
            {{"kind", "KIND", "lab, instrument, service, finance_product, achievement or talent"},
             {"org", "ID", "the organization the rows belong to (else each row's 统一社会信用代码)"},
             {"dry-run", "", "check every row and report, writing nothing"},
             {"all-or-nothing", "", "write no row if any row is refused"},
             {"@file", "FILE", "the spreadsheet"}},
            RunImportCommand};
}

}  // namespace keyuan::imports
