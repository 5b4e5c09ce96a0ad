#include "search/cjk_query.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace keyuan::search::detail {
namespace {

/// The code points of a UTF-8 term (the index only holds valid UTF-8: FoldText drops the rest).
std::u32string CodePoints(const std::string& term) {
    std::u32string out;
    for (std::size_t i = 0; i < term.size();) {
        auto lead = static_cast<unsigned char>(term[i]);
        int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? lead : lead & (0x7F >> length);
        for (int k = 1; k < length && i + k < term.size(); ++k) c = (c << 6) | (term[i + k] & 0x3F);
        out.push_back(c);
        i += length;
    }
    return out;
}

bool IsCjk(char32_t c) {
    return c >= 0x2E80;
}  // the blocks Xapian's n-gram tokenizer splits

std::u32string TermOf(const Xapian::Query& leaf) {
    return leaf.get_type() == Xapian::Query::LEAF_TERM ? CodePoints(*leaf.get_terms_begin()) : std::u32string();
}

bool IsUnigram(const std::u32string& t) {
    return t.size() == 1 && IsCjk(t[0]);
}
bool IsBigram(const std::u32string& t) {
    return t.size() == 2 && IsCjk(t[0]) && IsCjk(t[1]);
}

std::vector<Xapian::Query> Children(const Xapian::Query& query) {
    std::vector<Xapian::Query> out;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        out.push_back(DropImpliedUnigrams(query.get_subquery(i)));
    return out;
}

/// The children of an AND, nested ANDs flattened (AND is associative), implied unigrams dropped.
void CollectAnd(const Xapian::Query& query, std::vector<Xapian::Query>& out) {
    for (Xapian::Query& child : Children(query)) {
        if (child.get_type() == Xapian::Query::OP_AND) {
            CollectAnd(child, out);
        } else {
            out.push_back(std::move(child));
        }
    }
}

Xapian::Query SimplifiedAnd(const Xapian::Query& query) {
    std::vector<Xapian::Query> all;
    CollectAnd(query, all);
    std::vector<std::u32string> bigrams;
    for (const Xapian::Query& q : all) {
        if (std::u32string t = TermOf(q); IsBigram(t)) bigrams.push_back(t);
    }
    auto implied = [&](const Xapian::Query& q) {
        std::u32string t = TermOf(q);
        return IsUnigram(t) && std::any_of(bigrams.begin(), bigrams.end(),
                                           [&](const std::u32string& b) { return b[0] == t[0] || b[1] == t[0]; });
    };
    all.erase(std::remove_if(all.begin(), all.end(), implied), all.end());
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

}  // namespace

Xapian::Query DropImpliedUnigrams(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::OP_AND: return SimplifiedAnd(query);
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_XOR: {
            std::vector<Xapian::Query> children = Children(query);
            return Xapian::Query(query.get_type(), children.begin(), children.end());
        }
        default: return query;
    }
}

}  // namespace keyuan::search::detail
