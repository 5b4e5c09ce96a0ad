// Answering a search: parse, filter, rank or sort, facets, snippets, "did you mean".
#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <unordered_map>

#include "search/cjk_query.hpp"
#include "search/index.hpp"
#include "search/text_fold.hpp"
#include "search/xapian_detail.hpp"

namespace keyuan::search {
namespace {

using namespace detail;  // NOLINT: the slot names, in this file only

// Facets count the best kFacetSample matches in the requested order (and the whole page when
// it reaches further): exact whenever all matches fit, a relevance-weighted sample otherwise.
// Counting every match instead (ValueCountMatchSpy over 2,000) was 60% of a query's cost.
constexpr Xapian::doccount kFacetSample = 300;
constexpr Xapian::doccount kExactTotalUpTo = 2000;  // counting matches without facets is cheap
constexpr std::size_t kFacetValues = 30;

constexpr std::pair<const char*, Slot> kFacets[] = {
    {"type", kType},         {"district_code", kDistrict},      {"class_code", kClass}, {"open_status", kOpenStatus},
    {"industry", kIndustry}, {"accreditation", kAccreditation}, {"org_id", kOrg},       {"status", kStatuses}};
// Slots holding several values joined by commas: each value counts on its own.
constexpr Slot kListSlots[] = {kStatuses};

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
    return ParseLeniently(parser, folded,
                          Xapian::QueryParser::FLAG_CJK_NGRAM | Xapian::QueryParser::FLAG_PHRASE | extra_flags);
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
    if (!q.open_on.empty()) all.push_back(OpenOn(q.open_on));
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

using FacetCounts = std::vector<std::pair<std::string, std::int64_t>>;

/// The most frequent values first (ties by value), at most kFacetValues.
FacetCounts TopValues(const std::unordered_map<std::string, std::int64_t>& counts) {
    FacetCounts out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (out.size() > kFacetValues) out.resize(kFacetValues);
    return out;
}

/// Facet counts over the items of `mset`. Reads each slot as a stream in document order, which
/// is several times cheaper than fetching each document's values in rank order.
std::map<std::string, FacetCounts> CountFacets(const Xapian::Database& db, const Xapian::MSet& mset) {
    std::vector<Xapian::docid> ids(mset.begin(), mset.end());
    std::sort(ids.begin(), ids.end());
    std::map<std::string, FacetCounts> out;
    for (const auto& [name, slot] : kFacets) {
        bool list = std::find(std::begin(kListSlots), std::end(kListSlots), slot) != std::end(kListSlots);
        std::unordered_map<std::string, std::int64_t> counts;
        Xapian::ValueIterator value = db.valuestream_begin(slot);
        for (Xapian::docid id : ids) {
            if (value == db.valuestream_end(slot)) break;
            value.skip_to(id);
            if (value == db.valuestream_end(slot) || value.get_docid() != id) continue;
            if (!list) {
                ++counts[*value];
                continue;
            }
            std::string joined = *value;
            for (std::size_t start = 0; start < joined.size();) {
                std::size_t comma = std::min(joined.find(',', start), joined.size());
                ++counts[joined.substr(start, comma - start)];
                start = comma + 1;
            }
        }
        // A facet no matched document has (statuses among instruments) is left out.
        if (!counts.empty() || !list) out[name] = TopValues(counts);
    }
    return out;
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

/// Marks the query's words in a snippet that Xapian left unmarked. Its highlighter marks CJK
/// text by the query's unigrams, which DropImpliedUnigrams removes for speed; the words the
/// person typed are marked here instead (those free of characters that HTML escapes).
std::string MarkQueryWords(const std::string& snippet, const std::string& folded) {
    if (snippet.find("<mark>") != std::string::npos) return snippet;
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(start, end - start);
        if (word.size() >= 2 && word.find_first_of("&<>\"'") == std::string::npos) words.push_back(word);
        start = end + 1;
    }
    if (words.empty()) return snippet;
    std::sort(words.begin(), words.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string out;
    for (std::size_t i = 0; i < snippet.size();) {
        auto word = std::find_if(words.begin(), words.end(),
                                 [&](const std::string& w) { return snippet.compare(i, w.size(), w) == 0; });
        if (word != words.end()) {
            out += "<mark>" + *word + "</mark>";
            i += word->size();
        } else {
            out.push_back(snippet[i++]);
        }
    }
    return out;
}

SearchHit Hit(const Xapian::MSet& mset, const Xapian::MSetIterator& it) {
    Xapian::Document doc = it.get_document();
    SearchHit hit;
    hit.type = doc.get_value(kType);
    hit.id = std::stoll(doc.get_value(kId));
    hit.title = doc.get_value(kTitle);
    hit.score = it.get_weight();
    std::string source = doc.get_value(kBody);
    hit.snippet = mset.snippet(
        source.empty() ? hit.title : source, 160, Xapian::Stem(),
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM,
        "<mark>", "</mark>", "…");
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

SearchResult Answer(Xapian::Database& db, const SearchQuery& q, const std::string& folded) {
    bool has_text = folded.find_first_not_of(" \t\r\n") != std::string::npos;
    Xapian::Query text = has_text ? DropImpliedUnigrams(ParseText(folded, db)) : Xapian::Query::MatchAll;
    Xapian::Query filters = Filters(q);
    Xapian::Query query = filters.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filters);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    ApplySort(enquire, q.sort);
    auto page_end = static_cast<Xapian::doccount>(q.offset + q.limit);
    Xapian::doccount depth = std::max(kFacetSample, page_end);
    Xapian::MSet mset = enquire.get_mset(0, depth, kExactTotalUpTo);
    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.facets = CountFacets(db, mset);
    result.facets_exact = result.total_exact && mset.size() == mset.get_matches_upper_bound();
    for (auto rank = static_cast<Xapian::doccount>(q.offset); rank < std::min(page_end, mset.size()); ++rank) {
        result.items.push_back(Hit(mset, mset[rank]));
        result.items.back().snippet = MarkQueryWords(result.items.back().snippet, folded);
    }
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
    auto result = std::make_shared<const SearchResult>(Answer(db, q, folded));
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
