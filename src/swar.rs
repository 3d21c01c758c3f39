//! Eight bytes at a time ("SIMD within a register"): the one word trick the byte searches of
//! the reply parser, the reply finder and the bounce reader share.

/// `0x01` in every byte.
const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
const HI: u64 = 0x8080_8080_8080_8080;

/// The eight bytes `bytes[at..at + 8]` as one little-endian word: a fixed-size copy the compiler
/// turns into one load. The caller has checked that they are there.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Up to eight bytes from `bytes[at..]` as one little-endian word, zero-padded at the end.
#[inline(always)]
pub(crate) fn load(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    match bytes.get(at..at + 8) {
        // The common case, a fixed-size copy the compiler turns into one load (as `word_at`).
        Some(eight) => word.copy_from_slice(eight),
        // The last few bytes of a text of eight or more: its last eight, shifted down.
        None if at < bytes.len() && bytes.len() >= 8 => return load_tail(bytes, at),
        None => {
            let chunk = &bytes[at.min(bytes.len())..];
            word[..chunk.len()].copy_from_slice(chunk);
        }
    }
    u64::from_le_bytes(word)
}

/// The bytes from `bytes[at..]` as one word when fewer than eight are left, from a text of at
/// least eight bytes (`bytes.len() - 8 < at < bytes.len()`): the text's last eight bytes,
/// shifted so that `bytes[at]` is the first, zero above the end. One load, where a byte-by-byte
/// search of the last few bytes cost a loop and its mispredicted exit.
#[inline(always)]
pub(crate) fn load_tail(bytes: &[u8], at: usize) -> u64 {
    let start = bytes.len() - 8;
    word_at(bytes, start) >> (8 * (at - start))
}

/// The high bit of each byte of `word` equal to `byte`. The lowest set bit is exact (the first
/// match); a borrow may also mark bytes after a match, so later bits are candidates to check.
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (LO * u64::from(byte));
    x.wrapping_sub(LO) & !x & HI
}

/// The high bit of each byte of `x` from `lo` to `hi` (SWAR "has between": no carry or borrow
/// crosses a byte, so every byte's bit is exact).
#[inline(always)]
pub(crate) fn bytes_between(x: u64, lo: u8, hi: u8) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    let low = x & (L * 127);
    let (m, n) = (u64::from(lo) - 1, u64::from(hi) + 1);
    (L * (127 + n)).wrapping_sub(low) & !x & (low + L * (127 - m)) & (L * 128)
}

/// The index of the first set byte of a [`bytes_equal`] mask.
#[inline(always)]
pub(crate) fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The next `needle` in `bytes` at or after `from`, eight bytes at a time.
#[inline]
pub(crate) fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let found = bytes_equal(load(bytes, i), needle);
        if found != 0 {
            return Some(i + first(found));
        }
        i += 8;
    }
    // The last few bytes in one word: the zero bytes past the end equal no needle but 0.
    if needle != 0 && bytes.len() >= 8 && i < bytes.len() {
        let found = bytes_equal(load_tail(bytes, i), needle);
        return (found != 0).then(|| i + first(found));
    }
    bytes.get(i..)?.iter().position(|&b| b == needle).map(|p| i + p)
}

/// [`find_byte`] sixteen bytes at a time (two words per step) while sixteen are left: for a
/// byte that is rare in long texts, where the loop's own work is most of the search.
#[inline]
pub(crate) fn find_byte_wide(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    let mut i = from;
    while i + 16 <= bytes.len() {
        let (a, b) = (bytes_equal(load(bytes, i), needle), bytes_equal(load(bytes, i + 8), needle));
        if a | b != 0 {
            return Some(if a != 0 { i + first(a) } else { i + 8 + first(b) });
        }
        i += 16;
    }
    find_byte(bytes, i, needle)
}

/// The next `a` or `b` in `bytes` at or after `from`, eight bytes at a time (neither is 0).
#[inline(always)]
pub(crate) fn find_either(bytes: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    debug_assert!(a != 0 && b != 0, "the bytes past the end are 0");
    let mut i = from;
    while i + 8 <= bytes.len() {
        let word = load(bytes, i);
        let found = bytes_equal(word, a) | bytes_equal(word, b);
        if found != 0 {
            return Some(i + first(found));
        }
        i += 8;
    }
    if bytes.len() >= 8 && i < bytes.len() {
        // The last few bytes in one word (the zero bytes past the end are neither).
        let word = load_tail(bytes, i);
        let found = bytes_equal(word, a) | bytes_equal(word, b);
        return (found != 0).then(|| i + first(found));
    }
    bytes.get(i..)?.iter().position(|&c| c == a || c == b).map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_plain_search() {
        let text = b"abc:def\n;ghijklmnop:qrstuvwxyz\n0123456789";
        for needle in [b':', b'\n', b';', b'z', b'9', b'#'] {
            for from in 0..=text.len() {
                let want = text[from..].iter().position(|&b| b == needle).map(|p| from + p);
                assert_eq!(find_byte(text, from, needle), want, "{needle} from {from}");
            }
        }
        assert_eq!(load(b"ab", 0), u64::from_le_bytes(*b"ab\0\0\0\0\0\0"));
        assert_eq!(load_tail(b"0123456789", 5), u64::from_le_bytes(*b"56789\0\0\0"));
        for at in 0..=10 {
            let mut word = [0u8; 8];
            let rest = &b"0123456789"[at..];
            word[..rest.len().min(8)].copy_from_slice(&rest[..rest.len().min(8)]);
            assert_eq!(load(b"0123456789", at), u64::from_le_bytes(word), "{at}");
        }
        for (a, b) in [(b':', b';'), (b'(', b'C'), (b'z', b'0')] {
            for from in 0..=text.len() {
                let want = text[from..].iter().position(|&c| c == a || c == b).map(|p| from + p);
                assert_eq!(find_either(text, from, a, b), want, "{a} or {b} from {from}");
            }
        }
        let long = b"abc:def\n;ghijklmnop:qrstuvwxyz\n0123456789#abcdefghij#klmnopqrstuvwxyz:0123";
        for needle in [b':', b'\n', b';', b'z', b'9', b'#', b'!'] {
            for from in 0..=long.len() {
                assert_eq!(
                    find_byte_wide(long, from, needle),
                    find_byte(long, from, needle),
                    "{needle} from {from}"
                );
            }
        }
        assert_eq!(find_byte(b"0123456789", 5, 0), None);
        assert_eq!(find_byte(b"0123456\x0089", 5, 0), Some(7));
    }
}
