#pragma once
// The words the demo catalog is composed from: places, name parts, people's names, lab fields
// with their industry codes, instrument kinds with real models and makers, service and
// finance product templates. They live in data/demo/*.tsv (data/demo/README.md), embedded
// in the binary and parsed once, on first use; every accessor is thread-safe.

#include <string_view>
#include <vector>

namespace keyuan::demo {

/// Technology domains that tie an organisation's name to its labs, instruments and services.
enum class Domain {
    kMaterials,
    kChemistry,
    kBiomedicine,
    kHealth,
    kElectronics,
    kManufacturing,
    kEnvironment,
    kEnergy,
    kAgriculture,
    kTesting,
    kEarth,
};
inline constexpr int kDomainCount = 11;

/// The domain's name as a service's `field` shows it, e.g. "新材料".
std::string_view DomainName(Domain domain);

struct District {
    std::string_view code;
    std::string_view name;  // 海淀区
    double weight;          // share of organisations
    std::vector<std::string_view> roads;
};
const std::vector<District>& Districts();

/// A word in an organisation's name and the domains it suggests (理工 → manufacturing, …).
struct NamePart {
    std::string_view word;
    std::vector<Domain> domains;
    bool cas = false;  // an institute of the Chinese Academy of Sciences has this name
};
/// The name parts of one kind of organisation: "university", "institute", "enterprise" or
/// "state_owned" (data/demo/name_parts.tsv).
const std::vector<NamePart>& NameParts(std::string_view org_kind);

/// One of data/demo/words.tsv's lists: "surname", "given_name", "brand_first" (a trade name's
/// first character), "building", "return_reason", "sample_requirement", "company_suffix" …
/// A word repeated in a list is drawn that much more often.
const std::vector<std::string_view>& Words(std::string_view list);

/// A lab's research field: its GB/T 4754-2017 level-4 industry codes with a business-scope
/// phrase, the instrument kinds such a lab owns and its R&D services.
struct LabField {
    std::string_view name;  // 纳米材料
    Domain domain;
    std::vector<std::string_view> codes;
    std::string_view scope;
    std::vector<std::string_view> instruments;  // InstrumentKind names
    std::vector<std::string_view> rnd_services;
};
const std::vector<LabField>& LabFields();

struct InstrumentModel {
    std::string_view model;
    std::string_view maker;
    std::string_view country;
};

struct InstrumentKind {
    std::string_view name;
    std::string_view name_en;
    std::string_view class_code;  // instrument_classes, level 2
    std::vector<InstrumentModel> models;
    int min_wan;  // original value range, 10,000 yuan
    int max_wan;
    std::string_view indicators;
    std::string_view functions;
    std::vector<std::string_view> services;  // test services it performs
    int sample_price_min;                    // yuan per sample
    int sample_price_max;
    int hour_price;  // yuan per machine hour
};
const std::vector<InstrumentKind>& InstrumentKinds();

/// A finance product kind (specs.cpp's finance kinds) and the institutions that offer it.
enum class FinanceType { kBank, kInsurer, kReinsurer, kFund, kGuarantor };
inline constexpr int kFinanceTypeCount = 5;

struct FinanceTemplate {
    FinanceType offered_by;
    std::string_view kind;
    std::string_view name;
    std::string_view features;
    std::string_view eligibility;
    int min_wan;
    int max_wan;
};
const std::vector<FinanceTemplate>& FinanceTemplates();

/// Parses the data files unless done already. Throws std::runtime_error naming the file and
/// line of a malformed record (a build defect: the files are embedded), or std::logic_error
/// when the files disagree (a lab field names an unknown instrument kind, …).
void LoadVocabulary();

}  // namespace keyuan::demo
