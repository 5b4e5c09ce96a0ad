#pragma once
// Shared between index.cpp and query.cpp only: value slots and per-thread readers.

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace keyuan::search::detail {

enum Slot : Xapian::valueno {
    kType = 0,
    kDistrict = 1,
    kClass = 2,
    kOpenStatus = 3,
    kIndustry = 4,
    kAccreditation = 5,
    kPrice = 6,
    kUpdated = 7,
    kOrg = 8,
    kBody = 9,
    kTitle = 10,
    kId = 11,         // "type:id", so a hit is identified without reading its term list
    kStatuses = 12,   // several values joined by commas (an achievement's transformation statuses)
    kOpenUntil = 13,  // YYYY-MM-DD, only on documents with a last day (and kHasEndTerm): compared as text
};

/// The boolean term of every document that has a last day (kOpenUntil): few do (demands).
inline constexpr const char* kHasEndTerm = "XE";

/// `query` without the documents no longer offered on `day` (YYYY-MM-DD): those whose last day
/// is before it. Only the few documents with a last day are looked at (AND_NOT drives by the
/// short list on its right): a value range over every match read the slot for each one and
/// doubled the cost of a common query.
inline Xapian::Query OpenOn(const Xapian::Query& query, const std::string& day) {
    Xapian::Query has_end(kHasEndTerm);
    Xapian::Query still_open(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_VALUE_GE, kOpenUntil, day),
                             has_end);
    Xapian::Query closed(Xapian::Query::OP_AND_NOT, has_end, still_open);
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query, closed);
}

/// A reader for the calling thread, brought up to the latest commit (Xapian handles are not
/// shared between threads).
inline Xapian::Database& ThreadReader(const std::string& path) {
    thread_local std::unordered_map<std::string, std::unique_ptr<Xapian::Database>> readers;
    auto& reader = readers[path];
    if (!reader) {
        reader = std::make_unique<Xapian::Database>(path);
    } else {
        reader->reopen();
    }
    return *reader;
}

}  // namespace keyuan::search::detail
