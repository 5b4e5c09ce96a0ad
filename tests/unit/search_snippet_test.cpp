// A result's snippet: cut around the first typed word, marked, escaped, never splitting a
// UTF-8 character.
#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "search/snippet.hpp"

namespace keyuan::search {
namespace {

TEST(SearchSnippet, MarksEveryOccurrenceOfTheWordsLongestFirst) {
    std::vector<std::string> words = WordsToMark("质谱 质谱仪 AND sem");
    ASSERT_EQ(words, (std::vector<std::string>{"质谱仪", "质谱", "sem"}));
    EXPECT_EQ(Snippet("高分辨质谱仪，配 SEM；质谱分析", words),
              "高分辨<mark>质谱仪</mark>，配 <mark>SEM</mark>；<mark>质谱</mark>分析");
}

TEST(SearchSnippet, CutsAroundTheFirstMatchAtCharacterBoundaries) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "样";  // 300 bytes
    text += "电镜";
    for (int i = 0; i < 100; ++i) text += "品";
    std::string s = Snippet(text, WordsToMark("电镜"), 60);
    EXPECT_EQ(s.rfind("…", 0), 0u);  // cut before
    EXPECT_NE(s.find("<mark>电镜</mark>"), std::string::npos);
    EXPECT_EQ(s.substr(s.size() - 3), "…");                                  // and after
    EXPECT_EQ(s.find("样样样样样样样样样样样样样样样"), std::string::npos);  // at most 40 bytes before
    for (std::size_t limit : {0u, 1u, 2u, 4u, 299u, 301u}) {
        std::string_view prefix = utf8::Prefix(text, limit);
        EXPECT_EQ(prefix.size() % 3, 0u) << limit;  // whole three-byte characters only
    }
}

TEST(SearchSnippet, EscapesHtmlAndStartsAtTheTopWithoutAMatch) {
    EXPECT_EQ(Snippet("<b>A&B</b> \"x\"", WordsToMark("nothing")), "&lt;b&gt;A&amp;B&lt;/b&gt; &quot;x&quot;");
    EXPECT_EQ(Snippet("a<b>c", WordsToMark("<b>")), "a&lt;<mark>b</mark>&gt;c");  // signs are not words
    EXPECT_TRUE(WordsToMark("  ( ) \" ").empty());
}

}  // namespace
}  // namespace keyuan::search
