// Search queries as the search route lets them through (valid UTF-8, at most 1,000 bytes):
// folding and the Xapian query against a small real index never throw or crash.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/utf8.hpp"
#include "search/index.hpp"
#include "search/text_fold.hpp"

namespace {

keyuan::search::SearchIndex& Index() {
    static keyuan::search::SearchIndex* index = [] {
        std::filesystem::path path = std::filesystem::temp_directory_path() / "keyuan-fuzz-index";
        std::filesystem::remove_all(path);
        auto* created = new keyuan::search::SearchIndex(path.string(), 0);
        const char* titles[] = {"高分辨质谱仪 Orbitrap", "扫描电子显微镜 SEM",  "核磁共振波谱仪 NMR 600MHz",
                                "X射线衍射仪 XRD",       "液相色谱-质谱联用仪", "電子顯微鏡",
                                "激光共聚焦显微镜"};
        std::int64_t id = 1;
        for (const char* title : titles) {
            keyuan::search::SearchDocument doc;
            doc.type = "instrument";
            doc.id = id++;
            doc.title = title;
            doc.body = std::string(title) + " 北京 海淀区 检测 分析 测试服务";
            doc.industry_codes = {"7452"};
            doc.district_code = "110108";
            doc.updated_at = "2026-01-01T00:00:00Z";
            created->Put(doc);
        }
        created->Commit("fuzz");
        return created;
    }();
    return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (size > 1000 || !keyuan::utf8::IsCleanText(text, keyuan::utf8::Controls::kNone)) return 0;
    keyuan::search::FoldText(text);
    keyuan::search::SearchQuery query;
    query.text = text;
    query.limit = 5;
    Index().Search(query);
    Index().Suggest(text, 5);
    return 0;
}
