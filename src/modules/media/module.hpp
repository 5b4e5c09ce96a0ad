#pragma once
// Photos of instruments and labs: uploaded once, stored as files named by their SHA-256
// under the media folder (content-addressed, so a re-upload is free and a name never
// changes meaning), and served with immutable caching. A resource refers to a photo by the
// URL the upload answers, /api/v1/media/<sha256>.<ext>.

#include <string>
#include <string_view>

#include "modules/module_context.hpp"

namespace keyuan::media {

/// Adds POST /api/v1/media (an image as the body) and GET /api/v1/media/{name}; creates the
/// settings' media folder if needed.
void Register(modules::ModuleContext& context);
/// Declares `media collect` (modules/media/commands.cpp).
void Declare(modules::Declarations& declarations);

/// Where uploaded photos are served: the URL of one is this prefix and its file name.
inline constexpr std::string_view kMediaUrlPrefix = "/api/v1/media/";

/// Whether `url` names an uploaded photo (/api/v1/media/<64 hex>.jpg|png|webp).
bool IsMediaUrl(std::string_view url);
/// Whether `name` is a photo file name this server could have made (<64 hex>.jpg|png|webp).
bool IsMediaName(std::string_view name);

}  // namespace keyuan::media
