// The request edge: raw bytes through Beast's parser, then what keyuan does with a request
// before any handler runs (percent-decoding, the query check, routing) and the static file
// handler, which must never answer with anything but the files of its web folder.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "http/paging.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "temp_folder.hpp"

namespace {

namespace bhttp = boost::beast::http;
using namespace keyuan;

const char* const kIndex = "<!doctype html><title>fuzz-index</title>";
const char* const kScript = "console.log('fuzz-asset')";

struct Fixture {
    fuzz::TempFolder base{"keyuan-fuzz-web"};
    http::Router router;
    std::unique_ptr<http::StaticFiles> files;
    Fixture() {
        auto ok = [](http::Request&) { return http::Response::Json(200, "{}"); };
        router.Get("/api/v1/instruments", ok);
        router.Get("/api/v1/instruments/{id}", ok);
        router.Post("/api/v1/instruments/{id}/submit", ok);
        router.Patch("/api/v1/organizations/{id}", ok);
        const std::filesystem::path& folder = base.path();
        std::filesystem::create_directories(folder / "web" / "assets");
        std::ofstream(folder / "web" / "index.html") << kIndex;
        std::ofstream(folder / "web" / "assets" / "app.js") << kScript;
        std::ofstream(folder / "secret.txt") << "SECRET-OUTSIDE";
        std::error_code ec;
        std::filesystem::create_symlink(folder / "secret.txt", folder / "web" / "link.txt", ec);
        files = std::make_unique<http::StaticFiles>((folder / "web").string());
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture fixture;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(64 * 1024);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_header_done()) return 0;
    std::string target(parser.get().target());
    std::size_t q = target.find('?');
    std::optional<std::string> path = http::PercentDecode(std::string_view(target).substr(0, q), false);
    if (!path || path->empty() || (*path)[0] != '/') return 0;
    http::Request request;
    request.path = *path;
    if (q != std::string::npos) request.query_string = target.substr(q + 1);
    if (!http::CheckQueryString(request.query_string)) {
        for (const auto& [name, value] : request.QueryParams()) {
            if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos) std::abort();
        }
    }
    http::RouteMatch match = fixture.router.Match(http::Method::kGet, request.path);
    request.path_params = match.params;
    http::FindPathId(request);
    try {
        http::Paging paging = http::ParsePaging(request);
        if (paging.page < 1 || paging.page_size < 1 || paging.page_size > 200) std::abort();
    } catch (const ApiError&) {
    }
    fixture.router.Match(http::Method::kPatch, request.path);
    http::Response answer = fixture.files->Serve(request);
    // The web folder holds two files; any other 200 would be a file from outside it.
    if (answer.status == 200 && answer.body != kIndex && answer.body != kScript) std::abort();
    return 0;
}
