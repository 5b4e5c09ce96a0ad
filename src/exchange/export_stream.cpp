#include "exchange/export_stream.hpp"

#include <iconv.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <map>
#include <stdexcept>

#include "exchange/export_cell.hpp"
#include "exchange/temp_file.hpp"

namespace keyuan::exchange {

namespace {

std::string Number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

class Csv final : public SheetStream {
public:
    Csv(const std::vector<std::string>& header, CsvCharset charset) : width_(header.size()), charset_(charset) {
        if (charset_ == CsvCharset::kUtf8) out_ = "\xEF\xBB\xBF";
        std::vector<ExportCell> cells;
        for (const std::string& h : header) cells.push_back(ExportCell::Text(h));
        Row(cells);
    }
    void Row(const std::vector<ExportCell>& cells) override {
        for (std::size_t i = 0; i < width_; ++i) {
            if (i) out_ += ',';
            if (i >= cells.size()) continue;
            out_ += cells[i].number ? Number(*cells[i].number, cells[i].decimals) : CsvCell(cells[i].text);
        }
        out_ += "\r\n";
    }
    std::string Finish() override { return charset_ == CsvCharset::kGb18030 ? Utf8ToGb18030(out_) : std::move(out_); }

private:
    std::size_t width_;
    CsvCharset charset_;
    std::string out_;
};

class Xlsx final : public SheetStream {
public:
    Xlsx(const std::string& sheet_name, const std::vector<std::string>& header) : width_(header.size()) {
        // Constant memory: each row goes to the temporary file when the next one starts.
        lxw_workbook_options options{.constant_memory = LXW_TRUE, .tmpdir = nullptr, .use_zip64 = LXW_FALSE};
        workbook_ = workbook_new_opt(file_.path().c_str(), &options);
        if (!workbook_) throw std::runtime_error("xlsx: cannot start a workbook");
        sheet_ = workbook_add_worksheet(workbook_, sheet_name.empty() ? nullptr : sheet_name.c_str());
        if (!sheet_) throw std::runtime_error("xlsx: invalid sheet name");
        lxw_format* bold = workbook_add_format(workbook_);
        format_set_bold(bold);
        for (std::size_t c = 0; c < header.size(); ++c) {
            worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
        }
    }
    ~Xlsx() override {
        if (workbook_) workbook_close(workbook_);
    }
    Xlsx(const Xlsx&) = delete;
    Xlsx& operator=(const Xlsx&) = delete;

    void Row(const std::vector<ExportCell>& cells) override {
        auto row = static_cast<lxw_row_t>(++rows_);
        for (std::size_t c = 0; c < cells.size() && c < width_; ++c) {
            auto col = static_cast<lxw_col_t>(c);
            if (cells[c].number) {
                worksheet_write_number(sheet_, row, col, *cells[c].number, Decimals(cells[c].decimals));
            } else if (!cells[c].text.empty()) {
                worksheet_write_string(sheet_, row, col, SafeSpreadsheetText(cells[c].text).c_str(), nullptr);
            }
        }
    }
    std::string Finish() override {
        lxw_error closed = workbook_close(workbook_);
        workbook_ = nullptr;
        if (closed != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write the workbook");
        return ReadWhole(file_.path());
    }

private:
    /// One number format per count of decimals shown (the value itself is stored whole).
    lxw_format* Decimals(int decimals) {
        auto [it, added] = formats_.try_emplace(decimals, nullptr);
        if (added) {
            it->second = workbook_add_format(workbook_);
            std::string pattern = decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0";
            format_set_num_format(it->second, pattern.c_str());
        }
        return it->second;
    }

    TempFile file_;
    lxw_workbook* workbook_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    std::size_t width_;
    std::size_t rows_ = 0;
    std::map<int, lxw_format*> formats_;
};

}  // namespace

std::unique_ptr<SheetStream> CsvStream(const std::vector<std::string>& header, CsvCharset charset) {
    return std::make_unique<Csv>(header, charset);
}

std::unique_ptr<SheetStream> XlsxStream(const std::string& sheet_name, const std::vector<std::string>& header) {
    return std::make_unique<Xlsx>(sheet_name, header);
}

std::string Utf8ToGb18030(std::string_view text) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("GB18030 conversion is not available");
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out(text.size() * 2 + 16, '\0');  // a UTF-8 character never grows beyond 2× in GB18030
    char* in_ptr = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
        throw std::runtime_error("text cannot be written as GB18030");
    }
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace keyuan::exchange
