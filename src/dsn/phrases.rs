//! Several lists of lowercase phrases looked for in one pass over a text, ASCII
//! case-insensitively: the same answers as lowercasing the text and calling `str::contains` for
//! each phrase of each list, without the lowercase copy and the one search a phrase.
//!
//! Each position of the text tests the three bytes that end there in a bit set of the phrases'
//! first three bytes (hashed, in any case); where one may start, the phrases bucketed by their
//! first two bytes (lowercased) are compared.
//!
//! Why not the crate's automaton (`crate::scan`): these lists are read over whole report texts,
//! kilobytes long, for a few dozen phrases that match anywhere, not at a word start; the
//! automaton pays one dependent table load a byte (about 2.6 ns), where most positions here cost
//! one bit test. (Not measured side by side with the automaton. The command stage's phrases keep
//! `str::contains` one phrase at a time: through this table they took 18.8M instructions over
//! the bounce corpus against 11.5M.)

/// Buckets of the two-byte index (a power of two).
const BUCKETS: usize = 2048;

/// The bucket of two (lowercased) bytes.
#[inline(always)]
fn bucket(a: u8, b: u8) -> usize {
    ((usize::from(a) << 3) ^ usize::from(b)) & (BUCKETS - 1)
}

/// Hashes of three bytes (a power of two).
const TRIGRAMS: usize = 1 << 15;

/// The hash of the three bytes that end at `byte`, from the hash of those that end before it:
/// `(a << 10 ^ b << 5 ^ c) & (TRIGRAMS - 1)` for the bytes `a`, `b`, `c` (earlier bytes shift out).
#[inline(always)]
fn trigram(previous: usize, byte: u8) -> usize {
    ((previous << 5) ^ usize::from(byte)) & (TRIGRAMS - 1)
}

/// One phrase of a [`Phrases`] table: its bytes, its list and its index in that list.
#[derive(Debug)]
struct Entry {
    phrase: &'static [u8],
    list: u8,
    index: u8,
}

/// Up to eight lists of phrases (lowercase, at least two bytes each), indexed for one pass.
#[derive(Debug)]
pub(crate) struct Phrases {
    /// The entries, sorted by bucket (and within a bucket in list order).
    entries: Vec<Entry>,
    /// Where each bucket's entries start in `entries` (`BUCKETS + 1` offsets).
    start: Box<[u16; BUCKETS + 1]>,
    /// One bit for each hash of three bytes ([`trigram`], as they stand, in any case): whether a
    /// phrase may start with them. The one test most positions need.
    starts: Box<[u64; TRIGRAMS / 64]>,
}

/// What a pass found: for each list, the lowest index of a phrase found, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found([u8; 8]);

impl Found {
    /// Whether any phrase of list `list` is in the text.
    pub(crate) fn any(self, list: usize) -> bool {
        self.0[list] != u8::MAX
    }

    /// The lowest index (in its list) of the phrases of list `list` in the text.
    pub(crate) fn first(self, list: usize) -> Option<usize> {
        self.any(list).then_some(usize::from(self.0[list]))
    }
}

impl Phrases {
    /// The table of these lists. Every phrase must be lowercase and at least three bytes long, a
    /// list at most 254 phrases long.
    pub(crate) fn new(lists: &[&[&'static str]]) -> Self {
        assert!(lists.len() <= 8, "at most eight lists");
        let mut keyed: Vec<(usize, Entry)> = Vec::new();
        for (list, phrases) in lists.iter().enumerate() {
            assert!(phrases.len() < usize::from(u8::MAX), "a list of at most 254 phrases");
            for (index, phrase) in phrases.iter().enumerate() {
                let bytes = phrase.as_bytes();
                assert!(bytes.len() >= 3 && !bytes.iter().any(u8::is_ascii_uppercase), "{phrase}");
                #[allow(clippy::cast_possible_truncation)] // both checked above
                let entry = Entry { phrase: bytes, list: list as u8, index: index as u8 };
                keyed.push((bucket(bytes[0], bytes[1]), entry));
            }
        }
        // Stable: within a bucket, list order (the lowest index of a list is met first).
        keyed.sort_by_key(|(key, _)| *key);
        let mut start = Box::new([0u16; BUCKETS + 1]);
        let mut starts = Box::new([0u64; TRIGRAMS / 64]);
        for (key, entry) in &keyed {
            start[key + 1] += 1;
            let (a, b, c) = (entry.phrase[0], entry.phrase[1], entry.phrase[2]);
            for a in [a, a.to_ascii_uppercase()] {
                for b in [b, b.to_ascii_uppercase()] {
                    for c in [c, c.to_ascii_uppercase()] {
                        let hash = trigram(trigram(trigram(0, a), b), c);
                        starts[hash / 64] |= 1 << (hash % 64);
                    }
                }
            }
        }
        for i in 0..BUCKETS {
            start[i + 1] += start[i];
        }
        Self { entries: keyed.into_iter().map(|(_, e)| e).collect(), start, starts }
    }

    /// Finds, in one pass over `text`, which lists have a phrase in it (ASCII
    /// case-insensitively) and the lowest index of one. `stop` lists end the pass as soon as one
    /// of their phrases is found (a bit a list).
    pub(crate) fn scan(&self, text: &[u8], stop: u8) -> Found {
        let mut found = Found([u8::MAX; 8]);
        let [first, second, ..] = *text else { return found };
        let mut hash = trigram(trigram(0, first), second);
        for (i, &c) in text.iter().enumerate().skip(2) {
            hash = trigram(hash, c);
            if self.starts[hash / 64] & (1 << (hash % 64)) != 0 {
                let key = bucket(text[i - 2].to_ascii_lowercase(), text[i - 1].to_ascii_lowercase());
                if self.check(&text[i - 2..], key, &mut found, stop) {
                    return found;
                }
            }
        }
        found
    }

    /// Compares the phrases of bucket `key` with the start of `here`; `true` when one of a `stop`
    /// list is found.
    #[inline(never)]
    fn check(&self, here: &[u8], key: usize, found: &mut Found, stop: u8) -> bool {
        let (from, to) = (usize::from(self.start[key]), usize::from(self.start[key + 1]));
        for entry in &self.entries[from..to] {
            let list = usize::from(entry.list);
            if entry.index < found.0[list]
                && here.len() >= entry.phrase.len()
                && here[..entry.phrase.len()].eq_ignore_ascii_case(entry.phrase)
            {
                found.0[list] = entry.index;
                if stop & (1 << list) != 0 {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_lowercasing_and_contains() {
        let a: &[&str] = &["end of data", "final data", "after data", "dns error", "no mx"];
        let b: &[&str] = &["user unknown", "unknown user", "no such user", "virus", "nxdomain", "abc"];
        let table = Phrases::new(&[a, b]);
        let texts = [
            "",
            "x",
            "ab",
            "A",
            "550 5.1.1 User Unknown",
            "after END OF DATA: Virus found; no such user",
            "NO MX for example.com, unknown user",
            "no m",
            "\u{e9}\u{e9} DNS Error \u{e9}",
            "aBc",
            "ab",
            "xABC",
        ];
        for text in texts {
            let lower = text.to_ascii_lowercase();
            let found = table.scan(text.as_bytes(), 0);
            for (list, phrases) in [a, b].iter().enumerate() {
                assert_eq!(found.any(list), phrases.iter().any(|p| lower.contains(p)), "{text}");
                assert_eq!(found.first(list), phrases.iter().position(|p| lower.contains(p)), "{text}");
            }
            if found.any(0) {
                assert!(table.scan(text.as_bytes(), 1).any(0));
            }
        }
    }
}
