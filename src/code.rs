//! [`Code`]: any SMTP reply code from 200 to 599 as a `Copy` value, whether a standard defines
//! it or not.

use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

use crate::{Category, Class, Error, ReplyCode};

/// A reply code from 200 to 599, defined by a standard (535) or not (571): a small `Copy`
/// value like `http::StatusCode`, with the crate's table entry as an `Option`.
///
/// [`ReplyCode`] is the reference entry of one of the 45 codes the standards define; servers
/// send others too (Microsoft's 571, "250"-style vendor codes), and `Code` carries those as
/// well. `Display` is the code and, when the table knows it, its English name
/// (`"535 Authentication Failed"`, `"571"`); `Debug` is the number; serde writes the number.
///
/// ```
/// use smtp_codes::Code;
/// let code = Code::new(571).unwrap();
/// assert!(code.class().is_permanent());
/// assert!(code.entry().is_none()); // no standard defines 571
/// assert_eq!(code.to_string(), "571");
///
/// let code: Code = "535".parse().unwrap();
/// assert_eq!(code.entry().unwrap().name(), "Authentication Failed");
/// assert_eq!(code.to_string(), "535 Authentication Failed");
/// assert_eq!(code, 535);
/// assert_eq!(Code::new(42), None);
/// assert_eq!(Code::new(600), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(NonZeroU16);

impl Code {
    /// The code, or `None` when the number is not from 200 to 599.
    pub const fn new(code: u16) -> Option<Code> {
        match Class::of(code) {
            Some(_) => match NonZeroU16::new(code) {
                Some(code) => Some(Code(code)),
                None => None,
            },
            None => None,
        }
    }

    /// The code written as exactly three ASCII digits (`b"571"`).
    ///
    /// ```
    /// use smtp_codes::Code;
    /// assert_eq!(Code::from_bytes(b"571").unwrap().get(), 571);
    /// assert!(Code::from_bytes(b"0571").is_err());
    /// assert!(Code::from_bytes(b"150").is_err());
    /// ```
    pub const fn from_bytes(bytes: &[u8]) -> Result<Code, Error> {
        match bytes {
            [a @ b'0'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => {
                Code::from_u16((*a - b'0') as u16 * 100 + (*b - b'0') as u16 * 10 + (*c - b'0') as u16)
            }
            _ => Err(Error::UnknownName { kind: "reply code" }),
        }
    }

    /// Like [`new`](Self::new), with an error naming the number.
    pub const fn from_u16(code: u16) -> Result<Code, Error> {
        match Code::new(code) {
            Some(code) => Ok(code),
            None => Err(Error::NotAReplyCode(code)),
        }
    }

    /// The number.
    pub const fn get(self) -> u16 {
        self.0.get()
    }

    /// The class, from the first digit.
    pub const fn class(self) -> Class {
        match Class::of(self.get()) {
            Some(class) => class,
            None => Class::PermanentNegative, // unreachable: a Code is 200..=599
        }
    }

    /// The category, from the second digit, when it is one RFC 5321 defines (0 to 5).
    pub const fn category(self) -> Option<Category> {
        Category::of(self.get())
    }

    /// The crate's entry for the code, when a standard defines it.
    pub fn entry(self) -> Option<&'static ReplyCode> {
        crate::lookup(self.get())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}

impl fmt::Display for Code {
    /// `"535 Authentication Failed"`, or the bare number for a code no standard defines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entry() {
            Some(entry) => write!(f, "{entry}"),
            None => write!(f, "{}", self.get()),
        }
    }
}

impl FromStr for Code {
    type Err = Error;
    fn from_str(s: &str) -> Result<Code, Error> {
        Code::from_bytes(s.as_bytes())
    }
}

impl TryFrom<u16> for Code {
    type Error = Error;
    fn try_from(code: u16) -> Result<Code, Error> {
        Code::from_u16(code)
    }
}

impl TryFrom<&str> for Code {
    type Error = Error;
    fn try_from(code: &str) -> Result<Code, Error> {
        code.parse()
    }
}

impl From<Code> for u16 {
    fn from(code: Code) -> u16 {
        code.get()
    }
}

impl From<&ReplyCode> for Code {
    fn from(entry: &ReplyCode) -> Code {
        Code(NonZeroU16::new(entry.code()).unwrap_or(NonZeroU16::MIN))
    }
}

impl PartialEq<u16> for Code {
    fn eq(&self, other: &u16) -> bool {
        self.get() == *other
    }
}

impl PartialEq<Code> for u16 {
    fn eq(&self, other: &Code) -> bool {
        *self == other.get()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.get())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let code = <u16 as serde::Deserialize>::deserialize(deserializer)?;
        Code::new(code).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Unsigned(code.into()),
                &"a reply code from 200 to 599",
            )
        })
    }
}
