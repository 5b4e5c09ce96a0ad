#include "modules/notifications/mail_job.hpp"

#include <boost/json/parse.hpp>

#include <stdexcept>

#include "access/crypto.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "modules/notifications/curl_mailer.hpp"
#include "modules/notifications/mail_message.hpp"
#include "modules/notifications/mail_outbox.hpp"
#include "modules/notifications/mail_text.hpp"

namespace keyuan::notifications {
namespace {

/// The RFC 5322 text of `item`; throws std::invalid_argument when it cannot be built.
std::string MessageOf(const OutboxItem& item, const MailSettings& settings, std::int64_t now) {
    boost::json::value params = boost::json::parse(item.params);
    MailText text = MailTextOf(item.kind, params.is_object() ? params.as_object() : boost::json::object{});
    std::string domain = settings.from.substr(settings.from.find('@') + 1);
    return BuildMessage(
        {.from = settings.from,
         .to = item.address,
         .subject = text.subject,
         .body = text.body,
         .date_unix = now,
         .message_id = "keyuan." + std::to_string(item.id) + "." + access::RandomToken(9) + "@" + domain});
}

/// One message: take it, send it, record what happened. Returns false when another server had it.
bool SendOne(store::Database& db, Mailer& mailer, const MailSettings& settings, const OutboxItem& item, MailRun& run) {
    std::int64_t now = clock::NowUnix();
    bool out_of_attempts = item.attempts >= settings.max_attempts;
    try {
        db.Write([&](store::Session& s) {
            ClaimMail(s, item, now + settings.timeout_seconds + 60);
            // The last attempt's outcome was never recorded (its server died): give up, as after a failure.
            if (out_of_attempts) {
                RecordFailure(s, item.id, item.version + 1, item.attempts + 1,
                              "no outcome recorded for the last attempt", true, now);
            }
        });
    } catch (const ApiError&) {
        return false;  // another server took it first
    }
    if (out_of_attempts) {
        ++run.given_up;
        return true;
    }
    int attempts = item.attempts + 1;
    std::optional<std::string> error;
    bool final = attempts >= settings.max_attempts;
    std::optional<std::string> message;
    try {
        message = MessageOf(item, settings, now);
    } catch (const std::exception& e) {
        error = std::string("cannot build the message: ") + e.what();
        final = true;  // the same row would fail the same way every time
    }
    if (message) error = mailer.Send(settings.from, item.address, *message);
    if (error) *error = Redact(*error, settings.password);
    db.Write([&](store::Session& s) {
        if (error) {
            RecordFailure(s, item.id, item.version + 1, attempts, *error, final, clock::NowUnix());
        } else {
            RecordSent(s, item.id, item.version + 1, clock::NowUnix());
        }
    });
    if (!error) {
        ++run.sent;
        return true;
    }
    ++(final ? run.given_up : run.retrying);
    log::Warn("mail not sent", {{"outbox_id", static_cast<long long>(item.id)},
                                {"attempts", attempts},
                                {"final", final ? "yes" : "no"},
                                {"error", *error}});
    return true;
}

}  // namespace

MailRun RunMailBatch(store::Database& db, Mailer& mailer, const MailSettings& settings) {
    MailRun run;
    std::vector<OutboxItem> due;
    db.Write([&](store::Session& s) {
        run.queued = QueueNewNotifications(s, clock::NowUnix());
        due = DueMail(s, clock::NowUnix(), settings.batch);
    });
    for (const OutboxItem& item : due) {
        try {
            SendOne(db, mailer, settings, item, run);
        } catch (const ApiError&) {
            // Recording lost to another server that took the row after our lease ran out:
            // it sends again (at least once), nothing to record here.
            log::Warn("mail outcome not recorded: the row changed", {{"outbox_id", static_cast<long long>(item.id)}});
        }
    }
    if (run.queued + run.sent + run.retrying + run.given_up > 0) {
        log::Info("mail run",
                  {{"queued", run.queued}, {"sent", run.sent}, {"retrying", run.retrying}, {"given_up", run.given_up}});
    }
    return run;
}

void RegisterMail(modules::ModuleContext& context) {
    const MailSettings& settings = context.settings.Of<MailSettings>();
    if (!settings.enabled) return;
    Mailer& mailer = context.Keep<Mailer>(std::make_unique<CurlMailer>(settings));
    store::Database& db = context.db;
    context.scheduler.Add({.name = "notifications.mail", .every_seconds = 60, .run = [&db, &mailer, settings] {
                               RunMailBatch(db, mailer, settings);
                           }});
}

}  // namespace keyuan::notifications
