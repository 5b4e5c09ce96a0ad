#include "modules/notifications/curl_mailer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace keyuan::notifications {
namespace {

/// The message handed to libcurl piece by piece.
struct Upload {
    std::string_view data;
    std::size_t sent = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    std::size_t n = std::min(size * count, upload->data.size() - upload->sent);
    std::memcpy(buffer, upload->data.data() + upload->sent, n);
    upload->sent += n;
    return n;
}

struct EasyDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

CurlMailer::CurlMailer(MailSettings settings) : settings_(std::move(settings)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::optional<std::string> CurlMailer::Send(std::string_view from, std::string_view to, std::string_view message) {
    std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
    if (!curl) return "smtp: cannot start libcurl";
    std::string from_path = "<" + std::string(from) + ">";
    std::unique_ptr<curl_slist, ListDeleter> rcpt(curl_slist_append(nullptr, ("<" + std::string(to) + ">").c_str()));
    Upload upload{message};
    char detail[CURL_ERROR_SIZE] = "";
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");  // a URL of another scheme never runs
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);                 // the scheduler shares the process
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    if (settings_.starttls) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings_.username.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_path.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK) return std::nullopt;
    std::string why = std::string("smtp: ") + curl_easy_strerror(code);
    if (detail[0] != '\0') why += ": " + std::string(detail);
    return Redact(std::move(why), settings_.password);
}

std::string Redact(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
        text.replace(at, secret.size(), "***");
    }
    return text;
}

}  // namespace keyuan::notifications
