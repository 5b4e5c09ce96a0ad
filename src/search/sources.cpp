#include "search/sources.hpp"

#include <mutex>

namespace keyuan::search {

namespace {

struct Registered {
    std::mutex mutex;
    std::vector<std::vector<Source> (*)()> factories;
    std::vector<Source> sources;
};

Registered& State() {
    static Registered state;
    return state;
}

void AddLocked(Registered& state, Source source) {
    for (Source& s : state.sources) {
        if (s.type == source.type) {
            s = std::move(source);
            return;
        }
    }
    state.sources.push_back(std::move(source));
}

/// The sources after running any pending factory; a copy, so that no lock is held while
/// the database is read.
std::vector<Source> Snapshot() {
    Registered& state = State();
    std::lock_guard lock(state.mutex);
    auto factories = std::move(state.factories);
    state.factories.clear();
    for (auto* factory : factories) {
        for (Source& s : factory()) AddLocked(state, std::move(s));
    }
    return state.sources;
}

std::optional<Source> Find(const std::string& type) {
    for (Source& s : Snapshot()) {
        if (s.type == type) return std::move(s);
    }
    return std::nullopt;
}

}  // namespace

void AddSource(Source source) {
    Snapshot();  // factories first, so that the order of types does not depend on who asked first
    Registered& state = State();
    std::lock_guard lock(state.mutex);
    AddLocked(state, std::move(source));
}

void AddSourceFactory(std::vector<Source> (*factory)()) {
    Registered& state = State();
    std::lock_guard lock(state.mutex);
    state.factories.push_back(factory);
}

std::vector<std::string> IndexedTypes() {
    std::vector<std::string> out;
    for (const Source& s : Snapshot()) out.push_back(s.type);
    return out;
}

std::optional<SearchDocument> LoadDocument(store::Session& s, const std::string& type, std::int64_t id) {
    std::optional<Source> src = Find(type);
    if (!src) return std::nullopt;
    return src->load(s, id);
}

std::vector<SearchDocument> LoadDocuments(store::Session& s, const std::string& type, std::int64_t after_id,
                                          int limit) {
    std::optional<Source> src = Find(type);
    if (!src) return {};
    return src->load_after(s, after_id, limit);
}

std::vector<std::pair<std::string, std::int64_t>> ObjectsOfOrganization(store::Session& s, std::int64_t org_id) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const Source& src : Snapshot()) {
        for (std::int64_t id : src.owned_by(s, org_id)) out.emplace_back(src.type, id);
    }
    return out;
}

}  // namespace keyuan::search
