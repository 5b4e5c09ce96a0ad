#include "modules/assessment/scheme.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"
#include "modules/assessment/measures.hpp"

namespace keyuan::assessment {
namespace json = boost::json;

namespace {

constexpr std::size_t kMaxGroups = 10;
constexpr std::size_t kMaxIndicators = 20;  // per group
constexpr std::size_t kMaxSteps = 10;
constexpr double kMaxNumber = 1e12;

std::int64_t ToCenti(double v) {
    return std::llround(v * 100.0);
}

/// Reads the fields of one JSON object, adding "path.field" to the errors for each bad one.
class Fields {
public:
    Fields(const json::value* value, std::string path, FieldErrors& errors) : path_(std::move(path)), errors_(errors) {
        if (value && value->is_object()) {
            object_ = &value->get_object();
        } else {
            errors_.Add(path_, "须为对象", "Must be an object");
        }
    }
    bool ok() const { return object_ != nullptr; }
    std::string At(std::string_view field) const { return path_ + "." + std::string(field); }

    std::string Text(std::string_view field, bool required, std::size_t max_chars) {
        const json::value* v = object_ ? object_->if_contains(field) : nullptr;
        if (!v || v->is_null()) {
            if (required) errors_.Add(At(field), "必填", "Required");
            return "";
        }
        if (!v->is_string()) {
            errors_.Add(At(field), "须为文本", "Must be text");
            return "";
        }
        std::string s(v->get_string());
        if (required && s.empty()) errors_.Add(At(field), "必填", "Required");
        if (s.size() > max_chars * 4) errors_.Add(At(field), "过长", "Too long");
        return s;
    }

    std::optional<double> Number(std::string_view field, bool required, double min, double max) {
        const json::value* v = object_ ? object_->if_contains(field) : nullptr;
        if (!v || v->is_null()) {
            if (required) errors_.Add(At(field), "必填", "Required");
            return std::nullopt;
        }
        if (!v->is_number()) {
            errors_.Add(At(field), "须为数字", "Must be a number");
            return std::nullopt;
        }
        double d = v->to_number<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            errors_.Add(At(field), "须在 " + Show(min) + " 至 " + Show(max) + " 之间",
                        "Must be between " + Show(min) + " and " + Show(max));
            return std::nullopt;
        }
        return d;
    }

    const json::array* Array(std::string_view field, bool required, std::size_t max_items) {
        const json::value* v = object_ ? object_->if_contains(field) : nullptr;
        if (!v || v->is_null()) {
            if (required) errors_.Add(At(field), "必填", "Required");
            return nullptr;
        }
        if (!v->is_array()) {
            errors_.Add(At(field), "须为数组", "Must be an array");
            return nullptr;
        }
        if (v->get_array().size() > max_items) {
            errors_.Add(At(field), "至多 " + std::to_string(max_items) + " 项",
                        "At most " + std::to_string(max_items) + " items");
            return nullptr;
        }
        return &v->get_array();
    }

    const json::value* Raw(std::string_view field) const { return object_ ? object_->if_contains(field) : nullptr; }

private:
    static std::string Show(double d) {
        json::value v = d;
        if (d == std::floor(d) && std::fabs(d) < 1e15) v = static_cast<std::int64_t>(d);
        return json::serialize(v);
    }

    const json::object* object_ = nullptr;
    std::string path_;
    FieldErrors& errors_;
};

Rule ReadRule(const json::value* value, const std::string& path, FieldErrors& errors) {
    Rule rule;
    Fields f(value, path, errors);
    if (!f.ok()) return rule;
    rule.kind = f.Text("kind", true, 10);
    if (rule.kind == "linear") {
        rule.target = f.Number("target", true, 1e-9, kMaxNumber).value_or(1);
    } else if (rule.kind == "range") {
        auto zero = f.Number("zero", true, -kMaxNumber, kMaxNumber);
        auto full = f.Number("full", true, -kMaxNumber, kMaxNumber);
        if (zero && full && *full <= *zero) errors.Add(f.At("full"), "须大于 zero", "Must be above zero");
        rule.zero = zero.value_or(0);
        rule.full = full.value_or(1);
    } else if (rule.kind == "steps") {
        const json::array* steps = f.Array("steps", true, kMaxSteps);
        if (steps && steps->empty()) errors.Add(f.At("steps"), "至少一级", "At least one step");
        for (std::size_t i = 0; steps && i < steps->size(); ++i) {
            Fields s(&(*steps)[i], f.At("steps") + "[" + std::to_string(i) + "]", errors);
            Step step{s.Number("min", true, -kMaxNumber, kMaxNumber).value_or(0),
                      s.Number("share", true, 0, 1).value_or(0)};
            if (!rule.steps.empty() && step.min <= rule.steps.back().min) {
                errors.Add(s.At("min"), "各级下限须递增", "Steps must rise");
            }
            rule.steps.push_back(step);
        }
    } else if (!rule.kind.empty()) {
        errors.Add(f.At("kind"), "须为 linear、range 或 steps", "Must be linear, range or steps");
    }
    return rule;
}

void ReadGroups(Fields& root, Scheme& scheme, FieldErrors& errors) {
    const json::array* groups = root.Array("groups", true, kMaxGroups);
    if (groups && groups->empty()) errors.Add(root.At("groups"), "至少一个一级指标", "At least one group");
    std::set<std::string> codes;
    std::int64_t sum = 0;
    bool weights_read = true;
    for (std::size_t g = 0; groups && g < groups->size(); ++g) {
        std::string gpath = root.At("groups") + "[" + std::to_string(g) + "]";
        Fields gf(&(*groups)[g], gpath, errors);
        Group group{gf.Text("code", true, 40), gf.Text("name", true, 60), gf.Text("name_en", false, 100), {}};
        if (!group.code.empty() && !codes.insert(group.code).second) {
            errors.Add(gf.At("code"), "编码重复", "Duplicate code");
        }
        const json::array* items = gf.Array("indicators", true, kMaxIndicators);
        if (items && items->empty()) errors.Add(gf.At("indicators"), "至少一个二级指标", "At least one indicator");
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            std::string ipath = gf.At("indicators") + "[" + std::to_string(i) + "]";
            Fields f(&(*items)[i], ipath, errors);
            Indicator ind{f.Text("code", true, 40), f.Text("name", true, 60), f.Text("name_en", false, 100),
                          f.Text("measure", true, 60)};
            if (!ind.code.empty() && !codes.insert(ind.code).second) {
                errors.Add(f.At("code"), "编码重复", "Duplicate code");
            }
            if (!ind.measure.empty() && !FindMeasure(ind.measure)) {
                errors.Add(f.At("measure"), "未知的度量：" + ind.measure, "Unknown measure: " + ind.measure);
            }
            std::optional<double> weight = f.Number("weight", true, 0.01, 1000);
            weights_read = weights_read && weight.has_value();
            ind.weight_centi = ToCenti(weight.value_or(0));
            sum += ind.weight_centi;
            ind.rule = ReadRule(f.Raw("rule"), f.At("rule"), errors);
            group.indicators.push_back(std::move(ind));
        }
        scheme.groups.push_back(std::move(group));
    }
    if (groups && !groups->empty() && weights_read && sum != scheme.total_centi) {
        errors.Add(root.At("groups"), "各指标权重之和 " + std::to_string(sum / 100.0) + " 不等于总分",
                   "The weights sum to " + std::to_string(sum / 100.0) + ", not the total");
    }
}

void ReadGrades(Fields& root, Scheme& scheme, FieldErrors& errors) {
    const json::array* grades = root.Array("grades", true, 3);
    static const std::vector<std::string> kOrder = {"excellent", "good", "pass"};
    for (std::size_t i = 0; grades && i < grades->size(); ++i) {
        Fields f(&(*grades)[i], root.At("grades") + "[" + std::to_string(i) + "]", errors);
        GradeLine line{f.Text("grade", true, 20), ToCenti(f.Number("min", true, 0, 1000).value_or(0))};
        if (i < kOrder.size() && !line.grade.empty() && line.grade != kOrder[i]) {
            errors.Add(f.At("grade"), "等级须依次为 excellent、good、pass", "Grades in order: excellent, good, pass");
        }
        if (line.min_centi > scheme.total_centi) errors.Add(f.At("min"), "不能超过总分", "Must not exceed the total");
        if (!scheme.grades.empty() && line.min_centi >= scheme.grades.back().min_centi) {
            errors.Add(f.At("min"), "须低于上一等级的下限", "Must be below the grade above");
        }
        scheme.grades.push_back(std::move(line));
    }
    if (grades && grades->empty()) errors.Add(root.At("grades"), "至少一个等级线", "At least one grade line");
}

}  // namespace

const Indicator* Scheme::FindIndicator(std::string_view code) const {
    for (const Group& g : groups) {
        for (const Indicator& i : g.indicators) {
            if (i.code == code) return &i;
        }
    }
    return nullptr;
}

Scheme ParseScheme(const json::value& value, const std::string& prefix) {
    FieldErrors errors;
    Scheme scheme;
    Fields root(&value, prefix, errors);
    if (root.ok()) {
        scheme.name = root.Text("name", true, 100);
        scheme.source = root.Text("source", false, 2000);
        scheme.total_centi = ToCenti(root.Number("total", true, 1, 1000).value_or(100));
        Fields scope(root.Raw("scope"), root.At("scope"), errors);
        scheme.min_original_value_fen =
            static_cast<std::int64_t>(scope.Number("min_original_value_fen", true, 0, kMaxNumber).value_or(0));
        ReadGroups(root, scheme, errors);
        ReadGrades(root, scheme, errors);
        if (const json::array* ties = root.Array("tie_break", false, kMaxGroups)) {
            for (std::size_t i = 0; i < ties->size(); ++i) {
                const json::value& t = (*ties)[i];
                bool known = t.is_string() && std::any_of(scheme.groups.begin(), scheme.groups.end(),
                                                          [&](const Group& g) { return g.code == t.get_string(); });
                if (!known) {
                    errors.Add(root.At("tie_break") + "[" + std::to_string(i) + "]", "须为一级指标的编码",
                               "Must name a group");
                } else {
                    scheme.tie_break.emplace_back(t.get_string());
                }
            }
        }
        if (root.Raw("low_rating")) {
            Fields low(root.Raw("low_rating"), root.At("low_rating"), errors);
            scheme.low_rating_below = low.Number("below", true, 0, 5).value_or(0);
            scheme.low_rating_min_count = static_cast<std::int64_t>(low.Number("min_count", true, 1, 1e6).value_or(1));
        }
        scheme.rectification_working_days =
            static_cast<int>(root.Number("rectification_working_days", false, 1, 250).value_or(30));
    }
    errors.ThrowIfAny();
    return scheme;
}

json::object RuleJson(const Rule& rule) {
    json::object out{{"kind", rule.kind}};
    if (rule.kind == "linear") out["target"] = rule.target;
    if (rule.kind == "range") {
        out["zero"] = rule.zero;
        out["full"] = rule.full;
    }
    if (rule.kind == "steps") {
        json::array steps;
        for (const Step& s : rule.steps) steps.push_back(json::object{{"min", s.min}, {"share", s.share}});
        out["steps"] = std::move(steps);
    }
    return out;
}

json::object SchemeJson(const Scheme& scheme) {
    json::array groups;
    for (const Group& g : scheme.groups) {
        json::array indicators;
        for (const Indicator& i : g.indicators) {
            indicators.push_back(json::object{{"code", i.code},
                                              {"name", i.name},
                                              {"name_en", i.name_en},
                                              {"measure", i.measure},
                                              {"weight", Centi(i.weight_centi)},
                                              {"rule", RuleJson(i.rule)}});
        }
        groups.push_back(json::object{
            {"code", g.code}, {"name", g.name}, {"name_en", g.name_en}, {"indicators", std::move(indicators)}});
    }
    json::array grades;
    for (const GradeLine& l : scheme.grades)
        grades.push_back(json::object{{"grade", l.grade}, {"min", Centi(l.min_centi)}});
    json::array ties;
    for (const std::string& t : scheme.tie_break) ties.push_back(json::value(t));
    json::object out{{"name", scheme.name},
                     {"source", scheme.source},
                     {"total", Centi(scheme.total_centi)},
                     {"scope", json::object{{"min_original_value_fen", scheme.min_original_value_fen}}},
                     {"groups", std::move(groups)},
                     {"grades", std::move(grades)},
                     {"tie_break", std::move(ties)},
                     {"rectification_working_days", scheme.rectification_working_days}};
    if (scheme.low_rating_min_count > 0) {
        out["low_rating"] =
            json::object{{"below", scheme.low_rating_below}, {"min_count", scheme.low_rating_min_count}};
    }
    return out;
}

std::int64_t PointsCenti(const Indicator& indicator, std::optional<double> value) {
    if (!value || !std::isfinite(*value)) return 0;
    const Rule& r = indicator.rule;
    double share = 0;
    if (r.kind == "linear") {
        share = *value / r.target;
    } else if (r.kind == "range") {
        share = (*value - r.zero) / (r.full - r.zero);
    } else if (r.kind == "steps") {
        for (const Step& s : r.steps) {
            if (*value >= s.min) share = s.share;
        }
    }
    share = std::clamp(share, 0.0, 1.0);
    return std::llround(share * static_cast<double>(indicator.weight_centi));
}

std::optional<double> ValueForPoints(const Indicator& indicator, std::int64_t points_centi) {
    if (points_centi <= 0) return 0.0;
    if (points_centi > indicator.weight_centi) return std::nullopt;
    const Rule& r = indicator.rule;
    if (r.kind == "steps") {
        for (const Step& s : r.steps) {
            if (std::llround(s.share * static_cast<double>(indicator.weight_centi)) >= points_centi) return s.min;
        }
        return std::nullopt;
    }
    double share = static_cast<double>(points_centi) / static_cast<double>(indicator.weight_centi);
    double value = r.kind == "linear" ? share * r.target : r.zero + share * (r.full - r.zero);
    // Rounded up to four decimals (as shown), and past any floating-point shortfall of the points.
    value = std::ceil(value * 10000.0) / 10000.0;
    for (int i = 0; i < 8 && PointsCenti(indicator, value) < points_centi; ++i) value += 0.0001;
    return value;
}

const std::vector<std::string>& GradeNames() {
    static const std::vector<std::string> names = {"excellent", "good", "pass", "poor"};
    return names;
}

std::string GradeOf(const Scheme& scheme, std::int64_t score_centi) {
    for (const GradeLine& l : scheme.grades) {
        if (score_centi >= l.min_centi) return l.grade;
    }
    return "poor";
}

std::optional<GradeLine> NextGrade(const Scheme& scheme, std::string_view grade) {
    std::optional<GradeLine> above;
    for (const GradeLine& l : scheme.grades) {
        if (l.grade == grade) return above;
        above = l;
    }
    return above;  // "poor": the lowest line
}

double Centi(std::int64_t centi) {
    return static_cast<double>(centi) / 100.0;
}

}  // namespace keyuan::assessment
