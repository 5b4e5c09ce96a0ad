#include "modules/backup/manifest.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "access/crypto.hpp"

namespace keyuan::backup {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string ToJson(const Manifest& m) {
    json::array files;
    for (const FileEntry& f : m.files) {
        files.push_back(json::object{{"path", f.path}, {"bytes", f.bytes}, {"sha256", f.sha256}});
    }
    json::object tables;
    for (const auto& [name, rows] : m.tables) tables[name] = rows;
    json::object out{
        {"format", kFormat},
        {"engine", m.engine},
        {"schema_version", m.schema_version},
        {"snapshot_at", m.snapshot_at},
        {"seconds", m.seconds},
        {"files", std::move(files)},
        {"tables", std::move(tables)},
        {"audit",
         json::object{{"sealed", m.audit_sealed}, {"last_hash", m.audit_last_hash}, {"unsealed", m.audit_unsealed}}}};
    return json::serialize(out) + "\n";
}

namespace {

Error Malformed(const std::string& why) {
    std::string text = "manifest.json is not a keyuan backup's manifest: " + why;
    return Error::Make(ErrorCode::kBadRequest, text, text);
}

}  // namespace

Result<Manifest> ReadManifest(const fs::path& dir) {
    fs::path path = dir / kManifestName;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::string text = "no " + path.string() + ": not a backup folder, or the backup did not finish";
        return Error::Make(ErrorCode::kNotFound, text, text);
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    boost::system::error_code ec;
    json::value parsed = json::parse(buffer.str(), ec);
    if (ec || !parsed.is_object()) return Malformed("not a JSON object");
    try {
        const json::object& o = parsed.as_object();
        if (std::string(o.at("format").as_string()) != kFormat) return Malformed("unknown format");
        Manifest m;
        m.engine = std::string(o.at("engine").as_string());
        if (m.engine != "sqlite" && m.engine != "postgresql") return Malformed("unknown engine " + m.engine);
        m.schema_version = o.at("schema_version").to_number<int>();
        m.snapshot_at = std::string(o.at("snapshot_at").as_string());
        m.seconds = o.at("seconds").to_number<double>();
        for (const json::value& f : o.at("files").as_array()) {
            const json::object& file = f.as_object();
            FileEntry entry{std::string(file.at("path").as_string()), file.at("bytes").to_number<std::uintmax_t>(),
                            std::string(file.at("sha256").as_string())};
            // A path that climbs out of the folder would let a doctored manifest make restore copy
            // (or verify read) any file on the machine.
            if (entry.path.empty() || entry.path.front() == '/' || entry.path.find("..") != std::string::npos) {
                return Malformed("a file path leaves the backup folder: " + entry.path);
            }
            m.files.push_back(std::move(entry));
        }
        for (const auto& [name, rows] : o.at("tables").as_object()) m.tables[name] = rows.to_number<std::int64_t>();
        const json::object& audit = o.at("audit").as_object();
        m.audit_sealed = audit.at("sealed").to_number<std::int64_t>();
        m.audit_last_hash = std::string(audit.at("last_hash").as_string());
        m.audit_unsealed = audit.at("unsealed").to_number<std::int64_t>();
        return m;
    } catch (const std::exception& e) {
        return Malformed(std::string("a field is missing or of the wrong type (") + e.what() + ")");
    }
}

void WriteManifest(const fs::path& dir, const Manifest& manifest) {
    fs::path temporary = dir / (std::string(kManifestName) + ".partial");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << ToJson(manifest);
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, dir / kManifestName);
}

FileEntry Describe(const fs::path& dir, const std::string& relative) {
    fs::path path = dir / relative;
    return {relative, fs::file_size(path), access::Sha256FileHex(path.string())};
}

std::vector<std::string> CheckFiles(const fs::path& dir, const Manifest& manifest) {
    std::vector<std::string> problems;
    std::set<std::string> listed;
    for (const FileEntry& expected : manifest.files) {
        listed.insert(expected.path);
        std::error_code ec;
        fs::path path = dir / expected.path;
        if (!fs::is_regular_file(path, ec)) {
            problems.push_back(expected.path + ": missing");
            continue;
        }
        if (std::uintmax_t bytes = fs::file_size(path, ec); ec || bytes != expected.bytes) {
            problems.push_back(expected.path + ": " + std::to_string(bytes) + " bytes, the manifest says " +
                               std::to_string(expected.bytes));
            continue;
        }
        if (access::Sha256FileHex(path.string()) != expected.sha256) {
            problems.push_back(expected.path + ": its content changed (SHA-256 differs)");
        }
    }
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::string relative = fs::relative(entry.path(), dir).generic_string();
        if (relative != kManifestName && !listed.count(relative)) {
            problems.push_back(relative + ": not in the manifest");
        }
    }
    return problems;
}

std::vector<std::string> CompareCounts(const std::map<std::string, std::int64_t>& expected,
                                       const std::map<std::string, std::int64_t>& found) {
    std::vector<std::string> problems;
    for (const auto& [table, rows] : expected) {
        auto it = found.find(table);
        if (it == found.end()) {
            problems.push_back("table " + table + ": missing");
        } else if (it->second != rows) {
            problems.push_back("table " + table + ": " + std::to_string(it->second) + " rows, the manifest says " +
                               std::to_string(rows));
        }
    }
    for (const auto& [table, rows] : found) {
        if (!expected.count(table)) problems.push_back("table " + table + ": not in the manifest");
    }
    return problems;
}

}  // namespace keyuan::backup
