#include "search/synonyms.hpp"

#include <string_view>
#include <utility>

namespace keyuan::search {
namespace {

// Full term (folded: simplified, lower case) → what users also call it.
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"扫描电子显微镜", "扫描电镜 电镜 sem"},
    {"透射电子显微镜", "透射电镜 电镜 tem"},
    {"电子显微镜", "电镜"},
    {"核磁共振", "核磁 nmr"},
    {"x射线衍射", "xrd"},
    {"x射线光电子能谱", "xps 光电子能谱"},
    {"x射线荧光", "xrf"},
    {"电感耦合等离子体质谱", "icp-ms icpms"},
    {"电感耦合等离子体发射光谱", "icp-oes icp-aes"},
    {"液相色谱-质谱", "液质 液质联用 lc-ms lcms"},
    {"液相色谱质谱", "液质 液质联用 lc-ms lcms"},
    {"气相色谱-质谱", "气质 气质联用 gc-ms gcms"},
    {"气相色谱质谱", "气质 气质联用 gc-ms gcms"},
    {"高效液相色谱", "hplc 液相"},
    {"气相色谱", "gc 气相"},
    {"原子力显微镜", "afm"},
    {"激光共聚焦", "共聚焦 clsm"},
    {"流式细胞", "流式 fcm"},
    {"傅里叶变换红外", "红外 ftir"},
    {"拉曼光谱", "拉曼 raman"},
    {"热重分析", "热重 tga"},
    {"差示扫描量热", "dsc"},
    {"聚合酶链式反应", "pcr"},
    {"实时荧光定量", "qpcr 定量pcr"},
    {"基因测序", "测序 sequencing"},
    {"电子探针", "epma"},
    {"比表面积", "bet"},
    {"紫外可见分光光度", "紫外 uv-vis"},
    {"原子吸收", "aas"},
};

}  // namespace

std::string AbbreviationsFor(const std::string& folded_text) {
    std::string out;
    for (const auto& [full, abbreviations] : kAbbreviations) {
        if (folded_text.find(full) != std::string::npos) {
            out += ' ';
            out += abbreviations;
        }
    }
    return out;
}

}  // namespace keyuan::search
