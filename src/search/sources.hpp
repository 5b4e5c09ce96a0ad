#pragma once
// Reads what the index needs of each kind of object from the database. Only approved,
// non-secret objects become documents: the index serves visitors.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "search/document.hpp"
#include "store/database.hpp"

namespace keyuan::search {

/// The kinds of object the index holds.
const std::vector<std::string>& IndexedTypes();

/// The document for one object, or nullopt if it must not be in the index (missing,
/// unpublished, secret).
std::optional<SearchDocument> LoadDocument(store::Session& s, const std::string& type, std::int64_t id);

/// Every indexable object of `type` with id > after_id, in id order, at most `limit`.
std::vector<SearchDocument> LoadDocuments(store::Session& s, const std::string& type, std::int64_t after_id, int limit);

/// Ids of the indexable objects owned by an organisation (re-indexed when it is renamed).
std::vector<std::pair<std::string, std::int64_t>> ObjectsOfOrganization(store::Session& s, std::int64_t org_id);

}  // namespace keyuan::search
