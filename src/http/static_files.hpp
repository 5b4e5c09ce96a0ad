#pragma once
// Serves the built web UI from a folder: content types, ETag and cache headers, and the
// single-page-app fallback to index.html. Nothing outside the web folder can be named: every
// path is checked as plain names, resolved through symlinks and compared with the canonical
// root (a request that could read the database file would also break SQLite's locks).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace keyuan::http {

class StaticFiles {
public:
    /// `root` must exist; throws std::runtime_error otherwise.
    explicit StaticFiles(const std::string& root);

    /// Answers a GET or HEAD for `request.path`. Paths without an extension that match no
    /// file get index.html, so that client-side routes load; other misses get 404.
    Response Serve(const Request& request) const;

    /// The canonical web root.
    const std::filesystem::path& root() const { return root_; }

private:
    struct Found {
        std::filesystem::path file;  // canonical, inside the root
        std::string relative;        // as served, e.g. "assets/app.js"
    };
    /// The file a decoded request path names, or nullopt when it is not a plain path inside
    /// the root (or a missing file with an extension).
    std::optional<Found> Resolve(std::string_view request_path) const;

    std::filesystem::path root_;
};

/// The Content-Type for a file name, by extension.
std::string_view ContentTypeFor(std::string_view filename);

}  // namespace keyuan::http
