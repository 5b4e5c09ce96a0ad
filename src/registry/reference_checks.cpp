#include "registry/reference_checks.hpp"

namespace keyuan::registry {

namespace {
thread_local ReferenceChecksOnce* t_checks_once = nullptr;
}  // namespace

ReferenceChecksOnce::ReferenceChecksOnce(store::Session& s) : session_(s), outer_(t_checks_once) {
    t_checks_once = this;
}

ReferenceChecksOnce::~ReferenceChecksOnce() {
    t_checks_once = outer_;
}

bool ReferenceExists(store::Session& s, std::string_view sql, std::initializer_list<store::Param> params) {
    ReferenceChecksOnce* scope = t_checks_once;
    if (!scope || &scope->session_ != &s) return !s.Query(sql, params).empty();
    // The statement and its parameters, each marked with its kind (NULL is not the text "").
    std::string key(sql);
    for (const store::Param& p : params) {
        key += '\x1f';
        key += static_cast<char>('0' + static_cast<int>(p.kind()));
        key += p.ToText();
    }
    if (scope->found_.contains(key)) return true;
    if (s.Query(sql, params).empty()) return false;
    scope->found_.insert(std::move(key));
    return true;
}

}  // namespace keyuan::registry
