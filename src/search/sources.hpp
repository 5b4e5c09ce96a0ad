#pragma once
// Where the index finds its documents: each kind of object registers a source (the registry
// derives one from a kind's spec, registry/search_source.hpp), and search knows no kind by
// name. Only approved, public objects become documents: the index serves visitors.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "search/document.hpp"
#include "store/database.hpp"

namespace keyuan::search {

/// How the index reads one kind of object.
struct Source {
    std::string type;
    /// The document for one object, or nullopt if it must not be in the index.
    std::function<std::optional<SearchDocument>(store::Session& s, std::int64_t id)> load;
    /// Every indexable object with id > after_id, in id order, at most `limit`.
    std::function<std::vector<SearchDocument>(store::Session& s, std::int64_t after_id, int limit)> load_after;
    /// Ids of this kind's objects owned by an organisation (re-indexed when it is renamed).
    std::function<std::vector<std::int64_t>(store::Session& s, std::int64_t org_id)> owned_by;
};

/// Registers (or replaces, keeping its place) the source of `source.type`. Sources are
/// process-wide: the `index rebuild` command reads them without starting the application.
void AddSource(Source source);

/// Registers sources made on first use, before any other is looked at, for kinds whose
/// module is not registered in every process (see catalog/module.cpp). Safe from static
/// initialisers: nothing runs until a source is first needed.
void AddSourceFactory(std::vector<Source> (*factory)());

/// The kinds of object the index holds, in registration order.
std::vector<std::string> IndexedTypes();

/// The document for one object, or nullopt if it must not be in the index (missing,
/// unpublished, secret, or of an unknown type).
std::optional<SearchDocument> LoadDocument(store::Session& s, const std::string& type, std::int64_t id);

/// Every indexable object of `type` with id > after_id, in id order, at most `limit`.
std::vector<SearchDocument> LoadDocuments(store::Session& s, const std::string& type, std::int64_t after_id, int limit);

/// Ids of the indexable objects owned by an organisation (re-indexed when it is renamed).
std::vector<std::pair<std::string, std::int64_t>> ObjectsOfOrganization(store::Session& s, std::int64_t org_id);

}  // namespace keyuan::search
