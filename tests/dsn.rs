//! Hand-made edge cases for `smtp_codes::dsn`: every RFC 3464 field, folding, address types,
//! several recipients with different outcomes, RFC 6533 global reports, report kinds, failures
//! without any SMTP reply, and the interop tables.
#![cfg(feature = "dsn")]

use smtp_codes::dsn::{self, Action, Format, Kind, SesBounceSubType, SesBounceType};
use smtp_codes::{Bounce, Command, Reason, Retry};

fn report(content_type: &str, status: &str) -> Vec<u8> {
    format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\nTo: alice@example.com\r\n\
         Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThis is the mail system at host mx.example.com.\r\n\r\n\
         --b\r\nContent-Type: {content_type}\r\n\r\n{status}\r\n\
         --b\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: alice@example.com\r\nTo: bob@example.org\r\n\
         Message-ID: <original-1@example.com>\r\nSubject: hello\r\n\r\n--b--\r\n"
    )
    .into_bytes()
}

const FULL: &str = "Reporting-MTA: dns; mx.example.com\r\n\
X-Postfix-Queue-ID: 4B1C2D3E5F\r\n\
X-Postfix-Sender: rfc822; alice@example.com\r\n\
Received-From-MTA: dns; client.example.com (192.0.2.7)\r\n\
Arrival-Date: Sun, 23 Nov 2025 17:20:30 +0100 (CET)\r\n\
Original-Envelope-Id: ENV-42\r\n\
\r\n\
Final-Recipient: rfc822; bob@example.org\r\n\
Original-Recipient: rfc822;Bob@Example.org\r\n\
Action: failed\r\n\
Status: 5.1.1\r\n\
Remote-MTA: dns; mx.example.org\r\n\
Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address\r\n\
\x20   rejected: User unknown in virtual mailbox table\r\n\
Last-Attempt-Date: Sun, 23 Nov 2025 17:20:31 +0100 (CET)\r\n\
X-Actual-Recipient: rfc822; bob@internal.example.org\r\n\
\r\n\
Final-Recipient: rfc822; carol@example.net\r\n\
Action: delayed\r\n\
Status: 4.2.2\r\n\
Remote-MTA: dns; mx.example.net\r\n\
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\r\n\
Will-Retry-Until: Sun, 28 Nov 2025 17:20:31 +0100 (CET)\r\n\
\r\n\
Final-Recipient: rfc822; dave@example.com\r\n\
Action: delivered\r\n\
Status: 2.0.0\r\n\
Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 12345\r\n\
\r\n\
Final-Recipient: rfc822; list@example.com\r\n\
Action: expanded (to 12 members)\r\n\
Status: 2.0.0\r\n\
\r\n\
Final-Recipient: rfc822; eve@legacy.example\r\n\
Action: relayed\r\n\
Status: 2.0.0\r\n";

#[test]
fn every_rfc3464_field() {
    let r = dsn::parse(&report("message/delivery-status", FULL)).unwrap();
    assert_eq!(r.kind, Kind::Bounce);
    assert_eq!(r.format, Format::DeliveryStatus);
    assert_eq!(r.reporting_mta.as_ref().unwrap().to_string(), "dns; mx.example.com");
    assert_eq!(r.postfix_queue_id.as_deref(), Some("4B1C2D3E5F"));
    assert_eq!(r.received_from_mta.as_ref().unwrap().value, "client.example.com (192.0.2.7)");
    assert_eq!(r.arrival_date.as_deref(), Some("Sun, 23 Nov 2025 17:20:30 +0100 (CET)"));
    assert_eq!(r.original_envelope_id.as_deref(), Some("ENV-42"));
    assert!(r.fields.iter().any(|(n, v)| n == "X-Postfix-Sender" && v == "rfc822; alice@example.com"));
    assert_eq!(r.original_message_id.as_deref(), Some("original-1@example.com"));
    assert_eq!(r.recipients.len(), 5);

    let bob = &r.recipients[0];
    assert_eq!(bob.address, "bob@example.org");
    assert_eq!(bob.final_recipient.as_ref().unwrap().kind, "rfc822");
    assert_eq!(bob.original_recipient.as_ref().unwrap().value, "Bob@Example.org");
    assert_eq!(bob.action, Some(Action::Failed));
    assert_eq!(bob.status.unwrap().to_string(), "5.1.1");
    assert_eq!(bob.remote_mta.as_ref().unwrap().value, "mx.example.org");
    // Folded over two lines, joined with one space.
    assert_eq!(
        bob.diagnostic_code.as_ref().unwrap().value,
        "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
    );
    assert_eq!(bob.diagnostic_code.as_ref().unwrap().kind, "smtp");
    assert_eq!(bob.last_attempt_date.as_deref(), Some("Sun, 23 Nov 2025 17:20:31 +0100 (CET)"));
    assert!(bob.fields.iter().any(|(n, _)| n == "X-Actual-Recipient"));
    assert_eq!(bob.reply_code, Some(550));
    assert_eq!(
        (bob.reason(), bob.retry(), bob.bounce()),
        (Reason::MailboxUnknown, Retry::Never, Some(Bounce::Hard))
    );
    assert!(bob.explanation().is_some());

    let carol = &r.recipients[1];
    assert_eq!(carol.action, Some(Action::Delayed));
    assert_eq!(carol.will_retry_until.as_deref(), Some("Sun, 28 Nov 2025 17:20:31 +0100 (CET)"));
    assert_eq!(
        (carol.reason(), carol.retry(), carol.bounce()),
        (Reason::MailboxFull, Retry::Later, Some(Bounce::Soft))
    );

    let dave = &r.recipients[2];
    assert_eq!(dave.action, Some(Action::Delivered));
    assert_eq!((dave.reason(), dave.bounce()), (Reason::Ok, None));
    assert_eq!(r.recipients[3].action, Some(Action::Expanded));
    assert_eq!(r.recipients[4].action, Some(Action::Relayed));
    assert_eq!(r.recipients[4].reason(), Reason::Ok);
}

#[test]
fn global_delivery_status_with_utf8_addresses() {
    let status = "Reporting-MTA: dns; mx.example.com\r\n\r\n\
                  Original-Recipient: utf-8; 用户@例子.广告\r\n\
                  Final-Recipient: utf-8; 用户@例子.广告\r\n\
                  Action: failed\r\nStatus: 5.1.1\r\n\
                  Diagnostic-Code: smtp; 550 5.1.1 mailbox 用户 unknown\r\n";
    let r = dsn::parse(&report("message/global-delivery-status", status)).unwrap();
    assert_eq!(r.format, Format::GlobalDeliveryStatus);
    let user = &r.recipients[0];
    assert_eq!(user.address, "用户@例子.广告");
    assert_eq!(user.final_recipient.as_ref().unwrap().kind, "utf-8");
    assert_eq!(user.original_recipient.as_ref().unwrap().kind, "utf-8");
    assert_eq!(user.reason(), Reason::MailboxUnknown);
}

#[test]
fn recipients_without_blank_lines_between_them() {
    let status = "Reporting-MTA: dns; mx.example.com\r\n\r\n\
                  Final-Recipient: rfc822; a@example.org\r\nAction: failed\r\nStatus: 5.2.2\r\n\
                  Final-Recipient: rfc822; b@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n";
    let r = dsn::parse(&report("message/delivery-status", status)).unwrap();
    assert_eq!(r.recipients.len(), 2);
    assert_eq!(r.recipients[0].reason(), Reason::MailboxFull);
    assert_eq!(r.recipients[1].reason(), Reason::MailboxUnknown);
}

#[test]
fn delay_warning_and_receipt() {
    let delayed = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\n\
                   Action: delayed\r\nStatus: 4.4.1\r\n\
                   Diagnostic-Code: X-Postfix; connect to mx.example.org[192.0.2.9]:25: Connection timed out\r\n";
    let r = dsn::parse(&report("message/delivery-status", delayed)).unwrap();
    assert_eq!(r.kind, Kind::Delay);
    let a = &r.recipients[0];
    assert_eq!((a.reason(), a.retry(), a.reply_code), (Reason::NetworkError, Retry::Later, None));

    let delivered = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\n\
                     Action: delivered\r\nStatus: 2.0.0\r\n";
    let r = dsn::parse(&report("message/delivery-status", delivered)).unwrap();
    assert_eq!(r.kind, Kind::Receipt);
    assert!(!r.is_failure());
}

#[test]
fn failures_without_any_smtp_reply() {
    let expired = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\n\
                   Action: failed\r\nStatus: 4.4.7\r\n\
                   Diagnostic-Code: X-Postfix; delivery temporarily suspended: connect to\r\n mx.example.org[192.0.2.9]:25: Connection timed out\r\n";
    let r = dsn::parse(&report("message/delivery-status", expired)).unwrap();
    let a = &r.recipients[0];
    assert_eq!((a.reason(), a.reply_code), (Reason::Expired, None));
    // Giving up on a temporary failure says nothing against the address: a soft bounce.
    assert_eq!(a.bounce(), Some(Bounce::Soft));

    let no_host = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.invalid\r\n\
                   Action: failed\r\nStatus: 5.4.4\r\n\
                   Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error for\r\n name=example.invalid type=A: Host not found\r\n";
    let r = dsn::parse(&report("message/delivery-status", no_host)).unwrap();
    // The recipient's domain does not exist: the address cannot work as written (a hard bounce).
    let a = &r.recipients[0];
    assert_eq!((a.reason(), a.retry(), a.reply_code), (Reason::MailboxUnknown, Retry::Never, None));
    assert_eq!(a.bounce(), Some(Bounce::Hard));

    // A domain with no mail host (Yahoo's "No mx record found"): never, a hard bounce, and the
    // network (Sisimai's "notaccept"), not an unknown mailbox.
    let no_mx = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\n\
                 Action: failed\r\nStatus: 5.0.0\r\n\
                 Diagnostic-Code: X-Postfix; No mx record found for domain=example.org\r\n";
    let r = dsn::parse(&report("message/delivery-status", no_mx)).unwrap();
    let a = &r.recipients[0];
    assert_eq!((a.reason(), a.retry(), a.bounce()), (Reason::NetworkError, Retry::Never, Some(Bounce::Hard)));

    // A temporary DNS failure, or a host that does not answer, is not about the address.
    let timeout = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\n\
                   Action: failed\r\nStatus: 5.4.1\r\n\
                   Diagnostic-Code: X-Postfix; connect to mx.example.org[192.0.2.9]:25: Connection timed out\r\n";
    let r = dsn::parse(&report("message/delivery-status", timeout)).unwrap();
    assert_eq!(
        (r.recipients[0].reason(), r.recipients[0].bounce()),
        (Reason::NetworkError, Some(Bounce::Soft))
    );
}

/// A report that gave up and also says why is about the cause; a pipe recipient is a local
/// program's failure; Exim's paragraph under a recipient named as a file is its diagnostic.
#[test]
fn the_cause_beats_giving_up_and_local_deliveries() {
    let qmail = b"From: MAILER-DAEMON@mx.example.com\r\nSubject: failure notice\r\n\r\n\
        Hi. This is the qmail-send program at mx.example.com.\r\n\
        I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\
        This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n\
        <bob@example.org>:\r\n\
        Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)\r\n\
        I'm not going to try again; this message has been in the queue too long.\r\n\r\n\
        --- Below this line is a copy of the message.\r\n\r\nMessage-ID: <q-1@example.com>\r\n";
    let r = dsn::parse(qmail).unwrap();
    let bob = &r.recipients[0];
    assert_eq!(
        (bob.address.as_str(), bob.reason(), bob.retry()),
        ("bob@example.org", Reason::NetworkError, Retry::AfterFix)
    );

    // The transcript names the failure before the relaying server's generic reply.
    let transcript = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; bob@example.org\r\n\
                      Action: failed\r\nStatus: 5.5.0\r\n\
                      Diagnostic-Code: smtp; mail.local: unknown user: bob\r\n 554 <bob@example.org>... Service unavailable\r\n";
    let r = dsn::parse(&report("message/delivery-status", transcript)).unwrap();
    assert_eq!(r.recipients[0].reason(), Reason::MailboxUnknown);

    let pipe = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822;|/usr/bin/procmail\r\n\
                Action: failed\r\nStatus: 5.0.0\r\n";
    let r = dsn::parse(&report("message/delivery-status", pipe)).unwrap();
    assert_eq!(r.recipients[0].reason(), Reason::ServiceUnavailable);

    let exim = b"From: Mail Delivery System <Mailer-Daemon@mx.example.com>\r\n\
        Subject: Mail delivery failed: returning message to sender\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: text/plain\r\n\r\n\
        This message was created automatically by mail delivery software.\r\n\r\n\
        A message that you sent could not be delivered to one or more of its\r\n\
        recipients. This is a permanent error. The following address(es) failed:\r\n\r\n\
        \x20 save to /var/mail/bob\r\n\
        \x20   generated by bob@example.org\r\n\
        \x20   mailbox is full: retry timeout exceeded\r\n\r\n\
        --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n\
        Action: failed\r\nFinal-Recipient: rfc822;/var/mail/bob\r\nStatus: 5.0.0\r\n\r\n--b--\r\n";
    let r = dsn::parse(exim).unwrap();
    assert_eq!(r.recipients[0].reason(), Reason::MailboxFull);
}

/// Postfix names the command stage in its prose, not in the Diagnostic-Code; its advice
/// "delete your own text from the attached returned message" is not where the original begins.
#[test]
fn postfix_stage_from_the_prose() {
    let postfix = b"From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\r\n\
        Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
        --b\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mail.example.com.\r\n\r\n\
        If you do so, please include this problem report. You can\r\n\
        delete your own text from the attached returned message.\r\n\r\n\
        \x20                  The mail system\r\n\r\n\
        <bob@example.org>: host mx.example.org[192.0.2.2] said: 550\r\n\
        \x20   5.7.1 Access denied (in reply to MAIL FROM command)\r\n\r\n\
        --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.example.com\r\n\r\n\
        Final-Recipient: rfc822; bob@example.org\r\nAction: failed\r\nStatus: 5.7.1\r\n\
        Diagnostic-Code: smtp; 550 5.7.1 Access denied\r\n\r\n--b--\r\n";
    let r = dsn::parse(postfix).unwrap();
    let bob = &r.recipients[0];
    assert_eq!((bob.command, bob.reason()), (Some(Command::Mail), Reason::SenderRejected));
}

/// A notice that gives the error first and the message's details after it (Verizon's SMS
/// gateway, from `post_master`): the recipient is the details' `RCPT TO`, its reason the error
/// paragraph before, not the details' `MAIL FROM` line.
#[test]
fn error_first_details_after() {
    let notice = b"From: post_master@sms.example.com\r\nTo: alice@example.com\r\nSubject: Re: hello\r\n\r\n\
        Error: Invalid user address\r\n\r\nError message below:\r\n\
        550 - Requested action not taken: no such user here\r\n\r\n\
        Message details:\r\n  Subject: hello\r\n  MAIL FROM: alice@example.com\r\n\
        \x20 RCPT TO: bob@sms.example.com\r\n  From: alice@example.com\r\n";
    let r = dsn::parse(notice).unwrap();
    assert_eq!(r.kind, Kind::Bounce);
    let got: Vec<_> = r.recipients.iter().map(|r| (r.address.as_str(), r.reply_code, r.reason())).collect();
    assert_eq!(got, [("bob@sms.example.com", Some(550), Reason::MailboxUnknown)]);
}

/// Google Groups answers a post it refuses with a notice in the poster's language and no reply.
#[test]
fn google_groups_notice_is_a_refused_sender() {
    let notice = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\n\
        Subject: Delivery Status Notification (Failure)\r\nX-Failed-Recipients: team@googlegroups.com\r\n\
        Content-Type: text/plain; charset=UTF-8\r\n\r\n\
        Hallo alice@example.com,\r\n\r\nSie erhalten diese E-Mail, weil die Gruppe (team) m\u{f6}glicherweise nicht vorhanden ist.\r\n\
        Besuchen Sie die Hilfe unter https://groups.google.com/support/.\r\n\r\n\
        ----- Original message -----\r\n\r\nTo: team@googlegroups.com\r\nMessage-ID: <g-1@example.com>\r\n";
    let r = dsn::parse(notice.as_bytes()).unwrap();
    assert_eq!(r.kind, Kind::Bounce);
    let got: Vec<_> = r.recipients.iter().map(|r| (r.address.as_str(), r.reason())).collect();
    assert_eq!(got, [("team@googlegroups.com", Reason::SenderRejected)]);
}

#[test]
fn command_stage() {
    let status = "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.org\r\n\
                  Action: failed\r\nStatus: 5.7.1\r\n\
                  Diagnostic-Code: smtp; 550 5.7.1 Message rejected as spam (in reply to end of DATA command)\r\n";
    let r = dsn::parse(&report("message/delivery-status", status)).unwrap();
    assert_eq!(r.recipients[0].command, Some(Command::EndOfData));
}

#[test]
fn plain_text_bounces_by_their_wording() {
    let exim = b"From: Mail Delivery System <Mailer-Daemon@mx.example.com>\r\n\
        Subject: Mail delivery failed: returning message to sender\r\n\r\n\
        This message was created automatically by mail delivery software.\r\n\r\n\
        A message that you sent could not be delivered to one or more of its\r\n\
        recipients. This is a permanent error. The following address(es) failed:\r\n\r\n\
        \x20 bob@example.org\r\n\
        \x20   SMTP error from remote mail server after RCPT TO:<bob@example.org>:\r\n\
        \x20   host mx.example.org [192.0.2.1]: 550 5.1.1 User unknown\r\n\
        \x20 carol@example.net\r\n\
        \x20   SMTP error from remote mail server after end of data:\r\n\
        \x20   host mx.example.net [192.0.2.2]: 552 5.2.2 Mailbox full\r\n\r\n\
        ------ This is a copy of the message, including all the headers. ------\r\n\r\n\
        Message-ID: <m-1@example.com>\r\nTo: bob@example.org\r\n";
    let r = dsn::parse(exim).unwrap();
    assert_eq!((r.kind, r.format), (Kind::Bounce, Format::PlainText));
    assert_eq!(r.original_message_id.as_deref(), Some("m-1@example.com"));
    let got: Vec<_> = r.recipients.iter().map(|r| (r.address.as_str(), r.reason(), r.command)).collect();
    assert_eq!(
        got,
        [
            ("bob@example.org", Reason::MailboxUnknown, Some(Command::Rcpt)),
            ("carol@example.net", Reason::MailboxFull, Some(Command::EndOfData))
        ]
    );
}

#[test]
fn auto_reply_and_feedback_are_not_bounces() {
    let vacation = b"From: bob@example.org\r\nTo: alice@example.com\r\nSubject: Out of Office: hello\r\n\
        Auto-Submitted: auto-replied\r\n\r\nI am away until Monday.\r\n";
    let r = dsn::parse(vacation).unwrap();
    assert_eq!(r.kind, Kind::AutoReply);
    assert!(!r.is_failure());

    let arf = b"From: fbl@isp.example\r\nSubject: Abuse report\r\n\
        Content-Type: multipart/report; report-type=feedback-report; boundary=\"f\"\r\n\r\n\
        --f\r\nContent-Type: text/plain\r\n\r\nA complaint.\r\n\
        --f\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nVersion: 1\r\n\
        Original-Rcpt-To: bob@example.org\r\nOriginal-Rcpt-To: carol@example.org\r\n\r\n\
        --f\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <spam-1@example.com>\r\n\r\n--f--\r\n";
    let r = dsn::parse(arf).unwrap();
    assert_eq!(r.kind, Kind::Feedback);
    assert_eq!(r.recipients.len(), 2);
    assert_eq!(r.original_message_id.as_deref(), Some("spam-1@example.com"));
}

#[test]
fn ses_notification() {
    let raw = br#"From: no-reply@sns.amazonaws.com
Subject: AWS Notification Message

{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"bob@example.org","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}]},"mail":{"messageId":"x"}}
"#;
    let r = dsn::parse(raw).unwrap();
    assert_eq!((r.kind, r.format), (Kind::Bounce, Format::SesNotification));
    assert_eq!(r.recipients[0].reason(), Reason::MailboxUnknown);
    assert_eq!(r.original_message_id.as_deref(), Some("x"));
}

#[test]
fn interop_tables() {
    // Every Sisimai name we give is in Sisimai's vocabulary (the corpus's mapping.tsv).
    let mapping =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sisimai/mapping.tsv"))
            .unwrap();
    let names: Vec<&str> =
        mapping.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()).collect();
    let reasons = [
        Reason::Ok,
        Reason::AuthRequired,
        Reason::AuthFailed,
        Reason::AuthMechanism,
        Reason::TlsRequired,
        Reason::MailboxUnknown,
        Reason::MailboxFull,
        Reason::MailboxDisabled,
        Reason::MessageTooLarge,
        Reason::RelayDenied,
        Reason::SenderRejected,
        Reason::SpamBlocked,
        Reason::PolicyBlocked,
        Reason::SenderUnauthenticated,
        Reason::RateLimited,
        Reason::Greylisted,
        Reason::ServiceUnavailable,
        Reason::SyntaxError,
        Reason::CommandUnrecognized,
        Reason::BadSequence,
        Reason::NotImplemented,
        Reason::NetworkError,
        Reason::ContentRejected,
        Reason::Expired,
        Reason::Other,
    ];
    for reason in reasons {
        let name = dsn::sisimai_reason(reason);
        assert!(names.contains(&name), "{reason}: {name} is not a Sisimai reason");
        // And mapping.tsv maps it back to this reason, where it names one.
        let back = mapping.lines().find(|l| l.starts_with(&format!("{name}\t"))).unwrap();
        let ours = back.split('\t').nth(1).unwrap();
        if ours != "-"
            && !matches!(
                reason,
                Reason::Greylisted
                    | Reason::CommandUnrecognized
                    | Reason::BadSequence
                    | Reason::NotImplemented
                    | Reason::Other
            )
        {
            assert!(ours.split('|').any(|o| o == reason.as_str()), "{reason} → {name} → {ours}");
        }
    }
    let cases = [
        (Reason::MailboxUnknown, Retry::Never, SesBounceType::Permanent, SesBounceSubType::NoEmail),
        (Reason::MailboxFull, Retry::AfterFix, SesBounceType::Transient, SesBounceSubType::MailboxFull),
        (
            Reason::MessageTooLarge,
            Retry::AfterFix,
            SesBounceType::Transient,
            SesBounceSubType::MessageTooLarge,
        ),
        (
            Reason::ContentRejected,
            Retry::AfterFix,
            SesBounceType::Transient,
            SesBounceSubType::ContentRejected,
        ),
        (Reason::SpamBlocked, Retry::AfterFix, SesBounceType::Permanent, SesBounceSubType::General),
        (Reason::Greylisted, Retry::Later, SesBounceType::Transient, SesBounceSubType::General),
        (Reason::Other, Retry::Later, SesBounceType::Undetermined, SesBounceSubType::Undetermined),
        (Reason::Ok, Retry::NotNeeded, SesBounceType::Undetermined, SesBounceSubType::Undetermined),
    ];
    for (reason, retry, kind, sub) in cases {
        let b = dsn::ses_bounce(reason, retry);
        assert_eq!((b.bounce_type, b.sub_type), (kind, sub), "{reason} {retry}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn reports_serialize() {
    let r = dsn::parse(&report("message/delivery-status", FULL)).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["kind"], "bounce");
    assert_eq!(json["recipients"][0]["action"], "failed");
    assert_eq!(json["recipients"][0]["address"], "bob@example.org");
    assert_eq!(json["recipients"][0]["status"], "5.1.1");
    assert_eq!(json["recipients"][0]["reason"], "mailbox_unknown");
}

/// An expiry that quotes the remote server's last reply (Amazon SES): the recipient's reply code
/// and status are that reply's, the reason stays the expiry.
#[test]
fn an_expiry_quoting_the_last_reply_reports_that_reply() {
    let ses = "Reporting-MTA: dns; a1-2.smtp-out.amazonses.com\r\n\r\nFinal-Recipient: rfc822; bob@example.org\r\n\
               Action: failed\r\nStatus: 4.4.7\r\n\
               Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>\r\n";
    let r = dsn::parse(&report("message/delivery-status", ses)).unwrap();
    let bob = &r.recipients[0];
    assert_eq!(bob.reply_code, Some(421));
    assert_eq!(bob.status.map(|s| s.to_string()).as_deref(), Some("4.4.2"));
    assert_eq!(bob.reason(), Reason::Expired);
    // `explain_text` reads the reply the text gives: the expiry.
    let e = smtp_codes::explain_text(
        "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
    )
    .unwrap();
    assert_eq!((e.code(), e.reason()), (Some(554), Reason::Expired));
}
