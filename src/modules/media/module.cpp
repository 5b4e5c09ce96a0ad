#include "modules/media/module.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "access/crypto.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"

namespace keyuan::media {
namespace fs = std::filesystem;
using http::Request;

namespace {

constexpr std::size_t kMinBytes = 64;

struct ImageType {
    std::string_view extension, content_type;
};

constexpr ImageType kJpeg{"jpg", "image/jpeg"}, kPng{"png", "image/png"}, kWebp{"webp", "image/webp"};

/// The image type from the file's own signature; the declared Content-Type is not trusted.
std::optional<ImageType> Sniff(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xD8\xFF")) return kJpeg;
    if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return kPng;
    if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") return kWebp;
    return std::nullopt;
}

bool IsHex64(std::string_view s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

/// "<sha>.<ext>" → its type, if the name is one this server could have made.
std::optional<ImageType> ParseName(std::string_view name) {
    std::size_t dot = name.find('.');
    if (dot == std::string_view::npos || !IsHex64(name.substr(0, dot))) return std::nullopt;
    std::string_view ext = name.substr(dot + 1);
    for (const ImageType& t : {kJpeg, kPng, kWebp}) {
        if (ext == t.extension) return t;
    }
    return std::nullopt;
}

/// Two levels of fan-out keep folders small: ab/abcdef….jpg.
fs::path PathOf(const fs::path& dir, std::string_view name) {
    return dir / std::string(name.substr(0, 2)) / std::string(name);
}

/// Writes the file beside its final name, flushes it to disk, then renames it into place,
/// so a reader never sees half a photo and a crash leaves at most a stray temporary file.
void WriteAtomically(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    fs::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(std::hash<std::string_view>{}(bytes));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot create " + tmp.string());
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n <= 0) {
            ::close(fd);
            fs::remove(tmp);
            throw std::runtime_error("cannot write " + tmp.string());
        }
        written += static_cast<std::size_t>(n);
    }
    bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        fs::remove(tmp);
        throw std::runtime_error("cannot sync " + tmp.string());
    }
    fs::rename(tmp, path);
}

}  // namespace

bool IsMediaName(std::string_view name) {
    return ParseName(name).has_value();
}

bool IsMediaUrl(std::string_view url) {
    return url.starts_with(kMediaUrlPrefix) && IsMediaName(url.substr(kMediaUrlPrefix.size()));
}

void Register(modules::ModuleContext& context) {
    fs::path dir(context.settings.media_dir);
    fs::create_directories(dir);
    access::Policy& policy = context.policy;
    // Whoever registers resources with photos may upload them.
    for (Role role : {Role::kUnitAdmin, Role::kBaseAdmin, Role::kOperator, Role::kFinancialInstitution}) {
        policy.Allow("media.upload", role, access::Scope::kAll);
    }
    store::Database& db = context.db;

    context.router.Post("/api/v1/media", [&db, &policy, dir](Request& r) {
        policy.RequireAction(r.caller.get(), "media.upload");
        std::optional<ImageType> type = Sniff(r.body);
        if (!type || r.body.size() < kMinBytes) {
            throw ApiError(Error::Make(ErrorCode::kUnsupportedMediaType, "照片须为 JPEG、PNG 或 WebP 图片",
                                       "A photo must be a JPEG, PNG or WebP image"));
        }
        std::string sha = access::Sha256Hex(r.body);
        std::string name = sha + "." + std::string(type->extension);
        fs::path path = PathOf(dir, name);
        if (!fs::exists(path)) WriteAtomically(path, r.body);
        boost::json::object out{{"url", std::string(kMediaUrlPrefix) + name},
                                {"sha256", sha},
                                {"content_type", type->content_type},
                                {"size_bytes", static_cast<std::int64_t>(r.body.size())}};
        db.Write([&](store::Session& s) {
            const Caller* caller = r.caller.get();
            s.Execute(
                "INSERT INTO media (sha256, content_type, size_bytes, org_id, uploaded_by, created_at) "
                "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING",
                {sha, std::string(type->content_type), static_cast<std::int64_t>(r.body.size()),
                 caller->org_id ? store::Param(*caller->org_id) : store::Param(nullptr),
                 static_cast<long long>(caller->user_id), clock::NowUtc()});
            audit::Record(s, r.ToActor(),
                          {.event_type = "media.uploaded",
                           .object_type = "media",
                           .object_id = name,
                           .after_json = boost::json::serialize(out)});
        });
        return http::JsonResponse(201, out);
    });

    context.router.Get("/api/v1/media/{name}", [dir](Request& r) {
        std::string_view name = r.PathParam("name");
        std::optional<ImageType> type = ParseName(name);
        if (!type) throw ApiError(Error::NotFound());
        std::ifstream in(PathOf(dir, name), std::ios::binary);
        if (!in) throw ApiError(Error::NotFound());
        std::ostringstream bytes;
        bytes << in.rdbuf();
        http::Response response;
        response.status = 200;
        response.content_type = std::string(type->content_type);
        response.body = bytes.str();
        // The name is the content's hash: it can be cached for good.
        response.SetHeader("cache-control", "public, max-age=31536000, immutable");
        response.SetHeader("etag", "\"" + std::string(name.substr(0, 64)) + "\"");
        response.SetHeader("x-content-type-options", "nosniff");
        return response;
    });
    using namespace http::doc;
    const boost::json::object image{{"type", "string"}, {"format", "binary"}};
    context.router.Describe(http::Method::kPost, "/api/v1/media",
                            {.summary = "Upload a photo (JPEG, PNG or WebP by content); answered with its URL",
                             .tags = {"media"},
                             .request = image,
                             .request_type = "image/*",
                             .response = Object({{"url", Str()},
                                                 {"sha256", Str()},
                                                 {"content_type", Enum({"image/jpeg", "image/png", "image/webp"})},
                                                 {"size_bytes", Integer()}},
                                                {"url", "sha256", "content_type", "size_bytes"}),
                             .errors = {401, 403, 413, 415}});
    context.router.Describe(http::Method::kGet, "/api/v1/media/{name}",
                            {.summary = "A photo by its name (its hash and type), cacheable for good",
                             .tags = {"media"},
                             .response = image,
                             .response_type = "image/*",
                             .errors = {404}});
}

}  // namespace keyuan::media
