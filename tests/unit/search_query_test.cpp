// Queries that the search route lets through never make the index throw (regressions found
// by tests/fuzz/search_query_fuzz.cpp; their inputs are in tests/fuzz/regressions/).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "search/index.hpp"

namespace keyuan::search {
namespace {

TEST(SearchQuery, UnbalancedBracketsAfterTheFallbackParseDoNotThrow) {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("keyuan-query-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    {
        SearchIndex index(path.string());
        SearchDocument doc;
        doc.type = "instrument";
        doc.id = 1;
        doc.title = "高分辨质谱仪 SEM NMR";
        doc.body = "质谱 检测";
        doc.updated_at = "2026-01-01T00:00:00Z";
        index.Put(doc);
        index.Commit("1");
        for (const char* text :
             {"質譜 AND (SeM OR 質譜 AND (T NMR", "((((", "\"质谱", "NOT", "sem OR", "a:(b", "质谱 AND (sem"}) {
            SearchQuery query;
            query.text = text;
            EXPECT_NO_THROW(index.Search(query)) << text;
        }
        SearchQuery plain;
        plain.text = "質譜 (SeM";
        EXPECT_EQ(index.Search(plain)->items.size(), 1u);  // unbalanced, still found by its words
    }
    std::filesystem::remove_all(path);
}

TEST(SearchQuery, AQuotedPhraseFindsItsWordsWithoutPositions) {
    // The index keeps no positions (schema 6): a phrase matches documents holding all its words.
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("keyuan-phrase-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    {
        SearchIndex index(path.string());
        SearchDocument doc;
        doc.type = "instrument";
        doc.id = 7;
        doc.title = "场发射扫描电子显微镜";
        doc.body = "配能谱仪 EDS，可做元素面扫描";
        doc.updated_at = "2026-01-01T00:00:00Z";
        index.Put(doc);
        index.Commit("1");
        for (const char* text : {"\"元素面扫描\"", "\"能谱仪 EDS\"", "\"EDS 能谱仪\"", "\"扫描 显微镜\" 元素"}) {
            SearchQuery query;
            query.text = text;
            EXPECT_EQ(index.Search(query)->total, 1) << text;
        }
        SearchQuery missing;
        missing.text = "\"能谱仪 拉曼\"";
        EXPECT_EQ(index.Search(missing)->total, 0);
    }
    std::filesystem::remove_all(path);
}

TEST(SearchQuery, OnlyWhatIsStillOfferedOnTheDayIsFound) {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("keyuan-open-on-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    {
        SearchIndex index(path.string());
        // A demand that closed, one that closes on the day, and an instrument with no end.
        for (auto [id, until] : {std::pair{1, "2026-12-07"}, std::pair{2, "2026-12-08"}, std::pair{3, ""}}) {
            SearchDocument doc;
            doc.type = until[0] ? "tech_demand" : "instrument";
            doc.id = id;
            doc.title = "钙钛矿 光伏";
            doc.open_until = until;
            doc.updated_at = "2026-01-01T00:00:00Z";
            index.Put(doc);
        }
        index.Commit("1");
        SearchQuery query;
        query.text = "钙钛矿";
        query.open_on = "2026-12-08";
        std::vector<std::int64_t> ids;
        std::shared_ptr<const SearchResult> found = index.Search(query);  // kept: the loop reads into it
        for (const SearchHit& hit : found->items) ids.push_back(hit.id);
        std::sort(ids.begin(), ids.end());
        EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 3}));
        query.open_on = "2026-12-09";
        EXPECT_EQ(index.Search(query)->total, 1);
        query.open_on = "";  // no day: everything
        EXPECT_EQ(index.Search(query)->total, 3);
    }
    std::filesystem::remove_all(path);
}

}  // namespace
}  // namespace keyuan::search
