// Answering a search: parse, filter, rank or sort, facets, snippets, "did you mean".
#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <unordered_map>

#include "search/cjk_query.hpp"
#include "search/facet_columns.hpp"
#include "search/index.hpp"
#include "search/snippet.hpp"
#include "search/text_fold.hpp"
#include "search/xapian_detail.hpp"

namespace keyuan::search {
namespace {

using namespace detail;  // NOLINT: the slot names, in this file only

// Matches are counted exactly up to kExactTotalUpTo, and the facets over the same documents;
// beyond it the answer says "more than kExactTotalUpTo" and the facets are a sample (the first
// matches in document order, labelled as estimates). Facet values come from FacetColumns in
// memory, so counting ten thousand matches costs less than reading 300 from the index did.
constexpr Xapian::doccount kExactTotalUpTo = 10000;
constexpr std::size_t kFacetValues = 30;

/// Collects the ids of the first `cap` documents the match looks at (the match looks at every
/// one up to its check_at_least, and often at many more when it cannot rule them out).
class MatchedIds : public Xapian::MatchSpy {
public:
    explicit MatchedIds(std::size_t cap) : cap_(cap) { ids.reserve(std::min<std::size_t>(cap, 1024)); }
    void operator()(const Xapian::Document& doc, double /*weight*/) override {
        if (ids.size() < cap_) ids.push_back(doc.get_docid());
    }
    std::vector<Xapian::docid> ids;

private:
    std::size_t cap_;
};

/// Parses `folded` with `flags`. Text whose operators do not parse (unbalanced quotes, a lone
/// NOT …) is taken as words: first without the operator flags, then, since some text still
/// fails ("质谱 and (sem or 质谱 and (t nmr", found by fuzzing), with every ASCII sign as a
/// space. Never throws a QueryParserError.
Xapian::Query ParseLeniently(Xapian::QueryParser& parser, const std::string& folded, unsigned flags) {
    for (unsigned attempt_flags : {flags, static_cast<unsigned>(Xapian::QueryParser::FLAG_CJK_NGRAM)}) {
        try {
            return parser.parse_query(folded, attempt_flags);
        } catch (const Xapian::QueryParserError&) {
        }
    }
    std::string words = folded;
    for (char& c : words) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !std::isalnum(u)) c = ' ';
    }
    try {
        return parser.parse_query(words, Xapian::QueryParser::FLAG_CJK_NGRAM);
    } catch (const Xapian::QueryParserError&) {
        return Xapian::Query::MatchNothing;
    }
}

Xapian::Query ParseText(const std::string& folded, Xapian::Database& db, unsigned extra_flags = 0) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_AND);
    // The index holds no positions: a quoted phrase parses, and matches documents holding all of
    // its words (FLAG_NO_POSITIONS says so rather than relying on Xapian 1.4's silent fallback).
    return ParseLeniently(parser, folded,
                          Xapian::QueryParser::FLAG_CJK_NGRAM | Xapian::QueryParser::FLAG_PHRASE |
                              Xapian::QueryParser::FLAG_NO_POSITIONS | extra_flags);
}

Xapian::Query AnyOf(const std::string& prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> parts;
    for (const std::string& v : values) parts.emplace_back(prefix + v);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query Filters(const SearchQuery& q) {
    std::vector<Xapian::Query> all;
    if (!q.types.empty()) all.push_back(AnyOf("XT", q.types));
    if (!q.industry.empty()) {
        all.emplace_back(q.industry.starts_with("hitech:") ? "XH" + q.industry.substr(7) : "XI" + q.industry);
    }
    if (!q.district_code.empty()) all.emplace_back("XD" + q.district_code);
    if (!q.class_code.empty()) all.emplace_back("XC" + q.class_code);
    if (!q.open_status.empty()) all.emplace_back("XS" + q.open_status);
    if (!q.status.empty()) all.emplace_back("XZ" + q.status);
    if (q.org_id) all.emplace_back("XO" + std::to_string(*q.org_id));
    if (q.accreditation == "any") {
        all.push_back(AnyOf("XA", {"cnas", "cma"}));
    } else if (!q.accreditation.empty()) {
        all.emplace_back("XA" + q.accreditation);
    }
    if (q.price_min_fen || q.price_max_fen) {
        double lo = q.price_min_fen ? static_cast<double>(*q.price_min_fen) : 0.0;
        double hi = q.price_max_fen ? static_cast<double>(*q.price_max_fen) : 1e18;
        all.emplace_back(Xapian::Query::OP_VALUE_RANGE, kPrice, Xapian::sortable_serialise(lo),
                         Xapian::sortable_serialise(hi));
    }
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

void ApplySort(Xapian::Enquire& enquire, const std::string& sort) {
    if (sort == "newest") {
        enquire.set_sort_by_value_then_relevance(kUpdated, true);
    } else if (sort == "price") {
        enquire.set_sort_by_value_then_relevance(kPrice, false);
    } else if (sort == "-price") {
        enquire.set_sort_by_value_then_relevance(kPrice, true);
    }
}

/// The hit at `it`. Its snippet is cut around the first of the typed words (search/snippet.cpp):
/// Xapian's MSet::snippet tokenised and scored up to 2,000 bytes of text per hit.
SearchHit Hit(const Xapian::MSetIterator& it, const std::vector<std::string>& words) {
    Xapian::Document doc = it.get_document();
    SearchHit hit;
    hit.type = doc.get_value(kType);
    hit.id = std::stoll(doc.get_value(kId));
    hit.title = doc.get_value(kTitle);
    hit.score = it.get_weight();
    std::string source = doc.get_value(kBody);
    hit.snippet = Snippet(source.empty() ? hit.title : source, words);
    hit.display_json = doc.get_data();
    return hit;
}

/// First a spelling correction of English words and model numbers, then the title of the
/// closest match when any one of the words is found.
std::optional<std::string> DidYouMean(Xapian::Database& db, const std::string& folded) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    try {
        parser.parse_query(folded, Xapian::QueryParser::FLAG_SPELLING_CORRECTION | Xapian::QueryParser::FLAG_CJK_NGRAM);
        std::string corrected = parser.get_corrected_query_string();
        if (!corrected.empty() && corrected != folded) return corrected;
    } catch (const Xapian::QueryParserError&) {
    }
    Xapian::Enquire loose(db);
    Xapian::QueryParser any;
    any.set_database(db);
    any.set_default_op(Xapian::Query::OP_OR);
    loose.set_query(ParseLeniently(any, folded, Xapian::QueryParser::FLAG_CJK_NGRAM));
    Xapian::MSet best = loose.get_mset(0, 1);
    if (best.empty()) return std::nullopt;
    return best.begin().get_document().get_value(kTitle);
}

SearchResult Answer(Xapian::Database& db, const FacetColumns& columns, const SearchQuery& q,
                    const std::string& folded) {
    bool has_text = folded.find_first_not_of(" \t\r\n") != std::string::npos;
    Xapian::Query text = has_text ? DropImpliedUnigrams(ParseText(folded, db)) : Xapian::Query::MatchAll;
    Xapian::Query filters = Filters(q);
    Xapian::Query query = filters.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filters);
    if (!q.open_on.empty()) query = OpenOn(query, q.open_on);
    // Counting and ranking apart: the count looks at up to 10,001 matches without weighing any
    // (BoolWeight reads no document lengths), the ranking weighs only what it must for one page.
    Xapian::Enquire counter(db);
    counter.set_query(query);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.set_docid_order(Xapian::Enquire::ASCENDING);
    MatchedIds matched(kExactTotalUpTo + 1);
    counter.add_matchspy(&matched);
    // One more than the cap is checked, to tell "exactly 10,000" from "more".
    Xapian::MSet counted = counter.get_mset(0, 0, kExactTotalUpTo + 1);
    SearchResult result;
    bool exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound() &&
                 counted.get_matches_upper_bound() <= kExactTotalUpTo;
    result.total = exact ? counted.get_matches_upper_bound() : kExactTotalUpTo;
    result.total_exact = exact;
    result.facets = columns.Count(matched.ids, kFacetValues);
    result.facets_exact = exact && matched.ids.size() == counted.get_matches_upper_bound();
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    ApplySort(enquire, q.sort);
    Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(q.offset), static_cast<Xapian::doccount>(q.limit));
    std::vector<std::string> words = WordsToMark(folded);
    for (auto it = mset.begin(); it != mset.end(); ++it) result.items.push_back(Hit(it, words));
    if (result.total == 0 && has_text) result.did_you_mean = DidYouMean(db, folded);
    return result;
}

/// Every field of SearchQuery that shapes the answer, the text folded (質譜 and 质谱 share an
/// entry); each field length-prefixed, so that no text can pass for another field.
std::string CacheKey(const SearchQuery& q, const std::string& folded) {
    std::string key;
    auto add = [&key](const std::string& field) { key += std::to_string(field.size()) + ":" + field; };
    auto add_number = [&add](const std::optional<std::int64_t>& n) { add(n ? std::to_string(*n) : ""); };
    add(folded);
    add(std::to_string(q.types.size()));
    for (const std::string& type : q.types) add(type);
    for (const std::string* field : {&q.industry, &q.district_code, &q.class_code, &q.open_status, &q.accreditation,
                                     &q.status, &q.sort, &q.open_on}) {
        add(*field);
    }
    add_number(q.org_id);
    add_number(q.price_min_fen);
    add_number(q.price_max_fen);
    add_number(q.offset);
    add_number(q.limit);
    return key;
}

}  // namespace

std::shared_ptr<const SearchResult> SearchIndex::Search(const SearchQuery& q) {
    Xapian::Database& db = ThreadReader(path_);
    std::string folded = FoldText(q.text);
    std::string key = CacheKey(q, folded);
    Xapian::rev revision = db.get_revision();
    if (auto cached = cache_.Get(key, revision)) return cached;
    auto result = std::make_shared<const SearchResult>(Answer(db, *columns_, q, folded));
    cache_.Put(key, revision, result);
    return result;
}

std::vector<std::string> SearchIndex::Suggest(const std::string& prefix, int limit) {
    Xapian::Database& db = ThreadReader(path_);
    std::string folded = FoldText(prefix);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_AND);
    Xapian::Query query;
    try {
        query =
            parser.parse_query(folded, Xapian::QueryParser::FLAG_PARTIAL | Xapian::QueryParser::FLAG_CJK_NGRAM, "S");
    } catch (const Xapian::QueryParserError&) {
        return {};
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_collapse_key(kTitle);  // one suggestion per distinct title
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(it.get_document().get_value(kTitle));
    return out;
}

}  // namespace keyuan::search
