//! `str::split_inclusive('\n')` and `str::lines`, the line break found eight bytes at a time
//! ([`crate::swar::find_byte`]): the texts read here are mostly short lines, where the standard
//! library's `memchr` spends more on each call than on the bytes.

/// The lines of `text` with their `\n`, as `text.split_inclusive('\n')` gives them.
pub(crate) fn split_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = crate::swar::find_byte(rest.as_bytes(), 0, b'\n').map_or(rest.len(), |at| at + 1);
        // A '\n' is a whole character: both halves are text.
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// The lines of `text`, as `text.lines()` gives them: without their `\n` or `\r\n`.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    split_inclusive(text).map(|line| {
        let Some(line) = line.strip_suffix('\n') else { return line };
        line.strip_suffix('\r').unwrap_or(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_standard_library_splits() {
        let texts = [
            "",
            "\n",
            "\r\n",
            "a",
            "a\n",
            "a\r\nb",
            "a\n\nb\r\n\r\n",
            "\r",
            "a\r",
            "a\r\r\nb\n\r",
            "é\nü\r\n日本語\n",
            "a long line of more than eight bytes\nand another one, longer still\r\nend",
        ];
        for text in texts {
            assert_eq!(
                split_inclusive(text).collect::<Vec<_>>(),
                text.split_inclusive('\n').collect::<Vec<_>>()
            );
            assert_eq!(lines(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }
}
