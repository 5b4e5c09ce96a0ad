// Reads the demo vocabularies from data/demo/*.tsv, embedded in the binary by the build
// (tools/demo/CMakeLists.txt), into the types of vocabulary.hpp. Views point into the
// embedded files, which live as long as the program.
#include "tools/demo/vocabulary.hpp"

#include <array>
#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>

#include "tools/demo/tsv.hpp"

namespace keyuan::embedded {
std::span<const std::pair<std::string_view, std::string_view>> DemoData();
}  // namespace keyuan::embedded

namespace keyuan::demo {
namespace {

// The enumerations in data order: the files name a domain as DomainName() shows it and a
// finance product's institution type by these words.
constexpr std::array<std::string_view, kDomainCount> kDomainNames = {"新材料",   "化学化工", "生物医药",  "医疗健康",
                                                                     "电子信息", "智能制造", "节能环保",  "新能源",
                                                                     "现代农业", "检验检测", "地球与空间"};
constexpr std::array<std::string_view, kFinanceTypeCount> kFinanceTypes = {"bank", "insurer", "reinsurer", "fund",
                                                                           "guarantor"};
constexpr std::array<std::string_view, 4> kNamePartKinds = {"university", "institute", "enterprise", "state_owned"};
constexpr std::array<std::string_view, 23> kWordLists = {
    "university_prefix", "university_suffix", "institute_suffix", "district_hospital", "hospital_specialty",
    "company_suffix", "brand_first", "brand_second", "surname", "given_name", "building", "return_reason",
    "sample_requirement",
    // The achievement library (achievements.cpp, talents.cpp).
    "result_prefix", "result_basic", "result_applied", "result_development", "programme_fiscal", "title_university",
    "title_institute", "title_hospital", "title_firm", "team_suffix"};

struct Vocabulary {
    std::vector<District> districts;
    std::map<std::string_view, std::vector<NamePart>> name_parts;
    std::map<std::string_view, std::vector<std::string_view>> words;
    std::vector<LabField> lab_fields;
    std::vector<InstrumentKind> instrument_kinds;
    std::vector<FinanceTemplate> finance_templates;
};

std::string_view FileText(std::string_view name) {
    for (const auto& [file, text] : embedded::DemoData()) {
        if (file == name) return text;
    }
    throw std::logic_error("the build embeds no demo data file " + std::string(name));
}

/// The index of `value` in `names`, or a failure naming the row and column.
template <std::size_t N>
std::size_t IndexIn(const std::array<std::string_view, N>& names, const TsvRow& row, std::string_view column,
                    std::string_view value) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == value) return i;
    }
    row.Fail(column, "unknown value " + std::string(value));
}

Domain ParseDomain(const TsvRow& row, std::string_view column, std::string_view name) {
    return static_cast<Domain>(IndexIn(kDomainNames, row, column, name));
}

std::vector<Domain> ParseDomains(const TsvRow& row, std::string_view column) {
    std::vector<Domain> out;
    for (std::string_view name : row.List(column)) out.push_back(ParseDomain(row, column, name));
    return out;
}

void ReadPlacesAndNames(Vocabulary& v) {
    ForEachTsvRow("districts.tsv", FileText("districts.tsv"), {"code", "name", "weight", "roads"},
                  [&](const TsvRow& r) {
                      v.districts.push_back({r.Text("code"), r.Text("name"), r.Number("weight"), r.List("roads")});
                  });
    ForEachTsvRow("name_parts.tsv", FileText("name_parts.tsv"), {"kind", "word", "domains", "cas"},
                  [&](const TsvRow& r) {
                      std::string_view kind = kNamePartKinds[IndexIn(kNamePartKinds, r, "kind", r.Text("kind"))];
                      std::string_view cas = r.Text("cas");
                      if (cas != "yes" && cas != "no") r.Fail("cas", "neither yes nor no");
                      v.name_parts[kind].push_back({r.Text("word"), ParseDomains(r, "domains"), cas == "yes"});
                  });
    ForEachTsvRow("words.tsv", FileText("words.tsv"), {"list", "word"}, [&](const TsvRow& r) {
        std::string_view list = kWordLists[IndexIn(kWordLists, r, "list", r.Text("list"))];
        v.words[list].push_back(r.Text("word"));
    });
}

void ReadInstruments(Vocabulary& v) {
    std::map<std::string_view, std::size_t> index;
    ForEachTsvRow("instrument_kinds.tsv", FileText("instrument_kinds.tsv"),
                  {"name", "name_en", "class_code", "min_wan", "max_wan", "indicators", "functions", "services",
                   "sample_price_min", "sample_price_max", "hour_price"},
                  [&](const TsvRow& r) {
                      if (!index.emplace(r.Text("name"), v.instrument_kinds.size()).second) r.Fail("name", "repeated");
                      v.instrument_kinds.push_back({r.Text("name"),
                                                    r.Text("name_en"),
                                                    r.Text("class_code"),
                                                    {},
                                                    r.Int("min_wan"),
                                                    r.Int("max_wan"),
                                                    r.Text("indicators"),
                                                    r.Text("functions"),
                                                    r.List("services"),
                                                    r.Int("sample_price_min"),
                                                    r.Int("sample_price_max"),
                                                    r.Int("hour_price")});
                  });
    ForEachTsvRow(
        "instrument_models.tsv", FileText("instrument_models.tsv"), {"kind", "model", "maker", "country"},
        [&](const TsvRow& r) {
            auto kind = index.find(r.Text("kind"));
            if (kind == index.end()) r.Fail("kind", "not in instrument_kinds.tsv");
            v.instrument_kinds[kind->second].models.push_back({r.Text("model"), r.Text("maker"), r.Text("country")});
        });
    for (const InstrumentKind& kind : v.instrument_kinds) {
        if (kind.models.empty()) {
            throw std::logic_error("instrument_models.tsv has no model of " + std::string(kind.name));
        }
    }
}

void ReadFieldsAndFinance(Vocabulary& v) {
    ForEachTsvRow(
        "lab_fields.tsv", FileText("lab_fields.tsv"),
        {"name", "domain", "codes", "scope", "instruments", "rnd_services"}, [&](const TsvRow& r) {
            v.lab_fields.push_back({r.Text("name"), ParseDomain(r, "domain", r.Text("domain")), r.List("codes"),
                                    r.Text("scope"), r.List("instruments"), r.List("rnd_services")});
        });
    ForEachTsvRow(
        "finance_templates.tsv", FileText("finance_templates.tsv"),
        {"offered_by", "kind", "name", "features", "eligibility", "min_wan", "max_wan"}, [&](const TsvRow& r) {
            auto type = static_cast<FinanceType>(IndexIn(kFinanceTypes, r, "offered_by", r.Text("offered_by")));
            v.finance_templates.push_back({type, r.Text("kind"), r.Text("name"), r.Text("features"),
                                           r.Text("eligibility"), r.Int("min_wan"), r.Int("max_wan")});
        });
}

/// Every list the generator draws from has something to draw, and every instrument kind a lab
/// field names exists.
void CheckConsistent(const Vocabulary& v) {
    for (std::string_view kind : kNamePartKinds) {
        if (!v.name_parts.contains(kind)) throw std::logic_error("name_parts.tsv has no " + std::string(kind));
    }
    for (std::string_view list : kWordLists) {
        if (!v.words.contains(list)) throw std::logic_error("words.tsv has no " + std::string(list));
    }
    if (v.districts.empty() || v.lab_fields.empty() || v.instrument_kinds.empty() || v.finance_templates.empty()) {
        throw std::logic_error("a demo data file has no records");
    }
    std::set<std::string_view> kinds;
    for (const InstrumentKind& kind : v.instrument_kinds) kinds.insert(kind.name);
    for (const LabField& field : v.lab_fields) {
        for (std::string_view kind : field.instruments) {
            if (!kinds.contains(kind)) {
                throw std::logic_error("lab_fields.tsv: " + std::string(field.name) +
                                       " names an instrument kind that "
                                       "instrument_kinds.tsv lacks: " +
                                       std::string(kind));
            }
        }
    }
}

const Vocabulary& Parsed() {
    static const Vocabulary kVocabulary = [] {
        Vocabulary v;
        ReadPlacesAndNames(v);
        ReadInstruments(v);
        ReadFieldsAndFinance(v);
        CheckConsistent(v);
        return v;
    }();
    return kVocabulary;
}

}  // namespace

std::string_view DomainName(Domain domain) {
    return kDomainNames[static_cast<std::size_t>(domain)];
}

const std::vector<District>& Districts() {
    return Parsed().districts;
}

const std::vector<NamePart>& NameParts(std::string_view org_kind) {
    auto it = Parsed().name_parts.find(org_kind);
    if (it == Parsed().name_parts.end()) throw std::logic_error("no name parts for " + std::string(org_kind));
    return it->second;
}

const std::vector<std::string_view>& Words(std::string_view list) {
    auto it = Parsed().words.find(list);
    if (it == Parsed().words.end()) throw std::logic_error("no word list " + std::string(list));
    return it->second;
}

const std::vector<LabField>& LabFields() {
    return Parsed().lab_fields;
}

const std::vector<InstrumentKind>& InstrumentKinds() {
    return Parsed().instrument_kinds;
}

const std::vector<FinanceTemplate>& FinanceTemplates() {
    return Parsed().finance_templates;
}

void LoadVocabulary() {
    Parsed();
}

}  // namespace keyuan::demo
