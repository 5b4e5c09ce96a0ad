#include "registry/describe.hpp"

#include <boost/json/array.hpp>

namespace keyuan::registry {
namespace json = boost::json;

namespace {

const char* TypeName(FieldType type) {
    switch (type) {
        case FieldType::kText: return "text";
        case FieldType::kLongText: return "long_text";
        case FieldType::kInt: return "int";
        case FieldType::kMoney: return "money";
        case FieldType::kDate: return "date";
        case FieldType::kBool: return "bool";
        case FieldType::kEnum: return "enum";
        case FieldType::kCode: return "code";
        case FieldType::kRef: return "ref";
        case FieldType::kEnumList: return "enum_list";
        case FieldType::kStringList: return "string_list";
    }
    return "text";
}

}  // namespace

json::object DescribeKind(const ResourceEngine& engine) {
    const ResourceSpec& spec = engine.spec();
    json::array fields;
    for (const FieldSpec& f : spec.fields) {
        json::array choices;
        for (std::string_view c : f.choices) choices.push_back(json::string(c));
        fields.push_back(json::object{{"name", f.name},
                                      {"type", TypeName(f.type)},
                                      {"required", f.required},
                                      {"max_chars", f.max_chars},
                                      {"choices", std::move(choices)},
                                      {"filter", f.filter},
                                      {"range", f.range},
                                      {"sort", f.sort},
                                      {"derived", f.derived},
                                      {"visibility", VisibilityName(f.visibility)},
                                      {"mask", MaskName(f.mask)}});
    }
    json::array links;
    for (const LinkSpec& l : spec.links) {
        json::array extra;
        for (const std::string& c : l.extra_columns) extra.emplace_back(c);
        links.push_back(json::object{{"name", l.name},
                                     {"detail_name", l.detail_name},
                                     {"target", l.target_column},
                                     {"extra", std::move(extra)},
                                     {"max_items", l.max_items}});
    }
    return json::object{{"kind", spec.kind},
                        {"collection", spec.collection},
                        {"fields", std::move(fields)},
                        {"links", std::move(links)},
                        {"workflow", engine.review().Describe()}};
}

}  // namespace keyuan::registry
