// Who sees which field (FieldSpec::visibility): answers are built whole (ToJson, also the
// version snapshot) and then cut down to the reader's level, masked where personal data is.
#include <algorithm>
#include <stdexcept>

#include "access/masking.hpp"
#include "registry/engine.hpp"

namespace keyuan::registry {
namespace json = boost::json;

const char* VisibilityName(Visibility v) {
    switch (v) {
        case Visibility::kPublic: return "public";
        case Visibility::kSignedIn: return "signed_in";
        case Visibility::kOwner: return "owner";
        case Visibility::kOperator: return "operator";
    }
    return "operator";
}

const char* MaskName(Mask m) {
    switch (m) {
        case Mask::kNone: return "none";
        case Mask::kPhone: return "phone";
        case Mask::kEmail: return "email";
    }
    return "none";
}

void CheckVisibility(const ResourceSpec& spec) {
    // The search index serves visitors: it may hold public fields only.
    if (spec.search) {
        const SearchSpec& search = *spec.search;
        std::vector<std::string> named = {search.label, search.class_code, search.district, search.open_status,
                                          search.price};
        for (const auto* list : {&search.title, &search.body, &search.display}) {
            named.insert(named.end(), list->begin(), list->end());
        }
        for (const std::string& name : named) {
            const FieldSpec* f = FindField(spec, name);
            if (f && f->visibility != Visibility::kPublic) {
                throw std::logic_error(spec.kind + "." + name + ": a field that is not public cannot be indexed");
            }
        }
    }
    for (const FieldSpec& f : spec.fields) {
        if (f.visibility == Visibility::kPublic) continue;
        // A filter, a range, a sort order or ?q= on a hidden field would tell its value.
        bool searched =
            std::find(spec.text_columns.begin(), spec.text_columns.end(), f.name) != spec.text_columns.end();
        if (f.filter || f.range || f.sort || searched) {
            throw std::logic_error(spec.kind + "." + f.name +
                                   ": a field that is not public cannot be filtered, "
                                   "sorted or searched");
        }
    }
}

Visibility ResourceEngine::ReaderLevel(const Caller* caller, const StoredResource& r) const {
    if (!caller) return Visibility::kPublic;
    if (caller->Has(Role::kOperator)) return Visibility::kOperator;
    if (policy_.Allows(caller, Action("read"), ScopeOf(r))) return Visibility::kOwner;
    return Visibility::kSignedIn;
}

json::object ResourceEngine::ToJsonFor(const Caller* caller, const StoredResource& r) const {
    json::object out = ToJson(r);
    Visibility level = ReaderLevel(caller, r);
    for (const FieldSpec& f : spec_.fields) {
        if (f.visibility <= level) continue;
        json::value& v = out[f.name];
        if (!v.is_string()) {
            v = nullptr;
        } else if (f.mask == Mask::kPhone) {
            v = access::MaskPhone(v.get_string());
        } else if (f.mask == Mask::kEmail) {
            v = access::MaskEmail(v.get_string());
        } else {
            v = nullptr;
        }
    }
    return out;
}

std::optional<std::string> ResourceEngine::CacheTier(const Caller* caller) const {
    bool all_public = std::all_of(spec_.fields.begin(), spec_.fields.end(),
                                  [](const FieldSpec& f) { return f.visibility == Visibility::kPublic; });
    if (all_public) return "all";
    if (!caller) return "visitor";
    // Whoever may read some objects unpublished sees more of those: their answers are their own.
    if (caller->Has(Role::kOperator) || !policy_.ScopesFor(caller, Action("read")).empty()) return std::nullopt;
    return "signed_in";
}

}  // namespace keyuan::registry
