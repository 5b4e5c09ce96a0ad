#include "http/static_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <cstdio>
#include <stdexcept>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "http/json.hpp"

namespace keyuan::http {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64ull * 1024 * 1024;

/// Whether a percent-decoded request path may name a file under the web root. Only plain names
/// are accepted: every segment non-empty (so "//etc/passwd" and "/%2Fetc" are refused), none
/// starting with '.' (no "..", no dotfiles), valid UTF-8 (overlong forms of '/' and '.' are
/// invalid), and no backslash, '%' (a second round of decoding), ':' or control character.
bool IsPlainWebPath(std::string_view path) {
    if (path.empty() || path.front() != '/' || !utf8::IsValid(path)) return false;
    std::string_view rest = path.substr(1);
    if (rest.empty()) return true;  // the root: index.html
    std::size_t start = 0;
    while (start < rest.size()) {
        std::size_t slash = rest.find('/', start);
        bool last = slash == std::string_view::npos;
        std::string_view segment = rest.substr(start, last ? std::string_view::npos : slash - start);
        if (segment.empty() || segment.front() == '.') return false;
        for (unsigned char c : segment) {
            if (c < 0x20 || c == 0x7F || c == '\\' || c == '%' || c == ':') return false;
        }
        if (last) break;
        start = slash + 1;  // a trailing '/' leaves start == size: a folder, served as its index.html
    }
    return true;
}

/// Whether `candidate` (canonical) is `root` or lies inside it, compared by whole components.
bool IsWithin(const fs::path& root, const fs::path& candidate) {
    auto r = root.begin();
    auto c = candidate.begin();
    for (; r != root.end(); ++r, ++c) {
        if (c == candidate.end() || *r != *c) return false;
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

/// Closes the descriptor it holds when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

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

std::optional<StaticFiles::Found> StaticFiles::Resolve(std::string_view request_path) const {
    if (!IsPlainWebPath(request_path)) return std::nullopt;
    std::string relative(request_path.substr(1));
    if (relative.empty() || relative.back() == '/') relative += "index.html";
    std::error_code ec;
    // canonical() follows symlinks: a link inside the folder that points outside it is refused
    // here, whatever the path looked like.
    fs::path file = fs::canonical(root_ / relative, ec);
    if (!ec && IsWithin(root_, file) && fs::is_regular_file(file, ec)) return Found{file, std::move(relative)};
    std::string_view last = std::string_view(relative).substr(relative.rfind('/') + 1);
    if (last.find('.') != std::string_view::npos) return std::nullopt;
    return Found{root_ / "index.html", "index.html"};  // a client-side route
}

Response StaticFiles::Serve(const Request& request) const {
    std::optional<Found> found = Resolve(request.path);
    if (!found) return NotFound(request);
    // Opened once and checked on the descriptor, so a file swapped for a link between the
    // check above and here is not followed.
    FileDescriptor fd(::open(found->file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes) {
        return NotFound(request);
    }
    const fs::path& file = found->file;
    const std::string& relative = found->relative;

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
    std::string body(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < body.size()) {
        ssize_t n = ::read(fd.get(), body.data() + done, body.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    body.resize(done);
    response.body = std::move(body);
    return response;
}

}  // namespace keyuan::http
