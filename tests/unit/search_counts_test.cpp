// Counts people can trust (issue 21): a total is exact up to 10,000 matches and "more than
// 10,000" beyond; facet counts are exact whenever the total is, and say so when they are a
// sample. The facet values come from FacetColumns in memory: they must follow a document's
// replacement and survive reopening the index.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <numeric>

#include "search/index.hpp"

namespace keyuan::search {
namespace {

constexpr int kDocuments = 10050;

std::int64_t Sum(const std::vector<std::pair<std::string, std::int64_t>>& counts) {
    return std::accumulate(counts.begin(), counts.end(), std::int64_t{0},
                           [](std::int64_t n, const auto& c) { return n + c.second; });
}

std::int64_t CountOf(const SearchResult& r, const std::string& facet, const std::string& value) {
    for (const auto& [v, n] : r.facets.at(facet)) {
        if (v == value) return n;
    }
    return 0;
}

class SearchCounts : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = std::filesystem::temp_directory_path() / ("keyuan-counts-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        SearchIndex index(path_.string());
        for (int i = 1; i <= kDocuments; ++i) {
            // Every document says 仪器; the first 10,000 also 光谱; every 50th also 质谱 (201 of them).
            SearchDocument doc;
            doc.type = i % 2 == 0 ? "instrument" : "service";
            doc.id = i;
            doc.title = std::string("仪器 ") + (i <= 10000 ? "光谱 " : "") + (i % 50 == 0 ? "质谱" : "") + " 编号" +
                        std::to_string(i);
            doc.body = "检测服务";
            doc.district_code = i % 3 == 0 ? "110108" : "110105";
            doc.org_id = 1 + i % 7;
            doc.updated_at = "2026-01-01T00:00:00Z";
            index.Put(doc);
        }
        index.Commit("1");
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(path_); }

    static SearchResult Find(SearchIndex& index, const std::string& text) {
        SearchQuery q;
        q.text = text;
        return *index.Search(q);
    }

    static std::filesystem::path path_;
};
std::filesystem::path SearchCounts::path_;

TEST_F(SearchCounts, BeyondTenThousandTheTotalSaysMoreThanTenThousand) {
    SearchIndex index(path_.string());
    SearchResult all = Find(index, "仪器");
    EXPECT_EQ(all.total, 10000);
    EXPECT_FALSE(all.total_exact);
    EXPECT_FALSE(all.facets_exact);
    EXPECT_EQ(all.items.size(), 20u);
    // The sample is every document the match looked at: one more than the cap.
    EXPECT_EQ(Sum(all.facets.at("type")), 10001);
}

TEST_F(SearchCounts, ExactlyTenThousandIsExact) {
    SearchIndex index(path_.string());
    SearchResult r = Find(index, "光谱");
    EXPECT_EQ(r.total, 10000);
    EXPECT_TRUE(r.total_exact);
    EXPECT_TRUE(r.facets_exact);
    EXPECT_EQ(Sum(r.facets.at("type")), 10000);
    EXPECT_EQ(CountOf(r, "type", "instrument"), 5000);
    EXPECT_EQ(CountOf(r, "district_code", "110108"), 3333);
}

TEST_F(SearchCounts, FacetsOfASmallResultCountEveryMatch) {
    SearchIndex index(path_.string());
    SearchResult r = Find(index, "质谱");
    EXPECT_EQ(r.total, 201);
    EXPECT_TRUE(r.total_exact);
    EXPECT_TRUE(r.facets_exact);
    EXPECT_EQ(CountOf(r, "type", "instrument"), 201);  // every 50th is even
    EXPECT_EQ(CountOf(r, "district_code", "110108"), 67);
    EXPECT_EQ(Sum(r.facets.at("org_id")), 201);
    EXPECT_EQ(r.facets.count("status"), 0u);  // no document has a transformation status
}

TEST_F(SearchCounts, FacetsFollowAReplacedDocumentAndSurviveReopening) {
    {
        SearchIndex index(path_.string());
        SearchDocument moved;
        moved.type = "instrument";
        moved.id = 50;
        moved.title = "仪器 光谱 质谱 编号50";
        moved.district_code = "110101";
        moved.org_id = 99;
        moved.statuses = {"2", "4"};
        moved.updated_at = "2026-01-02T00:00:00Z";
        index.Put(moved);
        index.Commit("2");
        SearchResult r = Find(index, "质谱");
        EXPECT_EQ(r.total, 201);
        EXPECT_EQ(CountOf(r, "district_code", "110101"), 1);
        EXPECT_EQ(CountOf(r, "org_id", "99"), 1);
        EXPECT_EQ(CountOf(r, "status", "4"), 1);  // each of a list's values counts on its own
    }
    SearchIndex reopened(path_.string());  // the columns read back from the index
    SearchResult r = Find(reopened, "质谱");
    EXPECT_EQ(CountOf(r, "district_code", "110101"), 1);
    EXPECT_EQ(CountOf(r, "status", "2"), 1);
    EXPECT_EQ(Sum(r.facets.at("district_code")), 201);
}

}  // namespace
}  // namespace keyuan::search
