// The CJK query economy must not change what a query matches: only unigrams that a sibling
// bigram implies are dropped.
#include "search/cjk_query.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace keyuan::search::detail {
namespace {

std::string Parsed(const std::string& text) {
    Xapian::QueryParser parser;
    parser.set_default_op(Xapian::Query::OP_AND);
    unsigned flags = Xapian::QueryParser::FLAG_CJK_NGRAM | Xapian::QueryParser::FLAG_PHRASE;
    return DropImpliedUnigrams(parser.parse_query(text, flags)).get_description();
}

TEST(DropImpliedUnigrams, KeepsOnlyTheBigramsOfARun) {
    EXPECT_EQ(Parsed("质谱"), "Query(质谱@1)");
    EXPECT_EQ(Parsed("液相色谱"), "Query((液相@1 AND 相色@1 AND 色谱@1))");
}

TEST(DropImpliedUnigrams, KeepsASingleCharacterAndOtherWords) {
    EXPECT_EQ(Parsed("光"), "Query(光@1)");
    EXPECT_EQ(Parsed("thermo 质谱"), "Query((thermo@1 AND 质谱@2))");
    EXPECT_EQ(Parsed("光 光谱"), "Query(光谱@2)");
}

TEST(DropImpliedUnigrams, LeavesPhrasesAlone) {
    EXPECT_EQ(Parsed("\"质谱仪\""), "Query((质@1 PHRASE 3 谱@1 PHRASE 3 仪@1))");
}

TEST(DropImpliedUnigrams, MatchesTheSameDocuments) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    for (const char* text : {"液相色谱质谱联用仪", "气相色谱仪", "质谱", "谱质", "光谱仪 光学", "色 谱"}) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        db.add_document(doc);
    }
    Xapian::QueryParser parser;
    parser.set_default_op(Xapian::Query::OP_AND);
    for (const char* text : {"色谱", "质谱", "液相色谱", "光谱 光", "色谱 质", "谱"}) {
        Xapian::Query full = parser.parse_query(text, Xapian::QueryParser::FLAG_CJK_NGRAM);
        Xapian::Enquire before(db), after(db);
        before.set_query(full);
        after.set_query(DropImpliedUnigrams(full));
        Xapian::MSet a = before.get_mset(0, 10), b = after.get_mset(0, 10);
        std::set<Xapian::docid> ids_a(a.begin(), a.end()), ids_b(b.begin(), b.end());
        EXPECT_FALSE(ids_a.empty()) << text;
        EXPECT_EQ(ids_a, ids_b) << text;
    }
}

}  // namespace
}  // namespace keyuan::search::detail
