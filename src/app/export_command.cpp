// The CLI's export runs the API's own list route in process, as the operator: the same filters,
// checks, columns and row limit as GET /api/v1/{collection}?format=…, with no second copy.
#include "app/export_command.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/application.hpp"
#include "core/percent_encoding.hpp"

namespace keyuan::app {
namespace json = boost::json;

namespace {

/// The --filter values (one a line when repeated) as a query string; nullopt names the bad one.
std::optional<std::string> FilterQuery(const std::string& filters, std::string& bad) {
    std::string query;
    std::istringstream lines(filters);
    for (std::string line; std::getline(lines, line);) {
        std::size_t eq = line.find('=');
        if (eq == std::string::npos || eq == 0) {
            bad = line;
            return std::nullopt;
        }
        query += "&" + PercentEncode(line.substr(0, eq)) + "=" + PercentEncode(line.substr(eq + 1));
    }
    return query;
}

void PrintError(const Error& error) {
    std::cerr << "keyuan export: " << error.message.zh << " / " << error.message.en << "\n";
    for (const FieldError& f : error.fields) std::cerr << "  " << f.field << ": " << f.message.zh << "\n";
}

}  // namespace

int ExportCommand(const Flags& flags, const Config& config,
                  const std::function<std::unique_ptr<store::Database>()>& open_database) {
    auto flag = [&flags](const char* name) { return flags.count(name) ? flags.at(name) : std::string(); };
    std::string kind = flag("kind"), format = flag("format");
    if (kind.empty() || (format != "xlsx" && format != "csv")) {
        std::cerr << "keyuan export: --kind and --format xlsx|csv are required (see --help)\n";
        return 2;
    }
    std::string bad;
    std::optional<std::string> filters = FilterQuery(flag("filter"), bad);
    if (!filters) {
        std::cerr << "keyuan export: --filter takes name=value, not '" << bad << "'\n";
        return 2;
    }
    auto db = open_database();
    if (!db) return 1;
    try {
        // The export reads no search index, and a running server holds the real one's write lock:
        // the modules get a private empty one, removed afterwards.
        Config own = config;
        std::string index = (std::filesystem::temp_directory_path() / "keyuan-export-index-XXXXXX").string();
        if (!::mkdtemp(index.data())) throw std::runtime_error("cannot create a temporary folder");
        own.search_index_dir = index;
        struct Removed {
            std::string dir;
            ~Removed() {
                std::error_code ignored;
                std::filesystem::remove_all(dir, ignored);
            }
        } removed{index};
        Application application(own, std::move(db), false);
        http::Request described;
        std::string kind_path = "/api/v1/kinds/" + kind;
        http::RouteMatch kind_route = application.router().Match(http::Method::kGet, kind_path);
        if (kind_route.kind != http::RouteMatch::Kind::kFound) {
            std::cerr << "keyuan export: unknown kind '" << kind << "' (lab, instrument, service, …)\n";
            return 2;
        }
        json::value description = json::parse((*kind_route.handler)(described).body);
        std::string collection(description.at("collection").as_string());

        http::Request request;
        request.method = http::Method::kGet;
        request.path = "/api/v1/" + collection;
        request.query_string = "format=" + format + *filters;
        if (flags.count("charset")) request.query_string += "&charset=" + PercentEncode(flag("charset"));
        request.target = request.path + "?" + request.query_string;
        // The operator sees every unit's objects; the CLI is run by whoever runs the server.
        request.caller = std::make_shared<const Caller>(
            Caller{.user_id = 0, .username = "cli", .roles = {Role::kOperator}, .mfa_passed = true});
        http::RouteMatch list = application.router().Match(http::Method::kGet, request.path);
        http::Response response = (*list.handler)(request);
        if (flags.count("out")) {
            std::ofstream out(flag("out"), std::ios::binary);
            out << response.body;
            if (!out) {
                std::cerr << "keyuan export: cannot write " << flag("out") << "\n";
                return 1;
            }
        } else {
            std::cout << response.body << std::flush;
        }
    } catch (const ApiError& e) {
        PrintError(e.error());
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "keyuan export: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace keyuan::app
