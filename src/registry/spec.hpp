#pragma once
// A registered kind (lab, instrument, service product, finance product; achievements, talents
// and teams later) described as data: its fields with their types, limits, filters and who
// sees them (visibility, masking), the checks that span fields, whether an approved object is
// public, how it is indexed for search, and the roles that own and review it. One engine
// (engine.cpp storage and JSON, validation.cpp, list_query.cpp, service.cpp, visibility.cpp,
// review.cpp, search_source.cpp, routes.cpp) gives every kind the same API, validation,
// review workflow, permissions, history, audit, public cache and search source.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "core/error.hpp"
#include "core/role.hpp"
#include "exchange/columns.hpp"
#include "search/document.hpp"
#include "store/database.hpp"
#include "workflow/definition.hpp"

namespace keyuan::registry {

enum class FieldType {
    kText,        // single-line text
    kLongText,    // multi-line text
    kInt,         // integer
    kMoney,       // integer fen ≥ 0
    kDate,        // YYYY-MM-DD
    kBool,        // stored 0/1
    kEnum,        // one of `choices`
    kCode,        // a code that must exist in `ref_table`.code
    kRef,         // an id that must exist in `ref_table`.id (and belong to the same organisation)
    kEnumList,    // JSON array of `choices`, stored as JSON text
    kStringList,  // JSON array of strings, stored as JSON text
};

/// Who sees a field's value in GET answers, lists and the public cache; each level sees what
/// the ones before it see. Owner: whoever may read the object unpublished (its organisation,
/// its reviewers in scope, the district's officers).
enum class Visibility { kPublic, kSignedIn, kOwner, kOperator };

/// How a value is shown to those below its visibility: masked (personal data, PIPL), or null.
enum class Mask { kNone, kPhone, kEmail };

struct FieldSpec {
    std::string name;  // JSON name and column name
    FieldType type = FieldType::kText;
    bool required = false;
    std::size_t max_chars = 200;
    std::vector<std::string_view> choices;
    std::string ref_table;
    bool filter = false;                          // ?name=value exact filter
    bool range = false;                           // ?name_min= / ?name_max= (kMoney, kInt, kDate)
    bool sort = false;                            // ?sort=name or -name
    bool derived = false;                         // computed by the server, read-only in the API
    bool ref_any_owner = false;                   // kRef: the referenced row may belong to another organisation
    Visibility visibility = Visibility::kPublic;  // not public: neither filter, range nor sort
    Mask mask = Mask::kNone;
};

/// A resource's column values while it is created or changed, by field name; a field
/// absent from the map was not given.
using Values = std::map<std::string, store::Param, std::less<>>;

/// Cross-field checks and derived fields; `existing` holds the stored values on update.
struct CheckContext {
    const Values& existing;
    store::Session& session;
};

/// A link from a resource to rows of another table, kept in a link table of (resource, target,
/// extra columns): industry codes, list membership, team members. The API shows `name` as the
/// array of targets and, when the link has extra columns, `detail_name` as [{target, extra…}];
/// either may be given on create or update, and replaces the resource's links.
struct LinkSpec {
    std::string name;                        // "industry_codes"
    std::string table;                       // "lab_industries"
    std::string owner_column;                // its column naming the resource: "lab_id"
    std::string target_column = "code";      // its column naming the target
    std::string target_table;                // a target must exist here: "industry_codes"
    std::string target_key;                  // the target table's key; "" : named as target_column
    std::string target_where;                // a further condition on it: "level = 4"
    bool target_is_id = false;               // targets are ids (given as strings of digits), not codes
    std::vector<std::string> extra_columns;  // text columns per link: {"scope"}
    std::string detail_name;                 // "industries"; "" : the extra columns are not given
    std::size_t max_items = 20;
    std::size_t min_items = 0;  // fewer (also none given on create) is a 422 naming the link
    std::size_t max_target_chars = 4;
    std::size_t max_extra_chars = 600;
    std::string unknown_zh = "不存在：", unknown_en = "Does not exist: ";  // followed by the target
};

/// How a kind is indexed for search, by field names: the registry derives the query and the
/// document from it (registry/search_source.cpp). Besides the kind's fields, "org_name" names
/// the owning organisation's name and "<field>.name" the name of the row a kCode field points to.
struct SearchSpec {
    std::vector<std::string> title;  // joined with spaces; weighted over the body
    std::string label;               // the result's title when it differs from `title`; "" if not
    std::vector<std::string> body;   // joined with spaces; industry scope phrases follow
    std::string class_code;          // the facets and filters search offers ("" if none)
    std::string district;
    std::string open_status;
    std::string price;
    std::string status_link;           // a link whose targets are the document's statuses ("" if none)
    bool district_from_org = false;    // a NULL district falls back to the organisation's
    std::vector<std::string> display;  // shown on the result card, in this order
    /// The odd ones (a thumbnail, accreditations valid today): adds to the document and its
    /// card from the stored values, of which it must show public ones only.
    std::function<void(const Values& stored, search::SearchDocument& doc, boost::json::object& display)> extra;
};

struct ResourceSpec {
    std::string kind;        // "instrument": permission prefix and audit object type
    std::string collection;  // "instruments": the path under /api/v1
    std::string table;
    std::vector<FieldSpec> fields;
    /// Links to other tables. The one named "industry_codes" also drives ?industry= and search.
    std::vector<LinkSpec> links;
    std::vector<std::string> text_columns;  // searched by ?q=
    std::optional<SearchSpec> search;       // how approved ones enter the search index; none: not indexed
    /// Whether an approved object is public, as an SQL condition on alias t (e.g. "t.secret = 0"
    /// for a confidential achievement); "" : every approved one is. The public list, GET by id,
    /// the public cache and search show approved objects only where it holds; the others stay
    /// visible to their readers in scope, as unpublished ones are.
    std::string is_public;
    /// Validates across fields and fills derived fields in `values` (merged view of given
    /// and existing values is passed).
    std::function<void(Values& merged, FieldErrors& errors, CheckContext& context)> check;
    /// Runs when the resource is submitted for review (e.g. stamps the registration date).
    std::function<void(store::Session& s, std::int64_t id, const Values& stored)> on_submit;
    /// Runs when the reviewer approves it, in the same transaction (e.g. gives a registration number).
    std::function<void(store::Session& s, std::int64_t id, const Values& stored)> on_approve;
    /// Runs when an approved one stops being approved (withdrawn, or changed and so back to draft),
    /// in the same transaction and before its row changes (e.g. takes it out of counters).
    std::function<void(store::Session& s, std::int64_t id)> on_unpublish;
    /// Runs when the owner withdraws it (from any state), in the same transaction, after
    /// on_unpublish; the step carries the actor for what it audits (a demand ends its brokers' work).
    std::function<void(workflow::StepContext& step)> on_withdraw;
    /// Extra filters: ?name=value → SQL condition on alias t (returns "" if not applicable).
    std::function<std::string(std::string_view name, const std::string& value, std::vector<store::Param>& params)>
        extra_filter;
    /// Extra read-only fields computed for the JSON answer from the stored values.
    std::function<void(const Values& stored, std::map<std::string, std::string>& text_fields,
                       std::map<std::string, bool>& flag_fields)>
        decorate;
    /// Roles that create and manage this kind within their organisation, and roles that
    /// review it (with the scope they review in) — turned into policy grants.
    std::vector<Role> owner_roles = {Role::kUnitAdmin};
    std::vector<std::pair<Role, access::Scope>> reviewer_roles = {
        {Role::kDepartmentReviewer, access::Scope::kDepartment}};
    /// Roles that read unpublished (and non-public) objects in their scope besides owners and
    /// reviewers: the district's officers follow what their district's units register.
    std::vector<std::pair<Role, access::Scope>> reader_roles = {{Role::kDistrictOfficer, access::Scope::kDistrict}};
    /// States beyond the review's five, with the transitions into and out of them (a demand's
    /// `closed`), appended to the review workflow. An object in such a state is not edited, and
    /// lists take it as ?status=.
    std::vector<workflow::State> extra_states;
    std::vector<workflow::Transition> extra_transitions;
    /// The kind's spreadsheet columns (docs/design/data-exchange.md §1): its template, import
    /// and export. Empty: the kind is not exchanged.
    exchange::Columns columns;
};

const char* VisibilityName(Visibility v);
const char* MaskName(Mask m);
/// Refuses (std::logic_error, at start-up) a hidden field that a filter, sort or ?q= would reveal.
void CheckVisibility(const ResourceSpec& spec);

/// Whether a field of this type is stored as an integer column.
bool IsIntType(FieldType t);
/// Stored as a JSON array of strings (kEnumList, kStringList).
bool IsListType(FieldType t);

/// Looks a link up by name; nullptr if the spec has none.
const LinkSpec* FindLink(const ResourceSpec& spec, std::string_view name);

/// Looks a field up by name; nullptr if the spec has none.
const FieldSpec* FindField(const ResourceSpec& spec, std::string_view name);

}  // namespace keyuan::registry
