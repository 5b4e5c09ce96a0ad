#include "search/result_cache.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace keyuan::search {
namespace {

std::shared_ptr<const SearchResult> ResultWithTotal(std::int64_t total) {
    auto result = std::make_shared<SearchResult>();
    result->total = total;
    return result;
}

TEST(ResultCache, ReturnsWhatWasStoredAtTheSameRevision) {
    ResultCache cache(4);
    EXPECT_EQ(cache.Get("质谱", 7), nullptr);
    cache.Put("质谱", 7, ResultWithTotal(12));
    ASSERT_NE(cache.Get("质谱", 7), nullptr);
    EXPECT_EQ(cache.Get("质谱", 7)->total, 12);
    EXPECT_EQ(cache.Get("色谱", 7), nullptr);
}

TEST(ResultCache, ANewerRevisionForgetsEverything) {
    ResultCache cache(4);
    cache.Put("质谱", 7, ResultWithTotal(12));
    EXPECT_EQ(cache.Get("质谱", 8), nullptr);
    EXPECT_EQ(cache.Get("质谱", 7), nullptr);  // a reader still at 7 does not bring it back
    cache.Put("质谱", 7, ResultWithTotal(12));
    EXPECT_EQ(cache.Get("质谱", 8), nullptr);
}

TEST(ResultCache, DropsTheLeastRecentlyUsed) {
    ResultCache cache(2);
    cache.Put("a", 1, ResultWithTotal(1));
    cache.Put("b", 1, ResultWithTotal(2));
    ASSERT_NE(cache.Get("a", 1), nullptr);  // now b is the least recently used
    cache.Put("c", 1, ResultWithTotal(3));
    EXPECT_NE(cache.Get("a", 1), nullptr);
    EXPECT_EQ(cache.Get("b", 1), nullptr);
    EXPECT_NE(cache.Get("c", 1), nullptr);
}

TEST(ResultCache, CapacityZeroKeepsNothing) {
    ResultCache cache(0);
    cache.Put("a", 1, ResultWithTotal(1));
    EXPECT_EQ(cache.Get("a", 1), nullptr);
}

}  // namespace
}  // namespace keyuan::search
