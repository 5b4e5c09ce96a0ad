// The pure parts of files (attachments of any kind, service orders' too): the type from the content, the file name as
// stored, and the download header.
#include <gtest/gtest.h>

#include "http/content_disposition.hpp"
#include "modules/orders/attachments.hpp"

namespace keyuan::orders {
namespace {

TEST(OrderAttachments, TheTypeComesFromTheContentNotTheName) {
    EXPECT_EQ(attachments::SniffFileType("%PDF-1.7\n..."), "application/pdf");
    EXPECT_EQ(attachments::SniffFileType(std::string("\x89PNG\r\n\x1A\n\0\0", 10)), "image/png");
    EXPECT_EQ(attachments::SniffFileType("\xFF\xD8\xFF\xE0 jfif"), "image/jpeg");
    EXPECT_EQ(attachments::SniffFileType("PK\x03\x04....[Content_Types].xml....xl/workbook.xml"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(attachments::SniffFileType("PK\x03\x04....word/document.xml"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    EXPECT_EQ(attachments::SniffFileType("PK\x03\x04 a zip of anything else"), std::nullopt);
    EXPECT_EQ(attachments::SniffFileType("<html><script>alert(1)</script>"), std::nullopt);
    EXPECT_EQ(attachments::SniffFileType(""), std::nullopt);
}

TEST(OrderAttachments, FileNamesLoseFoldersControlsAndHeaderBreakers) {
    EXPECT_EQ(attachments::CleanFileName("检测报告.pdf"), "检测报告.pdf");
    EXPECT_EQ(attachments::CleanFileName("../../etc/passwd"), "passwd");
    EXPECT_EQ(attachments::CleanFileName("C:\\Users\\lab\\报告.docx"), "报告.docx");
    EXPECT_EQ(attachments::CleanFileName("a\"b;c.pdf"), "a_b_c.pdf");
    EXPECT_EQ(attachments::CleanFileName(".hidden"), "hidden");
    EXPECT_EQ(attachments::CleanFileName("line\nbreak.pdf"), std::nullopt);
    EXPECT_EQ(attachments::CleanFileName("bad\xFF.pdf"), std::nullopt);
    EXPECT_EQ(attachments::CleanFileName(""), std::nullopt);
    EXPECT_EQ(attachments::CleanFileName("folder/"), std::nullopt);
    std::string long_name;
    for (int i = 0; i < 200; ++i) long_name += "报";
    EXPECT_EQ(attachments::CleanFileName(long_name)->size(), 120u * 3);  // 120 characters, not bytes
}

TEST(OrderAttachments, TheDownloadHeaderCarriesAnAsciiFallbackAndTheRealName) {
    EXPECT_EQ(http::AttachmentDisposition("报告 1.pdf"),
              "attachment; filename=\"_______1.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%201.pdf");
    EXPECT_EQ(http::AttachmentDisposition("report.pdf"),
              "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
}

}  // namespace
}  // namespace keyuan::orders
