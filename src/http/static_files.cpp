#include "http/static_files.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "http/json.hpp"

namespace keyuan::http {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64ull * 1024 * 1024;

bool IsSafeRelativePath(std::string_view path) {
    if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view segment = path.substr(start, slash - start);
        if (segment == ".." || segment == "." || (segment.starts_with('.') && !segment.empty())) return false;
        start = slash + 1;
    }
    return true;
}

std::string ETagFor(const struct stat& st) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "W/\"%llx-%llx\"", static_cast<unsigned long long>(st.st_size),
                  static_cast<unsigned long long>(st.st_mtim.tv_sec) * 1000000000ull +
                      static_cast<unsigned long long>(st.st_mtim.tv_nsec));
    return buf;
}

Response NotFound(const Request& request) {
    return ErrorResponse(Error::NotFound(), request.lang);
}

}  // namespace

std::string_view ContentTypeFor(std::string_view filename) {
    std::size_t dot = filename.rfind('.');
    std::string_view ext = dot == std::string_view::npos ? std::string_view() : filename.substr(dot + 1);
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "gif") return "image/gif";
    if (ext == "webp") return "image/webp";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "woff") return "font/woff";
    if (ext == "ttf") return "font/ttf";
    if (ext == "txt") return "text/plain; charset=utf-8";
    if (ext == "wasm") return "application/wasm";
    return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
    if (ec || !fs::is_directory(root_)) throw std::runtime_error("web folder not found: " + root);
}

Response StaticFiles::Serve(const Request& request) const {
    std::string relative = request.path.substr(1);
    if (!IsSafeRelativePath(relative)) return NotFound(request);
    if (relative.empty() || relative.back() == '/') relative += "index.html";
    fs::path file = root_ / relative;
    struct stat st {};
    bool found = ::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    if (!found) {
        std::string_view last = std::string_view(relative).substr(relative.rfind('/') + 1);
        if (last.find('.') != std::string_view::npos) return NotFound(request);
        file = root_ / "index.html";  // a client-side route
        if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return NotFound(request);
    }
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes) return NotFound(request);

    Response response;
    response.content_type = std::string(ContentTypeFor(file.filename().string()));
    std::string etag = ETagFor(st);
    response.SetHeader("etag", etag);
    // Vite puts content hashes in asset names, so they never change; index.html must be
    // revalidated so that a new release is picked up at once.
    bool hashed = relative.starts_with("assets/");
    response.SetHeader("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    if (response.content_type.starts_with("text/html")) {
        response.SetHeader("x-frame-options", "DENY");
        response.SetHeader("content-security-policy",
                           "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                           "frame-ancestors 'none'");
    }
    if (request.HeaderValue("if-none-match") == etag) {
        response.status = 304;
        return response;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    response.body = std::move(content).str();
    return response;
}

}  // namespace keyuan::http
