#include "registry/kinds.hpp"

#include <algorithm>
#include <mutex>
#include <set>

namespace keyuan::registry {
namespace {

using Factory = std::vector<ResourceSpec> (*)();

std::mutex& FactoriesMutex() {
    static std::mutex mutex;
    return mutex;
}

std::vector<Factory>& Factories() {
    static std::vector<Factory> factories;
    return factories;
}

}  // namespace

void DeclareKinds(Factory factory) {
    std::lock_guard lock(FactoriesMutex());
    auto& all = Factories();
    if (std::find(all.begin(), all.end(), factory) == all.end()) all.push_back(factory);
}

std::vector<ResourceSpec> DeclaredKinds() {
    std::vector<Factory> factories;
    {
        std::lock_guard lock(FactoriesMutex());
        factories = Factories();
    }
    std::vector<ResourceSpec> out;
    std::set<std::string, std::less<>> seen;
    for (Factory factory : factories) {
        for (ResourceSpec& spec : factory()) {
            if (seen.insert(spec.kind).second) out.push_back(std::move(spec));
        }
    }
    return out;
}

}  // namespace keyuan::registry
