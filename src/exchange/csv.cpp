#include <iconv.h>

#include <cerrno>
#include <memory>

#include "core/utf8.hpp"
#include "exchange/table.hpp"
#include "exchange/table_builder.hpp"

namespace keyuan::exchange {

std::string Gb18030ToUtf8(std::string_view text) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        throw TableError("服务器不支持 GB18030 编码转换", "GB18030 conversion is not available on the server");
    }
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out(text.size() * 2 + 16, '\0');  // a GB18030 character never grows beyond 2× in UTF-8
    char* in_ptr = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
        throw TableError("文件既不是 UTF-8 也不是 GBK/GB18030 编码", "The file is neither UTF-8 nor GBK/GB18030 text");
    }
    out.resize(out.size() - out_left);
    return out;
}

Table ReadCsv(std::string_view bytes, const TableLimits& limits) {
    std::string text;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // Excel's "CSV UTF-8" adds a BOM
    text = utf8::IsValid(bytes) ? std::string(bytes) : Gb18030ToUtf8(bytes);

    TableBuilder builder(limits);
    std::string cell;
    bool quoted = false, cell_started = false;
    int line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                cell.push_back(c);
            }
            continue;
        }
        if (c == '"' && !cell_started) {
            quoted = cell_started = true;
        } else if (c == ',') {
            builder.AddCell(std::move(cell));
            cell.clear();
            cell_started = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            builder.AddCell(std::move(cell));
            cell.clear();
            cell_started = false;
            builder.EndRow(line);
            ++line;
        } else {
            cell.push_back(c);
            cell_started = true;
        }
    }
    if (quoted)
        throw TableError("第 " + std::to_string(line) + " 行的引号没有闭合",
                         "Unclosed quote in row " + std::to_string(line));
    if (cell_started || !cell.empty() || builder.RowOpen()) {
        builder.AddCell(std::move(cell));
        builder.EndRow(line);
    }
    return builder.Finish();
}

}  // namespace keyuan::exchange
