#include "modules/backup/command_support.hpp"

#include <iostream>

#include "modules/backup/pg_tools.hpp"

namespace keyuan::backup {

std::optional<Manifest> ManifestOfFromFlag(const modules::CommandCall& call, std::string_view command,
                                           std::filesystem::path& from, int& exit_code) {
    auto flag = call.flags.find("from");
    if (flag == call.flags.end() || flag->second.empty()) {
        std::cerr << "keyuan " << command << ": --from DIR is required (a folder `keyuan backup` wrote)\n";
        exit_code = 2;
        return std::nullopt;
    }
    from = flag->second;
    Result<Manifest> read = ReadManifest(from);
    if (!read) {
        std::cerr << "keyuan " << command << ": " << read.error().message.en << "\n";
        exit_code = 1;
        return std::nullopt;
    }
    return std::move(read).value();
}

std::string PgProgram(const modules::CommandCall& call, const std::string& name) {
    auto bin = call.flags.find("pg-bin");
    return FindPgProgram(name, bin == call.flags.end() ? "" : bin->second);
}

}  // namespace keyuan::backup
