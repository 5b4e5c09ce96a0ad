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
    kOpenUntil = 13,  // YYYY-MM-DD, "9999-12-31" when it has no end: compared as text
};

/// Documents still offered on `day` (YYYY-MM-DD): their last day is not before it.
inline Xapian::Query OpenOn(const std::string& day) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, kOpenUntil, day);
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
