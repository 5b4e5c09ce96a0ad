#include "search/index.hpp"

#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "core/utf8.hpp"
#include "search/facet_columns.hpp"
#include "search/synonyms.hpp"
#include "search/text_fold.hpp"
#include "search/xapian_detail.hpp"

namespace keyuan::search {
namespace {

using namespace detail;  // NOLINT: the slot names, in this file only

constexpr int kTitleWeight = 4;  // a word in the title counts as much as four in the body
constexpr unsigned kCjk = Xapian::TermGenerator::FLAG_CJK_NGRAM;

std::string UniqueTerm(const std::string& type, std::int64_t id) {
    return "Q" + type + ":" + std::to_string(id);
}

std::string AccreditationValue(const std::vector<std::string>& a) {
    if (a.empty()) return "none";
    std::string out;
    for (const std::string& s : a) out += (out.empty() ? "" : "+") + s;
    return out;
}

/// ASCII words of three or more characters, for spelling suggestions of English terms and
/// model numbers.
std::vector<std::string> AsciiWords(const std::string& folded) {
    std::vector<std::string> words;
    std::string word;
    for (char c : folded + " ") {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(c);
        } else {
            if (word.size() >= 3 && word.size() <= 30) words.push_back(word);
            word.clear();
        }
    }
    return words;
}

}  // namespace

struct SearchIndex::Impl {
    std::mutex writer_mutex;
    std::unique_ptr<Xapian::WritableDatabase> writer;

    Xapian::WritableDatabase& Writer(const std::string& path) {
        if (!writer) writer = std::make_unique<Xapian::WritableDatabase>(path, Xapian::DB_CREATE_OR_OPEN);
        return *writer;
    }
};

SearchIndex::SearchIndex(std::string path, std::size_t cache_entries)
    : path_(std::move(path)),
      impl_(std::make_unique<Impl>()),
      columns_(std::make_unique<FacetColumns>()),
      cache_(cache_entries) {
    std::error_code ec;
    std::filesystem::create_directories(path_, ec);
    try {
        columns_->Load(impl_->Writer(path_));
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open search index " + path_ + ": " + e.get_msg());
    }
}

SearchIndex::~SearchIndex() = default;

void SearchIndex::Compact(const std::string& from, const std::string& to) {
    try {
        Xapian::Database(from).compact(to);
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot compact search index " + from + ": " + e.get_msg());
    }
}

void SearchIndex::Put(const SearchDocument& d) {
    Xapian::Document doc;
    Xapian::TermGenerator generator;
    generator.set_flags(kCjk);
    generator.set_document(doc);
    std::string title = FoldText(d.title);
    std::string body = FoldText(d.body);
    // No positions: nothing reads them (a quoted phrase is matched as all of its words, see
    // query.cpp), and they were a third of the index and of the time to build it.
    generator.index_text_without_positions(title, kTitleWeight);
    generator.index_text_without_positions(AbbreviationsFor(title), kTitleWeight);
    generator.index_text_without_positions(title, 1, "S");  // title-only terms, for suggestions
    generator.index_text_without_positions(body);
    generator.index_text_without_positions(AbbreviationsFor(body));
    doc.add_boolean_term(UniqueTerm(d.type, d.id));
    doc.add_boolean_term("XT" + d.type);
    if (!d.district_code.empty()) doc.add_boolean_term("XD" + d.district_code);
    if (!d.class_code.empty()) doc.add_boolean_term("XC" + d.class_code);
    if (!d.open_status.empty()) doc.add_boolean_term("XS" + d.open_status);
    doc.add_boolean_term("XO" + std::to_string(d.org_id));
    for (const std::string& code : d.industry_codes) {
        // Prefixes let a filter name a division (27), a group (271) or a class (2710).
        for (std::size_t n = 2; n <= code.size(); ++n) doc.add_boolean_term("XI" + code.substr(0, n));
    }
    for (std::int64_t h : d.hitech_industries) doc.add_boolean_term("XH" + std::to_string(h));
    for (const std::string& a : d.accreditations) doc.add_boolean_term("XA" + a);
    std::string statuses;
    for (const std::string& status : d.statuses) {
        doc.add_boolean_term("XZ" + status);
        statuses += (statuses.empty() ? "" : ",") + status;
    }
    FacetColumns::Values facets{d.type,
                                d.district_code,
                                d.class_code,
                                d.open_status,
                                d.industry_codes.empty() ? "" : d.industry_codes.front().substr(0, 2),
                                AccreditationValue(d.accreditations),
                                std::to_string(d.org_id),
                                statuses};
    for (std::size_t facet = 0; facet < FacetColumns::kCount; ++facet) {
        if (!facets[facet].empty()) doc.add_value(FacetColumns::kFacets[facet].second, facets[facet]);
    }
    if (d.price_fen) doc.add_value(kPrice, Xapian::sortable_serialise(static_cast<double>(*d.price_fen)));
    doc.add_value(kUpdated, d.updated_at);
    if (!d.open_until.empty()) {
        doc.add_boolean_term(kHasEndTerm);
        doc.add_value(kOpenUntil, d.open_until);
    }
    doc.add_value(kBody, std::string(utf8::Prefix(d.body, 2000)));
    doc.add_value(kTitle, d.label.empty() ? d.title : d.label);
    doc.add_value(kId, std::to_string(d.id));
    doc.set_data(d.display_json);
    std::lock_guard lock(impl_->writer_mutex);
    Xapian::WritableDatabase& writer = impl_->Writer(path_);
    for (const std::string& word : AsciiWords(title)) writer.add_spelling(word);
    columns_->Set(writer.replace_document(UniqueTerm(d.type, d.id), doc), facets);
}

void SearchIndex::Remove(const std::string& type, std::int64_t id) {
    std::lock_guard lock(impl_->writer_mutex);
    impl_->Writer(path_).delete_document(UniqueTerm(type, id));
}

void SearchIndex::Commit(const std::string& watermark) {
    std::lock_guard lock(impl_->writer_mutex);
    Xapian::WritableDatabase& writer = impl_->Writer(path_);
    writer.set_metadata("watermark", watermark);
    writer.commit();
}

std::string SearchIndex::Watermark() {
    std::lock_guard lock(impl_->writer_mutex);
    return impl_->Writer(path_).get_metadata("watermark");
}

std::int64_t SearchIndex::DocumentCount() {
    return ThreadReader(path_).get_doccount();
}

}  // namespace keyuan::search
