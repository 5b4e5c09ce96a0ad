#pragma once
// What the search index knows of one object, and what a query asks of it. Plain data: the
// Xapian details stay inside index.cpp.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace keyuan::search {

struct SearchDocument {
    std::string type;  // instrument | lab | service | finance_product | achievement | talent | demand
    std::int64_t id = 0;
    std::string title;  // weighted over the body
    std::string label;  // the title shown in results (defaults to title)
    std::string body;
    std::vector<std::string> industry_codes;  // 4-digit GB/T codes
    std::vector<std::int64_t> hitech_industries;
    std::string district_code;
    std::int64_t org_id = 0;
    std::string class_code;
    std::string open_status;
    std::vector<std::string> accreditations;  // "cnas", "cma" (valid ones)
    std::optional<std::int64_t> price_fen;
    std::vector<std::string> statuses;  // an achievement's transformation statuses, "1" … "5"
    std::string updated_at;
    /// The last day it is offered (YYYY-MM-DD: a demand's deadline); "" : no end. Kept in the
    /// document so that a query leaves it out the day after, with no job having to run.
    std::string open_until;
    std::string display_json;  // fields shown in a result, stored with the document
};

/// Every field is part of the result cache's key (query.cpp CacheKey): a new one must be added there.
struct SearchQuery {
    std::string text;
    std::vector<std::string> types;
    std::string industry;  // a code or prefix, or "hitech:ID"
    std::string district_code;
    std::optional<std::int64_t> org_id;
    std::string class_code;
    std::string open_status;
    std::string accreditation;  // cnas | cma | any
    std::string status;         // one of the document's statuses
    std::optional<std::int64_t> price_min_fen, price_max_fen;
    std::string sort = "relevance";  // relevance | newest | price | -price
    std::string open_on;             // YYYY-MM-DD: only documents still offered that day; "" : any
    int offset = 0;
    int limit = 20;
};

/// "More like this": documents sharing the most telling words of a long text (a technology
/// demand), for matching. Unlike SearchQuery, any word may match; the rarest weigh most.
struct SimilarQuery {
    std::string text;
    std::vector<std::string> types;           // empty: every type
    std::vector<std::string> industry_codes;  // also take documents of these codes (or their 2–3 digit parents)
    std::string exclude_type;                 // leave out one document (the demand itself)
    std::int64_t exclude_id = 0;
    std::string open_on;  // YYYY-MM-DD: only documents still offered that day; "" : any
    int limit = 100;
    int terms = 40;  // the text's most telling terms kept (Xapian's elite set)
};

/// A candidate with what the scoring needs to explain it.
struct SimilarHit {
    std::string type;
    std::int64_t id = 0;
    std::string title;
    double text_weight = 0;                   // BM25 of the shared terms; 0 for an industry-only candidate
    std::vector<std::string> shared_terms;    // the query's terms it holds, heaviest first
    std::vector<std::string> industry_codes;  // its own 4-digit codes
    std::string district_code;
    std::int64_t org_id = 0;
    std::string display_json;
    std::string body;  // only from OfOrganization
};

struct SearchHit {
    std::string type;
    std::int64_t id = 0;
    std::string title;
    std::string snippet;  // with <mark>…</mark> around matches, HTML-escaped otherwise
    double score = 0;
    std::string display_json;
};

struct SearchResult {
    std::vector<SearchHit> items;
    std::int64_t total = 0;
    /// true: `total` is the exact number of matches; false: more than `total` (10,000) match.
    bool total_exact = true;
    /// Value → count per facet, most frequent first.
    std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> facets;
    /// false: counted over a sample (the first 10,001 matches in document order), not all matches
    bool facets_exact = true;
    std::optional<std::string> did_you_mean;
};

}  // namespace keyuan::search
