#pragma once
// The e-mail sender's job, `notifications.mail`, every minute while [mail] enabled: it queues
// the new notifications of users with an address (mail_outbox.hpp) and sends a batch.
//
// Why the job queues, rather than Notify in the notifying transaction: Notify is called by
// every module, by one-shot commands and by servers that may run with mail off; none of them
// needs to know the mail settings, and a server with mail on mails what any of them wrote to
// the shared database. The UNIQUE notification in the outbox keeps it to one mail each.
//
// Delivery is at least once: a server killed after the SMTP server accepted a message but
// before it recorded so sends it again when its lease has run out.

#include "modules/module_context.hpp"
#include "modules/notifications/mailer.hpp"
#include "modules/notifications/settings.hpp"

namespace keyuan::notifications {

/// What one run did.
struct MailRun {
    int queued = 0;
    int sent = 0;
    int retrying = 0;  // failed, to be tried again later
    int given_up = 0;  // failed for the last time (or could never be sent)
};

/// One run of the job at the process clock's now: queue, then send at most `settings.batch`
/// due messages through `mailer`, each taken and recorded in a transaction of its own (never
/// a transaction open across the network). Errors are logged and stored without the password.
MailRun RunMailBatch(store::Database& db, Mailer& mailer, const MailSettings& settings);

/// Adds the job when mail is enabled (CurlMailer); does nothing otherwise.
void RegisterMail(modules::ModuleContext& context);

}  // namespace keyuan::notifications
