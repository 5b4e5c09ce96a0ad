#include "modules/imports/kinds.hpp"

#include "registry/kinds.hpp"

namespace keyuan::imports {

ImportKinds::ImportKinds(store::Database& db) {
    for (registry::ResourceSpec& spec : registry::DeclaredKinds()) {
        if (spec.columns.list.empty()) continue;
        engines_.push_back(std::make_unique<registry::ResourceEngine>(std::move(spec), db, policy_, 0));
    }
}

ImportKinds::~ImportKinds() {
    std::lock_guard lock(jobs_mutex_);
    for (auto& [thread, done] : jobs_) thread.join();
}

void ImportKinds::Launch(std::function<void()> work) {
    std::lock_guard lock(jobs_mutex_);
    std::erase_if(jobs_, [](auto& job) {
        if (!job.second->load()) return false;
        job.first.join();
        return true;
    });
    auto done = std::make_shared<std::atomic<bool>>(false);
    jobs_.emplace_back(std::thread([work = std::move(work), done] {
                           work();
                           done->store(true);
                       }),
                       done);
}

registry::ResourceEngine* ImportKinds::Find(std::string_view kind) {
    for (auto& e : engines_) {
        if (e->spec().kind == kind) return e.get();
    }
    return nullptr;
}

void ImportKinds::AddUnknownKind(FieldErrors& errors, std::string_view first) const {
    std::string names(first);
    for (const auto& e : engines_) names += (names.empty() ? "" : ", ") + e->spec().kind;
    errors.Add("kind", "须为以下之一：" + names, "Must be one of: " + names);
}

Text KindLabel(std::string_view kind) {
    if (kind == "lab") return {"实验室", "Labs"};
    if (kind == "instrument") return {"仪器设备", "Instruments"};
    if (kind == "service") return {"服务产品", "Service products"};
    if (kind == "finance_product") return {"金融产品", "Finance products"};
    if (kind == "achievement") return {"科技成果", "Achievements"};
    if (kind == "talent") return {"科技人才", "Talents"};
    return {std::string(kind), std::string(kind)};
}

}  // namespace keyuan::imports
