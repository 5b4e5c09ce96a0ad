#pragma once
// POST /api/v1/imports is the platform's one door for spreadsheets (API.md). The imports module
// owns the route and imports the registered kinds; an importer of something else (the
// operator's high-tech catalog, catalog/hitech_import.cpp) hands its handler in here by ?kind=,
// and the route passes such a request on. Whichever module registers first creates the door.

#include <map>
#include <memory>
#include <string>

#include "http/router.hpp"
#include "modules/module_context.hpp"

namespace keyuan::exchange {

struct ImportDoor {
    std::map<std::string, http::Handler, std::less<>> handlers;  // ?kind= → its importer
};

inline ImportDoor& ImportDoorOf(modules::ModuleContext& context) {
    if (ImportDoor* door = context.services.Find<ImportDoor>()) return *door;
    ImportDoor& door = context.Keep(std::make_unique<ImportDoor>());
    context.services.Offer(door);
    return door;
}

}  // namespace keyuan::exchange
