//! [`Reply`]: a zero-copy parser for SMTP server replies (RFC 5321 §4.2, RFC 2034).

use core::fmt::{self, Display, Write as _};

use crate::{Class, EnhancedCode, ReplyCode};

/// Why bytes are not (yet) an SMTP reply. Every variant says what and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ParseError {
    /// The input holds no bytes (or only line ends).
    #[error("empty input: no reply line")]
    Empty,
    /// Only from [`Reply::parse_streaming`]: the reply is not finished yet. This is not bad
    /// input: read more bytes from the connection and parse again from the same start.
    #[error("incomplete reply: more bytes are needed")]
    Incomplete,
    /// A line does not start with a three-digit reply code whose first digit is 2 to 5.
    #[error("line {line}: does not start with a three-digit reply code from 200 to 599")]
    InvalidCode {
        /// The line, counting from 0.
        line: usize,
    },
    /// After the code comes neither a space, a hyphen nor the end of the line.
    #[error("line {line}: the reply code must be followed by a space, a hyphen or the line end")]
    InvalidSeparator {
        /// The line, counting from 0.
        line: usize,
    },
    /// A continuation line carries a different code than the first line.
    #[error("line {line}: code {found} differs from the reply's code {expected}")]
    MixedCodes {
        /// The line, counting from 0.
        line: usize,
        /// The code of the first line.
        expected: u16,
        /// The code found on this line.
        found: u16,
    },
    /// More bytes follow the reply's last line (only from [`Reply::parse`], which takes one
    /// whole reply; [`Reply::parse_streaming`] leaves them for the next reply).
    #[error("byte {offset}: data after the reply's last line")]
    TrailingData {
        /// Where the extra bytes begin.
        offset: usize,
    },
    /// A line is longer than [`Limits::max_line_length`].
    #[error("line {line}: longer than the limit of {limit} bytes")]
    LineTooLong {
        /// The line, counting from 0.
        line: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The reply has more lines than [`Limits::max_lines`].
    #[error("more than the limit of {limit} lines")]
    TooManyLines {
        /// The limit in force.
        limit: usize,
    },
}

/// Caps on what the parser accepts, so hostile input costs bounded time.
///
/// RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets including CRLF, but real servers send
/// longer lines (Microsoft 365 diagnostic texts pass 1,000 bytes), so the default allows 8,192
/// bytes per line, and 1,000 lines, far beyond any real `EHLO` list. A client can raise or lower
/// both with [`Reply::parse_with`] and [`Reply::parse_streaming_with`].
///
/// ```
/// use smtp_codes::Reply;
/// use smtp_codes::reply::Limits;
/// let limits = Limits::DEFAULT.with_max_lines(5000).with_max_line_length(64 * 1024);
/// assert!(Reply::parse_with(b"250 ok", limits).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Limits {
    /// The longest line accepted, in bytes, without its line end.
    pub max_line_length: usize,
    /// The most lines one reply may have.
    pub max_lines: usize,
}

impl Limits {
    /// The RFC 5321 §4.5.3.1.5 limit (510 bytes of text per line) and at most 100 lines.
    pub const STRICT: Limits = Limits { max_line_length: 510, max_lines: 100 };
    /// 8,192 bytes per line, 1,000 lines.
    pub const DEFAULT: Limits = Limits { max_line_length: 8192, max_lines: 1000 };

    /// These limits with another longest line, in bytes without the line end.
    pub const fn with_max_line_length(self, max_line_length: usize) -> Limits {
        Limits { max_line_length, ..self }
    }

    /// These limits with another most lines per reply.
    pub const fn with_max_lines(self, max_lines: usize) -> Limits {
        Limits { max_lines, ..self }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// An SMTP reply, borrowed from the bytes it was parsed from.
///
/// ```
/// use smtp_codes::Reply;
/// let reply = Reply::parse(b"250-mx.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n").unwrap();
/// assert_eq!(reply.code(), 250);
/// assert_eq!(reply.lines().count(), 3);
/// assert_eq!(reply.text().to_string(), "mx.example.com PIPELINING 8BITMIME");
///
/// let reply = Reply::parse(b"535 5.7.8 Bad credentials").unwrap(); // line end optional
/// assert_eq!(reply.enhanced().unwrap().to_string(), "5.7.8");
/// assert_eq!(reply.reply_code().unwrap().name(), "Authentication Failed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reply<'a> {
    raw: &'a [u8],
    skipped: usize,
    code: u16,
    line_count: usize,
    enhanced: Option<EnhancedCode>,
}

/// Finds the next `\n` at or after `from`, sixteen bytes at a time.
#[inline]
pub(crate) fn find_newline(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::swar::{bytes_equal, first, load};
    let mut i = from;
    while i + 16 <= bytes.len() {
        let (a, b) = (bytes_equal(load(bytes, i), b'\n'), bytes_equal(load(bytes, i + 8), b'\n'));
        if a | b != 0 {
            return Some(if a != 0 { i + first(a) } else { i + 8 + first(b) });
        }
        i += 16;
    }
    crate::swar::find_byte(bytes, i, b'\n')
}

/// The code at the start of a line, if it is three digits with a first digit of 2 to 5.
#[inline]
pub(crate) fn line_code(line: &[u8]) -> Option<u16> {
    match line {
        [a @ b'2'..=b'5', b @ b'0'..=b'9', c @ b'0'..=b'9', ..] => {
            Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
        }
        _ => None,
    }
}

/// One physical line: its content without the line end, and where the next line begins.
#[inline(always)]
fn split_line(bytes: &[u8], start: usize, streaming: bool) -> Option<(&[u8], usize)> {
    match find_newline(bytes, start) {
        Some(nl) => {
            let end = if nl > start && bytes[nl - 1] == b'\r' { nl - 1 } else { nl };
            Some((&bytes[start..end], nl + 1))
        }
        None if streaming => None,
        None => {
            let end = if bytes.last() == Some(&b'\r') { bytes.len() - 1 } else { bytes.len() };
            Some((&bytes[start..end.max(start)], bytes.len()))
        }
    }
}

impl<'a> Reply<'a> {
    /// Parses one whole reply held in memory; the final line end is optional.
    ///
    /// Line ends may be CRLF or bare LF. Bytes after the last line other than white space are an
    /// error ([`ParseError::TrailingData`]); use [`parse_streaming`](Self::parse_streaming) for
    /// pipelined replies.
    #[inline]
    pub fn parse(bytes: &'a [u8]) -> Result<Reply<'a>, ParseError> {
        Reply::parse_with(bytes, Limits::DEFAULT)
    }

    /// [`parse`](Self::parse) with explicit [`Limits`].
    #[inline]
    pub fn parse_with(bytes: &'a [u8], limits: Limits) -> Result<Reply<'a>, ParseError> {
        let reply = Reply::parse_inner(bytes, false, limits)?;
        let rest = &bytes[reply.consumed()..];
        match rest.iter().position(|b| !b.is_ascii_whitespace()) {
            None => Ok(reply),
            Some(offset) => Err(ParseError::TrailingData { offset: reply.consumed() + offset }),
        }
    }

    /// Parses the reply at the start of bytes read from a connection.
    ///
    /// Every line must end with a line end. While the reply is unfinished (no line end yet, or
    /// the last complete line is a continuation `250-…`) this returns
    /// [`ParseError::Incomplete`]: read more and call again. On success,
    /// [`consumed`](Self::consumed) says how many bytes the reply used, so the next pipelined
    /// reply starts there.
    ///
    /// ```
    /// use smtp_codes::{ParseError, Reply};
    /// assert_eq!(Reply::parse_streaming(b"250-PIPELINING\r\n250 SIZE"), Err(ParseError::Incomplete));
    /// let input = b"250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n";
    /// let first = Reply::parse_streaming(input).unwrap();
    /// let second = Reply::parse_streaming(&input[first.consumed()..]).unwrap();
    /// assert_eq!(second.enhanced().unwrap().to_string(), "2.1.5");
    /// ```
    pub fn parse_streaming(bytes: &'a [u8]) -> Result<Reply<'a>, ParseError> {
        Reply::parse_inner(bytes, true, Limits::DEFAULT)
    }

    /// [`parse_streaming`](Self::parse_streaming) with explicit [`Limits`].
    pub fn parse_streaming_with(bytes: &'a [u8], limits: Limits) -> Result<Reply<'a>, ParseError> {
        Reply::parse_inner(bytes, true, limits)
    }

    fn parse_inner(bytes: &'a [u8], streaming: bool, limits: Limits) -> Result<Reply<'a>, ParseError> {
        let mut start = 0;
        // Blank lines before the reply carry nothing; a reply needs at least one line.
        while start < bytes.len() && (bytes[start] == b'\n' || bytes[start..].starts_with(b"\r\n")) {
            start += if bytes[start] == b'\n' { 1 } else { 2 };
        }
        if start >= bytes.len() {
            return Err(if streaming && bytes.is_empty() {
                ParseError::Incomplete
            } else {
                ParseError::Empty
            });
        }
        let body = start;
        let mut code = 0;
        let mut enhanced = None;
        let mut line = 0;
        loop {
            if line >= limits.max_lines {
                return Err(ParseError::TooManyLines { limit: limits.max_lines });
            }
            let Some((content, next)) = split_line(bytes, start, streaming) else {
                if bytes.len() - start > limits.max_line_length + 4 {
                    return Err(ParseError::LineTooLong { line, limit: limits.max_line_length });
                }
                return Err(ParseError::Incomplete);
            };
            if content.len() > limits.max_line_length {
                return Err(ParseError::LineTooLong { line, limit: limits.max_line_length });
            }
            let found = line_code(content).ok_or(ParseError::InvalidCode { line })?;
            if line == 0 {
                code = found;
            } else if found != code {
                return Err(ParseError::MixedCodes { line, expected: code, found });
            }
            let last = match content.get(3) {
                None | Some(b' ') => true,
                Some(b'-') => false,
                Some(_) => return Err(ParseError::InvalidSeparator { line }),
            };
            if line == 0 {
                enhanced = content.get(4..).and_then(leading_enhanced);
            }
            line += 1;
            start = next;
            let at_end = start >= bytes.len();
            if at_end && !last && streaming {
                return Err(ParseError::Incomplete);
            }
            // The last line, or (for a whole reply) the end of the input while the last line is
            // still a continuation: take what is there.
            if last || at_end {
                return Ok(Reply {
                    raw: &bytes[body..start],
                    skipped: body,
                    code,
                    line_count: line,
                    enhanced,
                });
            }
        }
    }

    /// The three-digit reply code.
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The class of the reply, from its first digit.
    pub const fn class(&self) -> Class {
        match Class::of(self.code) {
            Some(class) => class,
            None => Class::PermanentNegative, // unreachable: the parser accepts 200..=599 only
        }
    }

    /// What the crate knows about the code, when a standard defines it.
    pub fn reply_code(&self) -> Option<&'static ReplyCode> {
        crate::lookup(self.code)
    }

    /// The RFC 2034 enhanced status code at the start of the first line's text, exactly as the
    /// server wrote it, even when its class contradicts the reply code.
    pub const fn enhanced(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The enhanced status to act on, by Postfix's rule: a code whose class digit differs from
    /// the reply's first digit (`554 4.4.7 …`) is not trusted, and the generic `X.0.0` of the
    /// reply's class stands in for it (`5.0.0`); positive intermediate (3xx) replies carry no
    /// enhanced status. `None` when the server gave no enhanced code.
    ///
    /// ```
    /// use smtp_codes::Reply;
    /// let reply = Reply::parse(b"554 4.4.7 Message expired").unwrap();
    /// assert_eq!(reply.enhanced().unwrap().to_string(), "4.4.7");
    /// assert_eq!(reply.effective_enhanced().unwrap().to_string(), "5.0.0");
    /// ```
    pub fn effective_enhanced(&self) -> Option<EnhancedCode> {
        let written = self.enhanced?;
        let class = (self.code / 100) as u8;
        match class {
            3 => None,
            _ if written.class == class => Some(written),
            _ => EnhancedCode::new(class, 0, 0),
        }
    }

    /// The reply's lines, in order.
    pub fn lines(&self) -> Lines<'a> {
        Lines { rest: self.raw, remaining: self.line_count }
    }

    /// How many lines the reply has.
    pub const fn line_count(&self) -> usize {
        self.line_count
    }

    /// The bytes of the reply as received, including line ends.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.raw
    }

    /// How many bytes of the input the reply used (from the start of the input, including any
    /// blank lines before it and the final line end).
    pub fn consumed(&self) -> usize {
        self.skipped + self.raw.len()
    }

    /// The text of all lines joined with a space: the first line as written (with its enhanced
    /// code), the repeated enhanced code stripped from continuation lines. Bytes that are not
    /// UTF-8 show as U+FFFD. Formatting allocates nothing.
    pub fn text(&self) -> ReplyText<'a> {
        ReplyText { reply: *self, strip_first: false }
    }

    /// Like [`text`](Self::text), without the enhanced code on the first line either: only what
    /// the server says in words.
    ///
    /// ```
    /// let reply = smtp_codes::Reply::parse(b"550-5.1.1 No such\r\n550 5.1.1 user").unwrap();
    /// assert_eq!(reply.text().to_string(), "5.1.1 No such user");
    /// assert_eq!(reply.message().to_string(), "No such user");
    /// ```
    pub fn message(&self) -> ReplyText<'a> {
        ReplyText { reply: *self, strip_first: true }
    }

    /// Writes the reply in wire form, every line with CRLF. Parsing the output gives an equal
    /// reply (same code, enhanced code and line texts).
    pub fn write_to(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        for line in self.lines() {
            write!(out, "{}{}", self.code, if line.is_last() { ' ' } else { '-' })?;
            write_lossy(out, line.as_bytes())?;
            out.write_str("\r\n")?;
        }
        Ok(())
    }
}

/// The enhanced code at the start of a line's text (RFC 2034 position) with the bytes it uses,
/// when a space, a tab or the line end follows it.
fn leading_enhanced_prefix(text: &[u8]) -> Option<(EnhancedCode, usize)> {
    let (code, used) = EnhancedCode::parse_prefix(text)?;
    matches!(text.get(used), None | Some(b' ' | b'\t')).then_some((code, used))
}

/// The enhanced code at the start of a line's text, when a space or the line end follows it.
pub(crate) fn leading_enhanced(text: &[u8]) -> Option<EnhancedCode> {
    leading_enhanced_prefix(text).map(|(code, _)| code)
}

/// `text` without a leading enhanced code and the spaces after it.
pub(crate) fn strip_enhanced(text: &[u8]) -> &[u8] {
    match leading_enhanced_prefix(text) {
        Some((_, used)) => {
            let rest = &text[used..];
            let spaces = rest.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
            &rest[spaces..]
        }
        None => text,
    }
}

pub(crate) fn write_lossy(out: &mut dyn fmt::Write, bytes: &[u8]) -> fmt::Result {
    for chunk in bytes.utf8_chunks() {
        out.write_str(chunk.valid())?;
        if !chunk.invalid().is_empty() {
            out.write_char(char::REPLACEMENT_CHARACTER)?;
        }
    }
    Ok(())
}

/// One line of a [`Reply`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Line<'a> {
    text: &'a [u8],
    last: bool,
}

impl<'a> Line<'a> {
    /// The line's text as the server sent it: the bytes after the code and its separator,
    /// without the line end; trailing spaces kept.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.text
    }

    /// The text, when it is UTF-8.
    pub fn as_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.text).ok()
    }

    /// The text with bytes that are not UTF-8 shown as U+FFFD (GBK from QQ Mail, Latin-1 from
    /// old servers), formatted without allocating.
    pub fn text_lossy(&self) -> impl Display + 'a {
        Lossy(self.text)
    }

    /// Whether this is the reply's last line (code followed by a space, or a bare code).
    pub const fn is_last(&self) -> bool {
        self.last
    }
}

struct Lossy<'a>(&'a [u8]);

impl Display for Lossy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_lossy(f, self.0)
    }
}

/// The lines of a [`Reply`]; see [`Reply::lines`].
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    rest: &'a [u8],
    remaining: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.remaining == 0 {
            return None;
        }
        let (content, next) = split_line(self.rest, 0, false)?;
        self.rest = &self.rest[next..];
        self.remaining -= 1;
        let text = content.get(4..).unwrap_or_default();
        Some(Line { text, last: self.remaining == 0 || content.get(3) != Some(&b'-') })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Lines<'_> {}

/// The text of a reply's lines joined with spaces; see [`Reply::text`]. Implements `Display`.
#[derive(Debug, Clone, Copy)]
pub struct ReplyText<'a> {
    reply: Reply<'a>,
    strip_first: bool,
}

impl<'a> ReplyText<'a> {
    /// The pieces of text in order (one per line, enhanced codes stripped as documented); join
    /// them with single spaces to get the text.
    pub fn segments(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let has_enhanced = self.reply.enhanced.is_some();
        let strip_first = self.strip_first;
        self.reply.lines().enumerate().map(move |(i, line)| {
            if has_enhanced && (i > 0 || strip_first) { strip_enhanced(line.text) } else { line.text }
        })
    }
}

impl Display for ReplyText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in self.segments() {
            if segment.is_empty() {
                continue;
            }
            if !first {
                f.write_char(' ')?;
            }
            first = false;
            write_lossy(f, segment)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Line<'_> {
    /// The text (lossy UTF-8) and whether it is the last line.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Line", 2)?;
        s.serialize_field("text", &SerializeDisplay(Lossy(self.text)))?;
        s.serialize_field("last", &self.last)?;
        s.end()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReplyText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Reply<'_> {
    /// `{"code": 550, "enhanced": "5.1.1", "lines": [{"text": …, "last": …}], "text": …}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct LinesOf<'a>(Reply<'a>);
        impl serde::Serialize for LinesOf<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.lines())
            }
        }
        let mut s = serializer.serialize_struct("Reply", 4)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("enhanced", &self.enhanced)?;
        s.serialize_field("lines", &LinesOf(*self))?;
        s.serialize_field("text", &self.text())?;
        s.end()
    }
}

/// Serializes any `Display` as a string, without allocating.
#[cfg(feature = "serde")]
struct SerializeDisplay<T>(T);

#[cfg(feature = "serde")]
impl<T: Display> serde::Serialize for SerializeDisplay<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl Display for Reply<'_> {
    /// The reply in wire form, lines separated by CRLF.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}
