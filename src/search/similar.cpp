// "More like this" for matching: candidates that share the most telling words of a long text,
// then candidates of the same industry whose words differ (a demand written in other words than
// the answer's). Scoring and reasons are the matching module's; this file only finds and describes.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "search/index.hpp"
#include "search/synonyms.hpp"
#include "search/text_fold.hpp"
#include "search/xapian_detail.hpp"

namespace keyuan::search {
namespace {

using namespace detail;  // NOLINT: the slot names, in this file only

/// One code point of three UTF-8 bytes (a CJK character): alone it says little, its bigrams say it.
bool IsSingleCjk(const std::string& term) {
    return term.size() == 3 && static_cast<unsigned char>(term[0]) >= 0xE0;
}

/// The text's terms as the index makes them (CJK bigrams, words, abbreviations), weighted by how
/// often each occurs, without prefixed terms, single CJK characters and one-letter words. (Leaving
/// out the terms most documents hold, or weighing the demand's title higher, lost precision on the
/// judged set: BM25's own weights do better.)
std::vector<Xapian::Query> TextTerms(const std::string& folded) {
    Xapian::TermGenerator generator;
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    Xapian::Document scratch;
    generator.set_document(scratch);
    generator.index_text(folded);
    generator.index_text(AbbreviationsFor(folded));
    std::vector<Xapian::Query> terms;
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
        const std::string term = *t;
        if (term.size() < 2 || IsSingleCjk(term) || std::isupper(static_cast<unsigned char>(term[0]))) continue;
        terms.emplace_back(term, t.get_wdf());
    }
    return terms;
}

Xapian::Query AnyTerm(const std::string& prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> parts;
    for (const std::string& v : values) parts.emplace_back(prefix + v);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

/// Restricts `query` to the wanted types and leaves out the excluded document.
Xapian::Query Restrict(Xapian::Query query, const SimilarQuery& q) {
    if (!q.types.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, AnyTerm("XT", q.types));
    if (!q.open_on.empty()) query = OpenOn(query, q.open_on);
    if (!q.exclude_type.empty()) {
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query("Q" + q.exclude_type + ":" + std::to_string(q.exclude_id)));
    }
    return query;
}

SimilarHit Describe(const Xapian::Document& doc) {
    SimilarHit hit;
    hit.type = doc.get_value(kType);
    hit.id = std::stoll(doc.get_value(kId));
    hit.title = doc.get_value(kTitle);
    hit.district_code = doc.get_value(kDistrict);
    std::string org = doc.get_value(kOrg);
    hit.org_id = org.empty() ? 0 : std::stoll(org);
    hit.display_json = doc.get_data();
    auto t = doc.termlist_begin();
    for (t.skip_to("XI"); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (!term.starts_with("XI")) break;
        if (term.size() == 6) hit.industry_codes.push_back(term.substr(2));
    }
    return hit;
}

/// The query's terms a hit holds, the rarest in the index first (they explain the match best).
/// `frequency` holds each query term's document count, looked up once per query: looking it up in
/// the sort's comparisons was most of a request's time.
std::vector<std::string> SharedTerms(Xapian::Enquire& enquire, const Xapian::MSetIterator& it,
                                     const std::unordered_map<std::string, Xapian::doccount>& frequency) {
    std::vector<std::string> shared;
    // Only the text's own terms: the filters' terms (XT…, the type) match too but explain nothing.
    for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t) {
        if (frequency.contains(*t)) shared.push_back(*t);
    }
    auto freq = [&frequency](const std::string& term) {
        auto f = frequency.find(term);
        return f == frequency.end() ? Xapian::doccount{0} : f->second;
    };
    std::sort(shared.begin(), shared.end(),
              [&freq](const std::string& a, const std::string& b) { return freq(a) < freq(b); });
    if (shared.size() > 8) shared.resize(8);
    return shared;
}

}  // namespace

std::vector<SimilarHit> SearchIndex::Similar(const SimilarQuery& q) {
    Xapian::Database& db = ThreadReader(path_);
    std::vector<SimilarHit> out;
    std::set<std::pair<std::string, std::int64_t>> seen;
    auto limit = static_cast<Xapian::doccount>(std::max(1, q.limit));

    std::vector<Xapian::Query> terms = TextTerms(FoldText(q.text));
    if (!terms.empty()) {
        Xapian::Query text(Xapian::Query::OP_ELITE_SET, terms.begin(), terms.end(),
                           static_cast<Xapian::termcount>(std::max(1, q.terms)));
        Xapian::Enquire enquire(db);
        enquire.set_query(Restrict(text, q));
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        Xapian::MSet mset = enquire.get_mset(0, limit);
        std::unordered_map<std::string, Xapian::doccount> frequency;
        for (const Xapian::Query& term : terms) {
            for (auto t = term.get_terms_begin(); t != term.get_terms_end(); ++t)
                frequency.emplace(*t, mset.get_termfreq(*t));
        }
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            SimilarHit hit = Describe(it.get_document());
            hit.text_weight = it.get_weight();
            hit.shared_terms = SharedTerms(enquire, it, frequency);
            seen.insert({hit.type, hit.id});
            out.push_back(std::move(hit));
        }
    }

    // Then the same industry in other words: exact codes before their 3-digit groups, up to a
    // quarter of the limit more.
    Xapian::doccount room = std::max<Xapian::doccount>(limit / 4, 5);
    std::vector<std::string> exact, groups;
    for (const std::string& code : q.industry_codes) {
        if (code.size() != 4) continue;
        exact.push_back(code);
        groups.push_back(code.substr(0, 3));
    }
    for (const std::vector<std::string>* codes : {&exact, &groups}) {
        if (codes->empty() || room == 0) continue;
        Xapian::Enquire enquire(db);
        enquire.set_query(Restrict(AnyTerm("XI", *codes), q));
        // Unweighted and unsorted, so that Xapian stops at the first documents it finds: sorting a code group
        // by date read every one of its documents (tens of thousands at city scale) on every request.
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet mset = enquire.get_mset(0, room + static_cast<Xapian::doccount>(seen.size()));
        for (auto it = mset.begin(); it != mset.end() && room > 0; ++it) {
            SimilarHit hit = Describe(it.get_document());
            if (!seen.insert({hit.type, hit.id}).second) continue;
            out.push_back(std::move(hit));
            --room;
        }
    }
    return out;
}

std::optional<SimilarHit> SearchIndex::Find(const std::string& type, std::int64_t id) {
    Xapian::Database& db = ThreadReader(path_);
    Xapian::PostingIterator posting = db.postlist_begin("Q" + type + ":" + std::to_string(id));
    if (posting == db.postlist_end("Q" + type + ":" + std::to_string(id))) return std::nullopt;
    return Describe(db.get_document(*posting));
}

std::vector<SimilarHit> SearchIndex::OfOrganization(std::int64_t org_id, const std::vector<std::string>& types,
                                                    int limit) {
    Xapian::Database& db = ThreadReader(path_);
    Xapian::Query query("XO" + std::to_string(org_id));
    if (!types.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, AnyTerm("XT", types));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(kUpdated, true);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(std::max(1, limit)));
    std::vector<SimilarHit> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        out.push_back(Describe(doc));
        out.back().body = doc.get_value(kBody);
    }
    return out;
}

}  // namespace keyuan::search
