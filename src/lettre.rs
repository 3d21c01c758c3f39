//! Explain `lettre` 0.11 SMTP errors (feature `lettre`).
