//! Issue #12: where a reply came from changes what it means, and the verdicts never contradict
//! the text. Every reply named in the issue, with the verdict a user needs.

use smtp_codes::{
    Bounce, Command, Context, Explanation, Failure, FixOwner, Reason, Retry, ServerRole, explain,
    explain_text, explain_text_with, explain_with,
};

const OFFICE365: Context<'static> = Context::submission("smtp.office365.com");

#[test]
fn submission_server_replies_are_about_the_users_account() {
    let e = explain_with("530 5.7.1 Client was not authenticated", &OFFICE365).unwrap();
    assert_eq!((e.reason(), e.fix_owner(), e.bounce()), (Reason::AuthRequired, FixOwner::SenderUser, None));
    assert_eq!(e.retry(), Retry::AfterFix);

    let send_as = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
    let e = explain_with(send_as, &OFFICE365).unwrap();
    assert_eq!((e.reason(), e.fix_owner(), e.bounce()), (Reason::SenderRejected, FixOwner::SenderUser, None));
    assert!(e.summary().contains("sender address"), "{}", e.summary());
    assert!(!e.remedy().contains("recipient"), "{}", e.remedy());

    let throttled =
        explain_with("454 4.7.0 Too many login attempts, please try again later.", &OFFICE365).unwrap();
    assert_eq!((throttled.reason(), throttled.retry()), (Reason::RateLimited, Retry::Later));
    assert_eq!(throttled.fix_owner(), FixOwner::SenderUser);
    assert!(throttled.summary().starts_with("Your mail provider"), "{}", throttled.summary());

    let outbound_spam = "550 5.7.520 Access denied, Your organization does not allow external forwarding.";
    let e = explain_with(outbound_spam, &OFFICE365).unwrap();
    assert_eq!(e.fix_owner(), FixOwner::SenderAdmin);
    assert_eq!(e.bounce(), None);
    assert!(!e.remedy().contains("recipient's administrator"), "{}", e.remedy());
}

#[test]
fn the_same_reply_reads_differently_by_role_for_every_class() {
    // 4xx: a busy server. From the user's own server it is the provider's outage, not a bounce;
    // from the recipient's MX it is a soft bounce for that recipient.
    let busy = "421 4.3.2 Service not available, closing transmission channel";
    let own = explain_with(busy, &Context::submission("smtp.example.com")).unwrap();
    let theirs = explain_with(busy, &Context::mx("mx.example.net")).unwrap();
    assert_eq!((own.retry(), theirs.retry()), (Retry::Later, Retry::Later));
    assert_eq!((own.bounce(), theirs.bounce()), (None, Some(Bounce::Soft)));
    assert_eq!((own.fix_owner(), theirs.fix_owner()), (FixOwner::SenderAdmin, FixOwner::RecipientSide));
    assert_ne!(own.summary(), theirs.summary());

    // 5xx: a policy refusal. From the submission server the user's provider must act.
    let refused = "550 5.7.1 Message rejected by policy";
    let own = explain_with(refused, &Context::new().with_role(ServerRole::Submission)).unwrap();
    let theirs = explain_with(refused, &Context::new().with_role(ServerRole::Mx)).unwrap();
    assert_eq!((own.reason(), theirs.reason()), (Reason::PolicyBlocked, Reason::PolicyBlocked));
    assert_eq!((own.fix_owner(), theirs.fix_owner()), (FixOwner::SenderAdmin, FixOwner::RecipientSide));
    assert!(own.summary().contains("Your own mail server"), "{}", own.summary());

    // 2xx: nothing to do in either role.
    for role in ServerRole::ALL {
        let ok = explain_with("250 2.1.5 Ok", &Context::new().with_role(role)).unwrap();
        assert_eq!((ok.reason(), ok.retry(), ok.bounce()), (Reason::Ok, Retry::NotNeeded, None));
        assert_eq!(ok.role(), Some(role));
    }

    // An unknown recipient is about that address in both roles.
    for role in ServerRole::ALL {
        let e = explain_with("550 5.1.1 <bob@example.com>: User unknown", &Context::new().with_role(role))
            .unwrap();
        assert_eq!(e.bounce(), Some(Bounce::Hard), "{role:?}");
    }
}

#[test]
fn the_command_stage_breaks_ties() {
    let bare = "550 Requested action not taken";
    assert_eq!(explain(bare).unwrap().reason(), Reason::Other);
    let at_mail = explain_with(bare, &Context::new().with_command(Command::Mail)).unwrap();
    assert_eq!(at_mail.reason(), Reason::SenderRejected);
    let at_auth = explain_with("535 Go away", &Context::new().with_command(Command::Auth)).unwrap();
    assert_eq!(at_auth.reason(), Reason::AuthFailed);
    // The command shown in a Postfix log line fills the context.
    let log = "status=bounced (host mx.example.net[192.0.2.1] said: 550 Requested action not taken (in reply to MAIL FROM command))";
    let e = explain_text(log).unwrap();
    assert_eq!((e.command(), e.reason()), (Some(Command::Mail), Reason::SenderRejected));
    // A caller's command wins over the text's.
    let e = explain_text_with(log, &Context::new().with_command(Command::Rcpt)).unwrap();
    assert_eq!(e.command(), Some(Command::Rcpt));
}

#[test]
fn an_unrecognised_refusal_is_not_an_unknown_address() {
    for reply in [
        "550 Administrative prohibition",
        "550 Message rejected",
        "550 5.7.1 <bob@example.com>: Recipient address rejected: Access denied",
    ] {
        let e = explain(reply).unwrap();
        assert_ne!(e.reason(), Reason::MailboxUnknown, "{reply}");
        assert_ne!(e.bounce(), Some(Bounce::Hard), "{reply}: a valid contact must not be deleted");
    }
    assert!(explain_text("Your order 550 has shipped").is_none());
    assert!(explain_text("We shipped 554 parcels today").is_none());
}

#[test]
fn verdicts_agree_with_the_words() {
    // "Limit exceeded" on a 5xx is temporary, with the delay the text gives.
    let e = explain("550 5.4.5 Daily user sending limit exceeded.").unwrap();
    assert_eq!((e.reason(), e.retry()), (Reason::RateLimited, Retry::Later));
    let e = explain("550 5.4.5 Daily sending quota exceeded. Try again in 24 hours.").unwrap();
    assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(24 * 3600)));
    let e = explain("554 5.4.5 Mail system congestion").unwrap();
    assert_eq!(e.retry(), Retry::Later);
    // Relay refusal needs authentication first: retrying unchanged never helps, even on a 4xx.
    let e = explain("454 4.7.1 <bob@example.net>: Relay access denied").unwrap();
    assert_eq!((e.reason(), e.retry()), (Reason::RelayDenied, Retry::AfterFix));
}

#[test]
fn sender_side_failures_are_not_bounces() {
    for reply in [
        "535 5.7.8 Error: authentication failed",
        "530 5.7.0 Authentication required",
        "554 5.7.1 <bob@example.net>: Relay access denied",
        "552 5.3.4 Message size exceeds fixed limit",
        "530 5.7.0 Must issue a STARTTLS command first",
    ] {
        assert_eq!(explain(reply).unwrap().bounce(), None, "{reply}");
    }
    let e = Explanation::from_failure(Failure::Timeout);
    assert_eq!(e.bounce(), None);
    let de =
        explain("535 5.7.8 Error: authentication failed").unwrap().render(smtp_codes::Locale::De).to_string();
    assert!(!de.contains("Hardbounce"), "{de}");
}

#[test]
fn offline_is_not_a_typo() {
    let offline = Failure::from_text("Temporary failure in name resolution").unwrap();
    assert_eq!((offline, offline.retry()), (Failure::DnsUnavailable, Retry::Later));
    assert!(!offline.remedy().contains("spelling"));
    let typo = Failure::from_text("Name or service not known").unwrap();
    assert_eq!((typo, typo.retry()), (Failure::HostNotFound, Retry::AfterFix));
    assert!(typo.remedy().contains("spelling"));
}

#[test]
fn providers_are_recognised_by_their_host_names() {
    // A Postfix log line naming Gmail's MX, with Gmail's 4.7.28 wording and no "gsmtp".
    let log = "Nov 23 17:20:31 mx postfix/smtp[4242]: 4B1C2D3E5F: to=<bob@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=1, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[142.250.27.26] said: 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. (in reply to end of DATA command))";
    assert_eq!(explain_text(log).unwrap().provider().map(|p| p.id()), Some("gmail"));
    // Published submission servers and MX hosts, as a client's Context names them.
    for (host, id) in [
        ("smtp.gmail.com", "gmail"),
        ("aspmx.l.google.com", "gmail"),
        ("smtp.office365.com", "microsoft"),
        ("example-com.mail.protection.outlook.com", "microsoft"),
        ("smtp-mail.outlook.com", "microsoft"),
        ("smtp.mail.yahoo.com", "yahoo"),
        ("mta5.am0.yahoodns.net", "yahoo"),
        ("smtp.mail.me.com", "apple"),
        ("mx01.mail.icloud.com", "apple"),
        ("smtp.zoho.com", "zoho"),
        ("mx.zoho.eu", "zoho"),
        ("smtp.yandex.ru", "yandex"),
        ("mx.yandex.net", "yandex"),
        ("smtp.mail.ru", "mailru"),
        ("mxs.mail.ru", "mailru"),
        ("smtp.qq.com", "qq"),
        ("mx3.qq.com", "qq"),
        ("mail.gmx.net", "gmx"),
        ("mx-ha02.web.de", "gmx"),
        ("smtp-in.orange.fr", "orange"),
        ("smtp.orange.fr", "orange"),
        ("smtp.protonmail.ch", "proton"),
        ("smtp.fastmail.com", "fastmail"),
        ("in1-smtp.messagingengine.com", "fastmail"),
        ("email-smtp.us-east-1.amazonaws.com", "amazon_ses"),
        ("smtp.sendgrid.net", "sendgrid"),
        ("smtp.mailgun.org", "mailgun"),
        ("smtp.postmarkapp.com", "postmark"),
    ] {
        let e = explain_with("451 4.3.0 Temporary local problem", &Context::mx(host)).unwrap();
        assert_eq!(e.provider().map(|p| p.id()), Some(id), "{host}");
        let failure = Explanation::from_failure_with(Failure::Timeout, &Context::submission(host));
        assert_eq!(failure.provider().map(|p| p.id()), Some(id), "{host}");
    }
    // A greeting or EHLO banner in a transcript is evidence too.
    let transcript =
        "220 smtp.gmail.com ESMTP a1-20020a170902 - gsmtp\n535 5.7.8 Username and Password not accepted.";
    assert_eq!(explain_text(transcript).unwrap().provider().map(|p| p.id()), Some("gmail"));
    // No evidence, no provider.
    for host in ["mx.example.net", "smtp.example.com", "mail.gmailer.example"] {
        let e = explain_with("451 4.3.0 Temporary local problem", &Context::mx(host)).unwrap();
        assert_eq!(e.provider(), None, "{host}");
    }
}
