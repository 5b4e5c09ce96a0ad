// Search queries as the search route lets them through (valid UTF-8 text of at most 1,000 bytes;
// a known sort and accreditation; any filter text; pages up to 1,000,000 of up to 200): folding,
// parsing, filters, sorting, facets and suggestions against a small real index never throw or
// crash. The text is the input's front; the last bytes choose the other fields.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/utf8.hpp"
#include "search/index.hpp"
#include "search/text_fold.hpp"
#include "temp_folder.hpp"

namespace {

keyuan::search::SearchIndex& Index() {
    static keyuan::search::SearchIndex* index = [] {
        static keyuan::fuzz::TempFolder folder("keyuan-fuzz-index");
        auto* created = new keyuan::search::SearchIndex(folder.path().string(), 0);
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

keyuan::search::SearchQuery Options(FuzzedDataProvider& in) {
    constexpr const char* kSorts[] = {"relevance", "newest", "price", "-price"};
    constexpr const char* kAccreditations[] = {"", "cnas", "cma", "any"};
    constexpr const char* kTypes[] = {"instrument", "lab", "service"};
    keyuan::search::SearchQuery q;
    q.sort = in.PickValueInArray(kSorts);
    q.accreditation = in.PickValueInArray(kAccreditations);
    std::uint8_t flags = in.ConsumeIntegral<std::uint8_t>();
    if (flags & 1) q.types.emplace_back(in.PickValueInArray(kTypes));
    if (flags & 2) q.industry = in.ConsumeBool() ? "hitech:" + std::to_string(in.ConsumeIntegral<int>()) : "74";
    if (flags & 4) q.district_code = "110108";
    if (flags & 8) q.org_id = in.ConsumeIntegral<std::int64_t>();
    if (flags & 16) q.price_min_fen = in.ConsumeIntegral<std::int64_t>();
    if (flags & 32) q.price_max_fen = in.ConsumeIntegral<std::int64_t>();
    int page = flags & 64 ? in.ConsumeIntegralInRange(1, 1000000) : 1;
    q.limit = in.ConsumeIntegralInRange(1, 200);
    q.offset = (page - 1) * q.limit;
    return q;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1100) return 0;
    FuzzedDataProvider in(data, size);
    keyuan::search::SearchQuery query = Options(in);
    std::string text = in.ConsumeRemainingBytesAsString();
    if (!keyuan::utf8::IsCleanText(text, keyuan::utf8::Controls::kNone)) return 0;
    keyuan::search::FoldText(text);
    query.text = text;
    Index().Search(query);
    Index().Suggest(text, 8);
    return 0;
}
