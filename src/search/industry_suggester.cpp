#include "search/industry_suggester.hpp"

#include <xapian.h>

#include <map>
#include <mutex>

#include "search/text_fold.hpp"

namespace keyuan::search {

struct IndustrySuggester::Impl {
    mutable std::mutex mutex;  // the in-memory database is not shared between threads
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    std::map<std::string, std::vector<std::string>> hitech_by_code;
};

IndustrySuggester::IndustrySuggester(store::Database& database) : impl_(std::make_unique<Impl>()) {
    database.Read([&](store::Session& s) {
        std::map<std::string, std::string> scopes;
        store::Rows catalog = s.Query(
            "SELECT x.code, x.name, x.scope, i.name FROM hitech_subcategories x JOIN hitech_industries i ON i.id = "
            "x.industry_id");
        for (std::size_t i = 0; i < catalog.size(); ++i) {
            std::string code(catalog[i].Text(0));
            scopes[code] += " " + std::string(catalog[i].Text(1)) + " " + std::string(catalog[i].Text(2));
            impl_->hitech_by_code[code].emplace_back(catalog[i].Text(3));
        }
        store::Rows codes = s.Query(
            "SELECT c.code, c.name, c.description, COALESCE(p.name, ''), COALESCE(g.name, '') FROM industry_codes c "
            "LEFT JOIN industry_codes p ON p.code = c.parent_code LEFT JOIN industry_codes g ON g.code = p.parent_code "
            "WHERE c.level = 4");
        Xapian::TermGenerator generator;
        generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        for (std::size_t i = 0; i < codes.size(); ++i) {
            std::string code(codes[i].Text(0));
            Xapian::Document doc;
            generator.set_document(doc);
            generator.index_text(FoldText(codes[i].Text(1)), 3);  // the code's own name counts most
            generator.index_text(FoldText(std::string(codes[i].Text(2)) + " " + scopes[code]), 2);
            generator.index_text(FoldText(std::string(codes[i].Text(3)) + " " + std::string(codes[i].Text(4))));
            doc.set_data(code + "\t" + std::string(codes[i].Text(1)));
            impl_->db.add_document(doc);
        }
    });
    impl_->db.commit();
}

IndustrySuggester::~IndustrySuggester() = default;

std::vector<IndustrySuggestion> IndustrySuggester::Suggest(const std::string& text, int limit) const {
    std::lock_guard lock(impl_->mutex);
    // Every word and character n-gram of the text is evidence; a long description matches
    // the codes that share most of them.
    Xapian::Document scratch;
    Xapian::TermGenerator generator;
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    generator.set_document(scratch);
    generator.index_text(FoldText(text.substr(0, 2000)));
    std::vector<Xapian::Query> terms;
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) terms.emplace_back(*t);
    if (terms.empty()) return {};
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    std::vector<IndustrySuggestion> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        std::string data = it.get_document().get_data();
        std::size_t tab = data.find('\t');
        IndustrySuggestion s{data.substr(0, tab), data.substr(tab + 1), it.get_percent(), {}};
        if (auto h = impl_->hitech_by_code.find(s.code); h != impl_->hitech_by_code.end()) s.hitech = h->second;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace keyuan::search
