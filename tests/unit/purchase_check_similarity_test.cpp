// How alike a planned purchase and a registered instrument read: the overlap of character bigrams,
// Chinese and Latin alike, which ranks the similar instruments of a purchase check.
#include <gtest/gtest.h>

#include "modules/purchase_checks/similar.hpp"

namespace keyuan::purchase_checks {
namespace {

TEST(PurchaseCheckSimilarity, TheSameTextOverlapsFullyAndUnrelatedTextsNot) {
    EXPECT_EQ(BigramOverlap("高分辨质谱仪", "高分辨质谱仪"), 100);
    EXPECT_EQ(BigramOverlap("高分辨质谱仪", "扫描电子显微镜"), 0);
    EXPECT_EQ(BigramOverlap("", "质谱仪"), 0);
}

TEST(PurchaseCheckSimilarity, ModelsMatchAcrossCaseAndPunctuation) {
    EXPECT_EQ(BigramOverlap("Orbitrap Exploris-480", "orbitrap exploris 480"), 100);
}

TEST(PurchaseCheckSimilarity, TheShorterTextIsMeasuredInTheLonger) {
    // "质谱仪" (2 bigrams) lies wholly inside the longer description.
    EXPECT_EQ(BigramOverlap("质谱仪", "液相色谱-质谱联用仪 高分辨质谱仪"), 100);
    int partial = BigramOverlap("液相色谱仪", "气相色谱仪");
    EXPECT_GT(partial, 0);
    EXPECT_LT(partial, 100);
}

}  // namespace
}  // namespace keyuan::purchase_checks
