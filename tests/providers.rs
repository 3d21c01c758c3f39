//! The provider knowledge base: every rule is proven by a real reply in the provider's words
//! (its `sample`, with the source cited in data/providers.toml).

use std::collections::BTreeMap;

use smtp_codes::provider::{Provider, ProviderRule};
use smtp_codes::{Locale, explain, explain_text};

#[test]
fn every_rule_matches_its_own_real_sample() {
    let mut per_provider: BTreeMap<&str, usize> = BTreeMap::new();
    for rule in ProviderRule::all() {
        let e = explain(rule.sample())
            .or_else(|_| explain_text(rule.sample()).ok_or(()))
            .unwrap_or_else(|_| panic!("{}: sample does not parse", rule.id()));
        assert_eq!(e.provider().map(Provider::id), Some(rule.provider().id()), "{}: provider", rule.id());
        assert_eq!(e.provider_rule().map(ProviderRule::id), Some(rule.id()), "{}: rule", rule.id());
        assert_eq!((e.reason(), e.retry()), (rule.reason(), rule.retry()), "{}", rule.id());
        assert_eq!(e.summary(), rule.summary());
        assert!(!rule.source().is_empty(), "{}: cite the source", rule.id());
        *per_provider.entry(rule.provider().id()).or_default() += 1;
    }
    println!("provider rules: {} in all; {per_provider:?}", ProviderRule::all().len());
    for required in [
        "gmail",
        "microsoft",
        "yahoo",
        "apple",
        "zoho",
        "yandex",
        "mailru",
        "qq",
        "gmx",
        "proton",
        "fastmail",
        "amazon_ses",
        "sendgrid",
        "mailgun",
        "orange",
    ] {
        assert!(per_provider.get(required).copied().unwrap_or(0) >= 1, "{required} has no rule");
    }
}

#[test]
fn no_provider_is_claimed_without_a_marker_or_a_private_status_of_its_own() {
    for rule in ProviderRule::all() {
        // Remove every marker of every provider from the sample: no provider may remain.
        let mut text = rule.sample().to_string();
        for provider in Provider::all() {
            for marker in provider.markers() {
                loop {
                    let lower = text.to_lowercase();
                    let Some(at) = lower.find(marker) else { break };
                    text.replace_range(at..at + marker.len(), "x");
                }
            }
        }
        if let Ok(e) = explain(&text) {
            // What remains that can show a provider is a private status code of its own.
            let by_status = e
                .provider()
                .zip(e.enhanced())
                .is_some_and(|(provider, status)| provider.sends_status(status));
            assert!(
                e.provider().is_none() || by_status,
                "{}: claimed {:?} in {text:?}",
                rule.id(),
                e.provider().map(Provider::id)
            );
            assert!(e.provider_rule().is_none() || by_status);
        }
    }
    // Generic replies name no provider.
    for reply in ["550 5.1.1 User unknown", "421 4.7.0 Try again later", "535 5.7.8 Authentication failed"] {
        assert!(explain(reply).unwrap().provider().is_none(), "{reply}");
    }
}

/// Microsoft's IP throttling (`451 4.7.500`–`4.7.699`) often comes without a host name or link:
/// the private status alone shows Microsoft and its rule, in every way a reply reaches the crate.
/// A status outside the range, or a detail of the registry's size, shows no provider.
#[test]
fn a_private_status_range_shows_its_provider() {
    let replies = [
        // replies.tsv (the seed corpus): Microsoft's "Server busy" with its AS code only.
        "451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)",
        "451 4.7.699 Please try again later",
    ];
    for reply in replies {
        for e in
            [explain(reply).unwrap(), explain_text(&format!("host mx.example.net said: {reply}")).unwrap()]
        {
            assert_eq!(e.provider().map(Provider::id), Some("microsoft"), "{reply}");
            assert_eq!(
                e.provider_rule().map(ProviderRule::id),
                Some("microsoft.temporarily_restricted"),
                "{reply}"
            );
            assert_eq!(e.reason(), smtp_codes::Reason::RateLimited, "{reply}");
        }
    }
    for reply in [
        "451 4.7.499 Server busy",
        "451 4.7.700 PFA agent busy, please try again.",
        "451 4.7.1 Server busy",
        "550 5.7.606 Access denied",
    ] {
        assert!(explain(reply).unwrap().provider().is_none(), "{reply}");
    }
    let microsoft = Provider::by_id("microsoft").unwrap();
    assert!(!microsoft.statuses().is_empty());
    // Every provider's ranges are private (detail 100 and above) and in order.
    for provider in Provider::all() {
        for (low, high) in provider.statuses() {
            assert!(low.detail() >= 100 && low <= high, "{}", provider.id());
        }
    }
}

#[test]
fn headline_cases_get_the_remedies_people_need() {
    let gmail = explain("535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-20020a05 - gsmtp").unwrap();
    assert!(gmail.remedy().to_lowercase().contains("app password"), "{}", gmail.remedy());
    let m365 = explain("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0501CA0054.namprd05.prod.outlook.com]").unwrap();
    assert_eq!(m365.provider().unwrap().id(), "microsoft");
    let remedy = m365.remedy();
    assert!(remedy.contains("admin") && remedy.contains("Authenticated SMTP"), "{remedy}");
    let yahoo = explain("421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.verizonmedia.com/error-codes").unwrap();
    assert_eq!((yahoo.reason(), yahoo.retry()), (smtp_codes::Reason::RateLimited, smtp_codes::Retry::Later));
    let dmarc = explain("550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's\r\n550-5.7.26 DMARC policy.\r\n550 5.7.26 https://support.google.com/mail/?p=DmarcRejection - gsmtp").unwrap();
    let remedy = dmarc.remedy();
    assert!(remedy.contains("SPF") && remedy.contains("DKIM") && remedy.contains("DMARC"), "{remedy}");
    // Directory-Based Edge Blocking's own tag shows Microsoft without a host name: the
    // recipient is not in the organisation's directory.
    let dbeb = explain("550 5.4.1 Recipient address rejected: Access denied. AS(201806281)").unwrap();
    assert_eq!(dbeb.provider().map(Provider::id), Some("microsoft"));
    assert_eq!(dbeb.reason(), smtp_codes::Reason::MailboxUnknown);
    // Microsoft's own short links (aka.ms) show Microsoft too.
    let linked = explain(
        "550 5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors",
    )
    .unwrap();
    assert_eq!(linked.provider().map(Provider::id), Some("microsoft"));
    assert_eq!(linked.reason(), smtp_codes::Reason::MailboxUnknown);
    // Microsoft's documented throttling range, shown by an Outlook host.
    let ms = explain("451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761) [DM6NAM11FT012.eop-nam11.prod.protection.outlook.com]").unwrap();
    assert_eq!(ms.reason(), smtp_codes::Reason::RateLimited);
}

#[test]
fn a_log_or_transcript_that_names_the_server_shows_the_provider() {
    // Postfix names the receiving host in relay=…; the reply itself is stock text.
    let log = "Nov 23 10:00:01 mx postfix/smtp[1234]: 9A8B7C6D5E: to=<user@example.com>, relay=example-com.mail.protection.outlook.com[192.0.2.7]:25, delay=1, dsn=4.7.500, status=deferred (host example-com.mail.protection.outlook.com[192.0.2.7] said: 451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761) (in reply to RCPT TO command))";
    let e = explain_text(log).unwrap();
    assert_eq!(e.provider().map(Provider::id), Some("microsoft"));
    assert_eq!(e.reason(), smtp_codes::Reason::RateLimited);
    // The same reply without the host: its private status (Microsoft's throttling range) still
    // shows Microsoft (`a_private_status_range_shows_its_provider`).
    let e = explain("451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)").unwrap();
    assert_eq!(e.provider().map(Provider::id), Some("microsoft"));
    // In a session transcript the failure is the reply that matters, not the greeting.
    let transcript = "<< 220 smtp.postmarkapp.com ESMTP >> AUTH LOGIN << 334 VXNlcm5hbWU6 << 535 5.7.8 Error: authentication failed: x";
    let e = explain_text(transcript).unwrap();
    assert_eq!((e.code(), e.provider().map(Provider::id)), (Some(535), Some("postmark")));
}

#[test]
fn provider_texts_exist_in_every_locale() {
    for rule in ProviderRule::all() {
        for locale in Locale::ALL.into_iter() {
            assert!(
                !rule.text(locale).summary().is_empty() && !rule.text(locale).remedy().is_empty(),
                "{} {locale}",
                rule.id()
            );
            if locale != Locale::En {
                assert_ne!(rule.text(locale).remedy(), rule.remedy(), "{} {locale}", rule.id());
            }
        }
    }
    for provider in Provider::all() {
        assert!(!provider.docs().is_empty() && !provider.markers().is_empty(), "{}", provider.id());
        assert!(Provider::by_id(provider.id()).is_some());
    }
}
