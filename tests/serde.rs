//! With the `serde` feature, every public data type serializes: codes as numbers, enhanced codes
//! as "5.7.8".
#![cfg(feature = "serde")]

use serde_json::{Value, json};
use smtp_codes::reference::Class;
use smtp_codes::{EnhancedCode, Locale, Reason, Reply, compare, explain, lookup, lookup_enhanced};

#[test]
fn value_types_round_trip() {
    let code: EnhancedCode = "5.7.8".parse().unwrap();
    assert_eq!(serde_json::to_value(code).unwrap(), json!("5.7.8"));
    assert_eq!(serde_json::from_value::<EnhancedCode>(json!("4.7.500")).unwrap().to_string(), "4.7.500");
    assert!(serde_json::from_value::<EnhancedCode>(json!("3.1.1")).is_err());
    assert_eq!(serde_json::to_value(Class::TransientNegative).unwrap(), json!("transient_negative"));
    assert_eq!(serde_json::to_value(Locale::PtBr).unwrap(), json!("pt-BR"));
    assert_eq!(serde_json::from_value::<Locale>(json!("ja")).unwrap(), Locale::Ja);
    assert_eq!(serde_json::to_value(Reason::AuthFailed).unwrap(), json!("auth_failed"));
}

#[test]
fn table_entries_serialize_with_codes_as_numbers_and_every_language() {
    let v = serde_json::to_value(lookup(535).unwrap()).unwrap();
    assert_eq!(v["code"], json!(535));
    assert_eq!(v["name"], json!("Authentication Failed"));
    assert_eq!(v["enhanced_codes"], json!(["5.7.0", "5.7.8", "5.7.14"]));
    assert_eq!(v["commands"][0], json!("auth"));
    assert_eq!(v["texts"].as_object().unwrap().len(), Locale::COUNT);
    let v = serde_json::to_value(lookup_enhanced("5.6.10").unwrap()).unwrap();
    assert_eq!((v["code"].clone(), v["deprecated_by"].clone()), (json!("X.6.10"), json!("X.6.8")));
}

#[test]
fn replies_explanations_and_comparisons_serialize() {
    let reply = Reply::parse(b"550-5.1.1 No such\r\n550 5.1.1 user").unwrap();
    let v = serde_json::to_value(reply).unwrap();
    assert_eq!(v["code"], json!(550));
    assert_eq!(v["enhanced"], json!("5.1.1"));
    assert_eq!(v["lines"].as_array().unwrap().len(), 2);
    let v = serde_json::to_value(explain("550 5.1.1 User unknown").unwrap()).unwrap();
    assert_eq!(
        (v["reason"].clone(), v["retry"].clone(), v["bounce"].clone()),
        (json!("mailbox_unknown"), json!("never"), json!("hard"))
    );
    let v: Value = serde_json::to_value(compare(221, 535).unwrap()).unwrap();
    assert_eq!(
        (v["first"].clone(), v["second"].clone(), v["same_class"].clone()),
        (json!(221), json!(535), json!(false))
    );
    assert_eq!(v["differences"][0]["kind"], json!("outcome"));
    let v = serde_json::to_value(smtp_codes::Reply::parse(b"x").unwrap_err()).unwrap();
    assert_eq!(v["kind"], json!("invalid_code"));
}

/// Every public data type serializes (a compile-time check).
#[test]
fn every_public_data_type_is_serialize() {
    fn serialize<T: serde::Serialize + ?Sized>() {}
    use smtp_codes::provider::*;
    use smtp_codes::reference::*;
    use smtp_codes::reply::*;
    use smtp_codes::text::*;
    use smtp_codes::*;
    serialize::<ReplyCode>();
    serialize::<CodeTexts>();
    serialize::<Reference>();
    serialize::<Command>();
    serialize::<Standing>();
    serialize::<Class>();
    serialize::<Category>();
    serialize::<Locale>();
    serialize::<EnhancedCode>();
    serialize::<EnhancedStatus>();
    serialize::<StatusClass>();
    serialize::<StatusSubject>();
    serialize::<StatusPattern>();
    serialize::<Brief>();
    serialize::<Comparison>();
    serialize::<Difference>();
    serialize::<Reply<'static>>();
    serialize::<Line<'static>>();
    serialize::<ReplyText<'static>>();
    serialize::<Limits>();
    serialize::<ParseError>();
    serialize::<Error>();
    serialize::<Explanation>();
    serialize::<smtp_codes::text::Advice>();
    serialize::<smtp_codes::Failure>();
    serialize::<smtp_codes::ServerRole>();
    serialize::<Reason>();
    serialize::<Retry>();
    serialize::<Bounce>();
    serialize::<FixOwner>();
    serialize::<Provider>();
    serialize::<ProviderRule>();
}
