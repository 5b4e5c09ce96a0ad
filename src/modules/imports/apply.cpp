#include "modules/imports/apply.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "registry/reference_checks.hpp"
#include "store/errors.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::imports {
namespace json = boost::json;

namespace {

struct RollBack {};  // leaves the write transaction without keeping anything

std::string SortedItems(const json::value& v) {
    if (!v.is_array()) return json::serialize(v);
    std::vector<std::string> items;
    for (const json::value& item : v.get_array()) items.push_back(json::serialize(item));
    std::sort(items.begin(), items.end());
    std::string out;
    for (const std::string& item : items) out += item + "\x1f";
    return out;
}

// Thrown by a Writer without savepoints when the registry refuses a row: what the batch wrote
// is then undone with its transaction and the batch written again in groups (Apply).
struct RefusedWithoutSavepoints {};

class Writer {
public:
    /// `grouped`: each group of rows in a savepoint (else none: the first refusal throws
    /// RefusedWithoutSavepoints). A savepoint is costly on SQLite, whose undo record of a
    /// group (the first change of each page: 14 indexes of an instrument) spills to a file
    /// past 64 KiB: 100,000 rows took 26.7 s with a savepoint a group, 15.9 s without.
    Writer(store::Session& s, registry::ResourceEngine& engine, const ApplyContext& context, ApplyResult& result,
           bool grouped)
        : s_(s), engine_(engine), context_(context), result_(result), grouped_(grouped) {}

    /// Writes objects [from, to). Grouped: all in one savepoint, none of their own; if the
    /// registry refuses one of them, the group is undone and written again row by row, each row
    /// in a savepoint, so that the refused row leaves nothing behind and the others are kept.
    void WriteGroup(std::vector<SheetObject>& objects, std::size_t from, std::size_t to) {
        careful_ = false;
        stored_ = StoredOfGroup(objects, from, to);
        if (!grouped_) {
            for (std::size_t i = from; i < to; ++i) Write(objects[i]);
            return;
        }
        ApplyResult::Mark mark = result_.Marked();
        s_.Execute("SAVEPOINT import_group");
        try {
            for (std::size_t i = from; i < to; ++i) Write(objects[i]);
            s_.Execute("RELEASE SAVEPOINT import_group");
            return;
        } catch (const RefusedWithoutSavepoints&) {
            s_.Execute("ROLLBACK TO SAVEPOINT import_group");
            s_.Execute("RELEASE SAVEPOINT import_group");
        } catch (const store::ConstraintError&) {
            // A statement sent unread (Session::Send) failed, found by a later one of the group.
            s_.Execute("ROLLBACK TO SAVEPOINT import_group");
            s_.Execute("RELEASE SAVEPOINT import_group");
        }
        result_.Restore(mark);
        careful_ = true;
        for (std::size_t i = from; i < to; ++i) Write(objects[i]);
    }

private:
    void Write(SheetObject& object) {
        errors_.clear();
        for (const exchange::CellError& e : object.errors) errors_.push_back({e.row, e.column, "", e.message});
        std::optional<std::int64_t> org = ResolveOrg(object);
        std::optional<registry::StoredResource> existing;
        if (org) existing = FindExisting(object, *org);
        if (org && errors_.empty()) ResolveLookups(object, *org);
        if (!errors_.empty()) return Refuse(object);
        if (existing) {
            if (SameAsStored(object.body, engine_.ToJson(*existing))) {
                ++result_.unchanged;
                result_.rows.push_back({object.row, "unchanged", existing->id, object.name});
                return;
            }
        } else {
            object.body["org_id"] = std::to_string(*org);
            Defaults(object, *org);
        }
        if (careful_) s_.Execute("SAVEPOINT import_row");
        try {
            json::object written = existing ? engine_.UpdateIn(s_, context_.caller, existing->id, object.body,
                                                               existing->version, context_.actor)
                                            : engine_.CreateIn(s_, context_.caller, object.body, context_.actor);
            if (careful_) s_.Execute("RELEASE SAVEPOINT import_row");
            std::int64_t id = std::stoll(std::string(written.at("id").as_string()));
            (existing ? result_.updated : result_.created) += 1;
            result_.rows.push_back({object.row, existing ? "updated" : "created", id, object.name});
        } catch (const ApiError& e) {
            if (!careful_) throw RefusedWithoutSavepoints{};
            Undo();
            Map(object.row, e.error());
            Refuse(object);
        } catch (const store::ConstraintError&) {
            if (!careful_) throw RefusedWithoutSavepoints{};
            Undo();
            errors_.push_back(
                {object.row, "", "", {"与已有数据冲突，未写入", "Conflicts with stored data; not written"}});
            Refuse(object);
        }
    }

    // A file names a few organisations many times: each is read once per batch.
    std::optional<std::int64_t> OrgOfCreditCode(const std::string& credit_code) {
        auto [at, fresh] = org_of_code_.try_emplace(credit_code);
        if (fresh) {
            store::Rows found = s_.Query("SELECT id FROM organizations WHERE credit_code = $1", {credit_code});
            if (!found.empty()) at->second = found.front().Int(0);
        }
        return at->second;
    }

    const std::optional<std::string>& DistrictOf(std::int64_t org) {
        auto [at, fresh] = district_of_org_.try_emplace(org);
        if (fresh) {
            store::Rows found = s_.Query("SELECT district_code FROM organizations WHERE id = $1", {org});
            if (!found.empty() && !found.front().IsNull(0)) at->second = found.front().Text(0);
        }
        return at->second;
    }

    void Undo() {
        s_.Execute("ROLLBACK TO SAVEPOINT import_row");
        s_.Execute("RELEASE SAVEPOINT import_row");
    }

    void Fail(int row, std::string_view key, std::string zh, std::string en) {
        errors_.push_back({row, context_.column_of(key), std::string(key), {std::move(zh), std::move(en)}});
    }

    std::optional<std::int64_t> ResolveOrg(const SheetObject& object) {
        if (!object.credit_code.empty()) {
            std::optional<std::int64_t> found = OrgOfCreditCode(object.credit_code);
            if (!found) {
                Fail(object.row, "org_credit_code", "没有此统一社会信用代码的单位：" + object.credit_code,
                     "No organization has the credit code " + object.credit_code);
                return std::nullopt;
            }
            std::int64_t org = *found;
            bool own = context_.caller && context_.caller->org_id == org;
            if ((!context_.is_operator && !own) || (context_.org_id && *context_.org_id != org)) {
                Fail(object.row, "org_credit_code", "只能导入本单位的数据：" + object.credit_code + " 是其他单位",
                     "You can import your own organization's data only: " + object.credit_code + " is another's");
                return std::nullopt;
            }
            return org;
        }
        if (context_.org_id) return context_.org_id;
        // An exported file's 编号 names its organisation (the operator's re-import of an export).
        if (object.id) {
            if (std::optional<registry::StoredResource> r = engine_.Load(s_, *object.id)) return r->org_id;
        }
        Fail(object.row, "org_credit_code", "须填写统一社会信用代码（或在导入时选择单位）",
             "Give the organization's credit code (or choose the organization when importing)");
        return std::nullopt;
    }

    std::optional<registry::StoredResource> FindExisting(const SheetObject& object, std::int64_t org) {
        if (object.id) {
            std::optional<registry::StoredResource> r = engine_.Load(s_, *object.id);
            if (!r || r->org_id != org) {
                Fail(object.row, "id", "编号不存在或不属于该单位：" + std::to_string(*object.id),
                     "No such ID in this organization: " + std::to_string(*object.id));
                return std::nullopt;
            }
            return r;
        }
        if (object.name.empty()) return std::nullopt;  // the registry names the missing name
        auto it = stored_.find({org, object.name});
        if (it == stored_.end()) return std::nullopt;
        return it->second;
    }

    // The stored objects that the group's rows name by organisation and name (the oldest of a
    // name), read in two statements for the group rather than two a row. The lists are padded to
    // kGroup, so that PostgreSQL prepares one statement each, not one per group's shape.
    std::map<std::pair<std::int64_t, std::string>, registry::StoredResource> StoredOfGroup(
        const std::vector<SheetObject>& objects, std::size_t from, std::size_t to) {
        std::set<std::int64_t> orgs;
        std::vector<std::string> names;
        for (std::size_t i = from; i < to; ++i) {
            const SheetObject& o = objects[i];
            if (o.id || o.name.empty()) continue;
            std::optional<std::int64_t> org = o.credit_code.empty() ? context_.org_id : OrgOfCreditCode(o.credit_code);
            if (!org) continue;  // refused by ResolveOrg
            orgs.insert(*org);
            names.push_back(o.name);
        }
        std::map<std::pair<std::int64_t, std::string>, registry::StoredResource> out;
        if (names.empty()) return out;
        std::vector<store::Param> params;
        auto padded = [&](auto&& item_at, std::size_t count) {
            std::string in;
            for (std::size_t k = 0; k < std::max(kGroup, count); ++k) {
                params.emplace_back(item_at(std::min(k, count - 1)));
                in += (k ? ", $" : "$") + std::to_string(params.size());
            }
            return in;
        };
        std::vector<std::int64_t> org_list(orgs.begin(), orgs.end());
        std::string in_names = padded([&](std::size_t k) { return names[k]; }, names.size());
        std::string in_orgs = padded([&](std::size_t k) { return org_list[k]; }, org_list.size());
        store::Rows found = s_.Query("SELECT id, org_id, name FROM " + engine_.spec().table + " WHERE name IN (" +
                                         in_names + ") AND org_id IN (" + in_orgs + ") ORDER BY id",
                                     params);
        std::map<std::int64_t, std::pair<std::int64_t, std::string>> key_of;
        std::set<std::pair<std::int64_t, std::string>> keyed;
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0; i < found.size(); ++i) {
            std::pair<std::int64_t, std::string> key{found[i].Int(1), std::string(found[i].Text(2))};
            if (!keyed.insert(key).second) continue;  // a later one of the same name
            ids.push_back(found[i].Int(0));
            key_of.emplace(ids.back(), std::move(key));
        }
        if (ids.empty()) return out;
        std::size_t count = ids.size();
        for (std::size_t k = count; k < kGroup; ++k) ids.push_back(ids[count - 1]);  // LoadMany answers each once
        for (registry::StoredResource& r : engine_.LoadMany(s_, ids)) {
            if (auto key = key_of.find(r.id); key != key_of.end()) out.emplace(key->second, std::move(r));
        }
        return out;
    }

    // What a new object takes where the file says nothing (Column::default_value).
    void Defaults(SheetObject& object, std::int64_t org) {
        for (const exchange::Column& c : engine_.spec().columns.list) {
            if (c.default_value.empty() || object.body.contains(c.key)) continue;
            if (c.default_value != exchange::kOrgDistrict) {
                object.body[c.key] = c.default_value;
                continue;
            }
            if (const std::optional<std::string>& district = DistrictOf(org)) object.body[c.key] = *district;
        }
    }

    void ResolveLookups(SheetObject& object, std::int64_t org) {
        for (const auto& [key, name] : object.lookups) {
            std::string table;
            for (const exchange::Column& c : engine_.spec().columns.list) {
                if (c.key == key) table = c.lookup_table;
            }
            store::Rows found =
                s_.Query("SELECT id FROM " + table + " WHERE org_id = $1 AND name = $2 ORDER BY id", {org, name});
            if (found.empty()) {
                Fail(object.row, key, "本单位没有名为“" + name + "”的登记",
                     "Your organization has no record named " + name);
            } else {
                object.body[key] = std::to_string(found.front().Int(0));
            }
        }
    }

    void Map(int row, const Error& error) {
        if (error.fields.empty()) {
            errors_.push_back({row, "", "", error.message});
            return;
        }
        for (const FieldError& f : error.fields) {
            std::string field = f.field == "org_id" ? "org_credit_code" : f.field;
            errors_.push_back({row, context_.column_of(field), f.field, f.message});
        }
    }

    void Refuse(const SheetObject& object) {
        ++result_.refused;
        result_.rows.push_back({object.row, "refused", std::nullopt, object.name});
        for (RowError& e : errors_) result_.errors.push_back(std::move(e));
        for (int row : object.rows) result_.refused_rows.push_back(row);
    }

    store::Session& s_;
    registry::ResourceEngine& engine_;
    const ApplyContext& context_;
    ApplyResult& result_;
    std::vector<RowError> errors_;
    bool grouped_;
    bool careful_ = false;  // each row in a savepoint of its own
    std::map<std::string, std::optional<std::int64_t>> org_of_code_;
    std::map<std::int64_t, std::optional<std::string>> district_of_org_;
    // What the group being written finds stored, by organisation and name (StoredOfGroup).
    std::map<std::pair<std::int64_t, std::string>, registry::StoredResource> stored_;
};

// Two objects of one file with the same key: the later is refused, naming the first.
void RefuseRepeats(std::vector<SheetObject>& objects, const ApplyContext& context) {
    std::map<std::string, int> first;
    for (SheetObject& o : objects) {
        std::string key =
            o.id ? "id:" + std::to_string(*o.id) : (o.name.empty() ? "" : "name:" + o.credit_code + "\x1f" + o.name);
        if (key.empty()) continue;
        auto [at, fresh] = first.emplace(key, o.row);
        if (fresh) continue;
        std::string field = o.id ? "id" : "name";
        std::string row = std::to_string(at->second);
        o.errors.push_back({o.row,
                            context.column_of(field),
                            {"与第 " + row + " 行重复（同一文件中每条数据只能出现一次）",
                             "Repeats row " + row + " (each record may appear once in a file)"}});
    }
}

}  // namespace

bool SameAsStored(const json::object& body, const json::object& stored) {
    for (const auto& [key, value] : body) {
        const json::value* have = stored.if_contains(key);
        if (!have) return false;
        if (value.is_array() || have->is_array()) {
            if (SortedItems(value) != SortedItems(*have)) return false;
        } else if (json::serialize(value) != json::serialize(*have)) {
            return false;
        }
    }
    return true;
}

ApplyResult Apply(store::Database& db, registry::ResourceEngine& engine, std::vector<SheetObject>& objects,
                  const ApplyContext& context) {
    RefuseRepeats(objects, context);
    ApplyResult result;
    // A dry run and an all-or-nothing run are one transaction; the default commits every
    // kBatch objects, so that a long file does not hold the database's writers back (SQLite
    // has one) and its progress shows.
    bool whole = context.dry_run || context.all_or_nothing;
    std::size_t step = whole ? std::max<std::size_t>(objects.size(), 1) : kBatch;
    try {
        for (std::size_t from = 0; from < objects.size(); from += step) {
            std::size_t to = std::min(from + step, objects.size());
            ApplyResult::Mark mark = result.Marked();
            // First without savepoints; a batch in which the registry refuses a row, again in groups.
            for (bool grouped : {false, true}) {
                try {
                    db.Write([&](store::Session& s) {
                        result.Restore(mark);  // a retried transaction starts its batch again
                        Writer writer(s, engine, context, result, grouped);
                        workflow::CalendarReadOnce calendar(s);       // the kinds' deadline checks, once a batch
                        registry::ReferenceChecksOnce references(s);  // codes and districts, once a batch
                        for (std::size_t group = from; group < to; group += kGroup) {
                            writer.WriteGroup(objects, group, std::min(group + kGroup, to));
                        }
                        if (context.progress) context.progress(s, static_cast<std::int64_t>(to));
                        if (context.dry_run || (context.all_or_nothing && result.refused > 0)) throw RollBack{};
                    });
                    break;
                } catch (const RefusedWithoutSavepoints&) {
                    result.Restore(mark);
                } catch (const store::ConstraintError&) {
                    // As RefusedWithoutSavepoints, found after its row by a statement sent unread
                    // (Session::Send); the grouped pass names the row.
                    if (grouped) throw;
                    result.Restore(mark);
                }
            }
        }
        result.applied = true;
    } catch (const RollBack&) {
        result.applied = false;
    }
    return result;
}

}  // namespace keyuan::imports
