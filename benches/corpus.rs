//! `explain_text` against `Reply::parse` and against Sisimai on every reply of the corpora, in one
//! run (issue #11, item 5: "One pass").
//!
//! Inputs, built once at start-up: every reply of `tests/data/corpus/replies.tsv` (85) and
//! `tests/data/corpus/dev.tsv` (9,701 after the twelfth round, 9,419 after the eleventh, 8,635 after the tenth, 7,564 after
//! the ninth, 7,291 after the sixth, 5,533 after the fifth, 4,024 after the fourth, 1,610 before
//! it): 9,786 in all now
//! (the README's Performance section has the current figures; the tables below are the history
//! of the first rounds). For `explain_text` and `explain` a reply is its lines
//! joined with CRLF (`\xHH` decoded, then lossily to UTF-8, as `tests/accuracy.rs` reads them);
//! for `Reply::parse` it is the wire form, every line ending in CRLF. A reply that a function
//! rejects is still counted: every function gets every reply.
//!
//! - `corpus/explain_text`: `Reply::parse`, `explain` and `explain_text` over every reply;
//!   the goal is `explain_text` at most 10× `Reply::parse` (issue #11 measured 66×; on the first
//!   1,695 replies it was 145× before the one-pass automaton, 27× with it, 18× after the third
//!   round; on the 4,109 of the fourth round it was 24.4× then and 23.2× with the fifth round's
//!   code; on all 5,618 of the fifth round, with its rules, 25.0×: the new rows are longer texts;
//!   23.2× after the sixth round; on the 6,734 of the sixth round's third batch, 25.0× before its changes and 23.0×
//!   after them).
//! - Then, outside criterion and in the same process, a per-reply comparison with Sisimai 4.25
//!   (Debian's `libsisimai-perl`): `benches/sisimai_reason.pl` times `Sisimai->match($text)`
//!   (Sisimai's "reason from an error text" entry point: the fairest per-reply path, no email
//!   to parse) and `Sisimai->make` on a minimal RFC 3464 bounce per reply (the whole pipeline),
//!   on the same replies; this bench times `explain_text` the same way (best of several rounds of
//!   wall-clock time over all replies) and prints µs per reply for both and the ratios. The goal
//!   is `explain_text` at least 200× faster than Sisimai per reply. Without `perl` or Sisimai the
//!   comparison is skipped with a message (CI only compiles the benches).
//!
//! Figures measured on the development machine (2 vCPUs shared with other jobs, load ≈ 4–9: a
//! single dependent L1 load per byte costs 3.6 ns there, so absolute times are several times
//! those of a quiet machine; the ratios are taken in one run). Per reply, best of the rounds; each
//! column is one run:
//!
//! | per reply (1,695 replies; the last column all 4,109) | bucketed scans | one automaton (before) | one automaton, two runs at once | with this round's rules | leaner passes | shorter chain, fewer passes | fewer searches, fewer re-readings (now; 4,109 replies) |
//! |---|---|---|---|---|---|---|---|
//! | `Reply::parse` | 0.019 µs | 0.0188 µs | 0.0185 µs | 0.0186 µs | 0.0177 µs | 0.0176 µs | 0.0166 µs |
//! | `explain` | 1.06 µs (57×) | 0.377 µs (20×) | 0.275 µs (15×) | 0.365 µs (20×) | 0.339 µs (19×) | 0.277 µs (15.7×) | 0.2500 µs (15.1×) |
//! | `explain_text` | 2.72 µs (145×) | 0.502 µs (27×) | 0.358 µs (19×) | 0.477 µs (26×) | 0.440 µs (25×) | 0.320 µs (18.1×) | 0.3843 µs (23.2×) |
//! | Sisimai 4.25.15 `Sisimai->match` | 48 µs (18× `explain_text`) | 47.7 µs (95× `explain_text`) | 60.4 µs (169× `explain_text`) | 47.5 µs (100×) | 72.1 µs (164×) | 47.1 µs (147×) | 47.91 µs (125×) |
//! | Sisimai 4.25.15 `Sisimai->make` (one bounce) | 597 µs (220×) | 635 µs (1,266×) | 591 µs (1,652×) | 613 µs (1,286×) | 1,095 µs (2,490×) | 579 µs (1,809×) | 567 µs (1,475×) |
//!
//! The "with this round's rules" column is the tree with that round's wording rules merged:
//! 10,184 automaton states (27,957 four-byte slots, 112 KB, up from 7,633 states in 83 KB),
//! multi-line replies read across their lines, the bare-statement and sender-code decisions.
//! Reading more wording costs about a third of the speed the two-runs change had won; neither
//! goal (≤ 10× `Reply::parse`, ≥ 200× Sisimai) is met.
//!
//! The "leaner passes" column is one run of this bench at load ≈ 4 (Sisimai was slowed by it:
//! its ratios in that column are not a gain of this crate). The same tree against the one
//! before it, measured by a driver outside the crate that alternates the two builds (best of 300
//! rounds, three times each): `explain` 0.359 → 0.314 µs, `explain_text` 0.498 → 0.429 µs a
//! reply (−13%, −14%), `Reply::parse` 0.0185 µs in both; in instructions (callgrind, per reply)
//! `explain` 3,906 → 3,251 and `explain_text` 6,010 → 4,600 (`Reply::parse` ≈ 370). What
//! changed: the scanner's inner loop stops only at a state with an output (one test for both
//! runs, not inlined so that it keeps its registers), the bare-statement check stops reading at
//! the first word that begins no statement (it read every short refusal to its end: 0.05 µs a
//! reply, mostly mispredicted branches), provider rules test their codes before searching their
//! text, and the multi-line check and the reply finder search and parse less. Measured alone on
//! the corpus now: the automaton 0.184 µs a reply, finding the reply 0.095 µs, the rest (reading
//! the reply's lines, deciding) ≈ 0.15 µs. Tried and dropped: an `if` for the slot-or-default
//! choice (the compiler makes it a branch: faster alone, 10% slower in `explain_text`), default
//! rows padded to 256 classes (one shift less a byte, no measurable gain), the reply finder's
//! code search eight positions at a time (slower: three range tests a word), and a branch-free
//! word reader (its chain through the length is as slow as the mispredictions).
//!
//! The "shorter chain, fewer passes" column is one run at load ≈ 2.4 (a second run: `explain`
//! 0.288 µs (16.3×), `explain_text` 0.331 µs (18.8×), Sisimai `match` 47.4 µs (143×); criterion's
//! means 0.018, 0.287 and 0.334 µs a reply). The same tree against the "leaner passes" one,
//! alternated by the outside driver (best of 400 rounds, four times each): `explain_text` 0.4375
//! → 0.3214 µs (−27%), `explain` 0.315 → 0.276 µs (−12%); in instructions (callgrind, per reply)
//! `explain_text` 4,604 → 3,272 and `explain` 3,247 → 2,805, with identical results on the corpus.
//! What changed:
//!
//! - The scanner's transition is the smaller of two values: the slot xor the byte's key (the
//!   next state when the slot is the state's, else at least `1 << 26`) and the default (every
//!   default carries a flag above every state), compiled to a conditional move; a state's base
//!   is its low bits (no shift), the default row is read from the byte before (a state's row is
//!   that of the byte that led to it), and one 512-entry table gives a byte's class, check, next
//!   row and default, so that the chain of states is mask, load, xor, compare, conditional move
//!   (it was shift, add, load, xor, and a mask of four operations). The slots are padded to the
//!   base mask and 256 classes past it, so that the slot load takes no bounds check (132 KB of
//!   slots, 121 KB of them used). The loop of two runs went from 45 to 30 instructions for two
//!   bytes. The states are packed breadth first, so that the hottest 16 KB of slots serve 83% of
//!   the slot loads on the corpus (76% largest rows first). The single run is not inlined, and
//!   the meeting steps read their rows from the bytes.
//! - The reply finder has a fast path for a text that starts with its reply (about 1,580 of the
//!   1,695): when the code at the start scores more than 3, only candidates after a marker, at a
//!   line start, or five or six bytes before a `.` (an enhanced code right after them) can
//!   outrank it, so one pass over `:`, `;`, line feeds, `(` and `#` (and one over `.` when it
//!   scores less than 7) replaces the byte-by-byte scan, lettre's search, the paragraph's search
//!   and the region's `#` status search; the enhanced code and the prefix after the leading code
//!   are parsed once. Unit tests check the fast path against the full scan on the corpora and on
//!   random texts.
//! - The bare-statement reader compares a word with a statement only when their first letters
//!   agree (each comparison was a call to `memcmp`).
//!
//! The fourth round then doubled the phrase tables (1,147 keyword phrases; 13,140 states, 38,702
//! exceptions in slots padded to 2^16 + 256: 267 KB) and the corpus (4,109 replies and bounce
//! texts, many longer: client libraries' errors, bounce prose). One run of this bench on the
//! final tree at load ≈ 1, over all 4,109: `Reply::parse` 0.0169 µs, `explain` 0.2895 µs
//! (17.1×), `explain_text` 0.4140 µs (24.4×), Sisimai `match` 48.09 µs (116× `explain_text`),
//! `make` 573 µs (1,385×). The same tree over the 1,695 replies of the columns above (the corpus
//! cut back to them for one run): `explain` 0.2874 µs (16.3×), `explain_text` 0.3662 µs
//! (20.7×), Sisimai `match` 46.88 µs (128×): the larger automaton costs about 14% against the
//! "shorter chain" column, and the round as a whole is 16% faster than the "leaner passes" tree
//! on the same replies. Neither goal is met.
//!
//! Tried and dropped this round, each against the tree before it by the alternating driver
//! (`explain_text` unless said): three runs at once (cuts at thirds, a generic loop of `N` runs:
//! +6%; the same generic loop with two runs +1.3%), a cut nearest the middle instead of after it
//! (+0.6%), `SPLIT_MIN` 20 (+3%) or 48 (+1%), the two-run loop unrolled to two bytes a round (no
//! gain; −3% in `explain`), outputs noted in a buffer instead of leaving the loop (+6%
//! instructions, no gain), byte classes numbered by how often the patterns use them (no gain over
//! breadth first), the multi-line check's search by digit pairs (2% more instructions, time within
//! the noise) and the finder's `.` pass folded into its boundary pass (fewer instructions, 0.7%
//! slower); the byte table read as two u32 loads instead of one u64, timed alone, gained
//! nothing. Command phrases and delay leads matched at word starts only would shrink the
//! automaton by 13% of its exceptions and gain 0.6%, with the same results on the corpus; not
//! done (it changes what matches). Skipping the rest of a word when the automaton is back in its
//! start state would spare at most 9% of the bytes (the corpus: 10,491 of 115,317 bytes are read
//! in that state inside a word and leave it unchanged).
//!
//! The final tree of the fifth round (its rules merged: 1,249 keyword phrases, 14,353 states)
//! over all 5,618 replies, one run: `Reply::parse` 0.0171 µs, `explain` 0.2569 µs (15.0×),
//! `explain_text` 0.4262 µs (25.0×), Sisimai `match` 50.21 µs (118× `explain_text`), `make`
//! 738 µs (1,732×).
//!
//! The "fewer searches, fewer re-readings" column (the fifth round) is one run at load ≈ 2.2 over
//! all 4,109 replies: against the fourth round's run over the same replies (`explain` 0.2895 µs,
//! 17.1×; `explain_text` 0.4140 µs, 24.4×; Sisimai `match` 116×). Criterion's means in that run:
//! 0.0185, 0.274 and 0.422 µs a reply. Against the fourth round's tree, alternated by the outside
//! driver (best of 300 rounds, five times each): `explain_text` 0.4095 → 0.3860 µs (−5.7%),
//! `explain` 0.2815 → 0.2496 µs (−11.3%); in instructions (callgrind, per reply over the 4,109)
//! `explain_text` 3,825 → 3,459 (−9.6%), `explain` 2,531 → 2,313 (−8.6%), `Reply::parse` 326 in
//! both; every explanation of the corpora and of Sisimai's cases (with and without their
//! command, and variants of each text: its lines alone, halves, upper case, with a prefix) is the
//! same before and after. What changed, no change to the automaton or its tables:
//!
//! - lettre's `Debug` form is looked for at each `C` in turn (eight bytes at a time between them),
//!   not by comparing a 17-byte window at every byte of a text that does not start with its reply
//!   (3.3% of `explain_text`'s instructions);
//! - the reply finder's search for a later reply (`next_reply`) also notes the first repeated
//!   prefix of the reply's own code, so whether the reply is continued over lines is known without
//!   a second search of its text (2.9%);
//! - `find_ignore_case` (the providers' text conditions, `deferred`, Exim's "retry timeout
//!   exceeded") searches the needle's first byte eight bytes at a time, both cases at once, where
//!   it compared a window at every byte (2.6%), and `status_only` searches for the dots (1%);
//! - `explain` reads the segments of a reply of up to four lines once (the decision visited them
//!   again, finding the line ends anew each time; qmail's `(#5.7.1)` is looked for in them too),
//!   and does not trim a reply that begins and ends with a visible ASCII character (`explain`
//!   −8.6% in all).
//!
//! Measured alone in this round: without the main scan `explain_text` takes 0.186 µs a reply
//! instead of 0.385 (the automaton is half the time and 43% of the instructions, the reply finder
//! about 30% of the instructions), and the bare-statement check about 0.015 µs.
//!
//! Tried and dropped in the fifth round (callgrind instructions and the alternating driver, against
//! the tree before each): passing over the leading bytes that leave the automaton in its start
//! state (the start state and the root it takes inside a word go to the same one of the two on
//! them, worked out at compile time: the digits but `8`, `.`, `-`, a space after a word): for any
//! text +1.4% instructions and +1% time, for the reply's own prefix (`550 5.7.1 `, known to the
//! finder) −0.5% instructions and no change in time — the automaton reads those bytes from hot
//! slots, two runs at once. Choosing the next state's base apart from the state, so that no mask
//! follows the conditional move on the chain: LLVM makes it a branch (+22%). The byte table as
//! two u32 tables (+1.1% instructions, time within the noise). `:` and `;` found by one
//! comparison in the finder's boundary search (+0.4% instructions: the code around it changed).
//! `find_ignore_case` by the needle's least common byte (chosen at run time: +0.8%; constant for
//! `deferred`'s two needles: −0.2%, no change in time). The bare-statement reader token by token,
//! with a first-letter mask, with its state in locals, or skipping the rest of a token once it
//! holds a digit: at best −0.8% instructions, and each 0.3–1% slower in time (its branches are
//! mispredicted more); one of them was committed and reverted.
//!
//! The sixth round (the fifth round's rules and corpus, no change to the automaton or its tables)
//! made mispredicted branches, not instructions, fewer. One run of this bench on its final tree
//! over all 5,618 replies (load ≈ 1.2): `Reply::parse` 0.0169 µs, `explain` 0.2412 µs (14.3×),
//! `explain_text` 0.3920 µs (23.2×), Sisimai `match` 49.83 µs (127× `explain_text`), `make` 706 µs
//! (1,802×); criterion's means 0.0182, 0.259 and 0.421 µs a reply. The fifth round's final tree,
//! benched right after it: `Reply::parse` 0.0169 µs, `explain` 0.2577 µs (15.3×), `explain_text`
//! 0.4181 µs (24.8×), Sisimai `match` 49.65 µs (119×), `make` 605 µs; criterion's means 0.0183,
//! 0.281 and 0.454 µs (`explain_text` −6.2% best of 100, −7.3% in criterion's means; `explain`
//! −6.4% and −7.6%). Against that tree, alternated by the outside driver (best of 400 rounds, three
//! times each): `explain_text` 0.4233 → 0.3915 µs (−7.5%), `explain` 0.2602 → 0.2433 µs (−6.5%),
//! and that driver's `Reply::parse` (a call across crates: 0.030 µs there) −18%, as it finds its
//! line ends with the same byte search (in this bench, 0.0169 µs before and after); in instructions
//! (callgrind, per reply) `explain_text` 3,728 → 3,672, `explain` 2,320 → 2,294, `Reply::parse` 343
//! → 336, and callgrind's branch simulation counts 25.0 mispredicted conditional branches a reply
//! in `explain_text` where it counted 29.9 (the machine has no performance counters to measure
//! them). Every explanation of the corpora and of Sisimai's cases (through `explain_text`,
//! `explain` and `Explanation::from_reply`, and variants of each text: upper case, halves, its
//! lines, two prefixes) is the same before and after. What changed:
//!
//! - The byte searches (`swar::find_byte`, the reply finder's boundary and marker searches) read
//!   the last few bytes of a text as one word, the text's last eight shifted into place, where they
//!   read them one by one: that loop's exit, after a varying count, was mispredicted in most
//!   searches. −6.9% in `explain_text` with the third item (which alone measured −0.6%), with about
//!   as many instructions.
//! - The scanner finds where to cut a text (the first byte after its middle that is not
//!   alphanumeric) in one word of eight bytes, for the same reason (−1.3%).
//! - The search for a later reply starts after the enhanced code the fast path parsed after the
//!   leading code (the code's first digit begins that enhanced code, and was read as a candidate in
//!   every such reply), and a text that ends with a visible ASCII character is not trimmed before
//!   the check for Exim's give-up: −1.6% instructions, time within the noise.
//!
//! Measured in the sixth round: with the scan's findings left empty (its cost removed, the decision
//! then has less to do) `explain_text` takes 0.248 µs instead of 0.424 and 2,318 instructions
//! instead of 3,728: the scan costs about as much time per instruction as the rest, and L1 misses
//! explain little of it (callgrind's cache simulation, 32 KB: 18 misses a reply, 13 of them in the
//! scan). The 4,671 texts that start with their reply take 3,267 instructions each (the scan 1,441,
//! the finder 1,005, deciding 472, of which the bare-statement reader 205), the 947 others 5,366
//! (the finder 1,922). The visits spread over many states: the 128 most visited serve 63% of the
//! bytes, the 1,024 most visited 85%.
//!
//! Tried and dropped in the sixth round (each against the tree before it, callgrind and the
//! alternating driver; `explain_text` unless said): the slots packed in the order of the corpus's
//! visits (profile-guided, in the generator): 30% fewer simulated L1 misses, about −2% in time; not
//! kept, as it would tie the tables to the corpus (every new row would make `src/generated.rs`
//! stale) for little — packed by the visits of the patterns' own texts, 8% fewer misses. A dense
//! table of the hottest states beside the packed one: not built, as the coverage above would leave
//! five exits a text to the packed one with 128 dense states. No replay when the first run is in
//! the start state at the cut (−0.6% instructions, +0.6% time); the first run reading eight bytes
//! past the cut alone before it first compares its state with the second run's there (recorded by
//! splitting the loop of two runs: +6% instructions, +4.5% time). The cut at the exact middle, the
//! second run starting inside a word when the cut falls in one (a new start state): no bytes left
//! to the first run alone, but longer replays (+0.1% instructions, −0.6% time: noise). `SPLIT_MIN`
//! 24 or 40 (no change). The bare-statement reader with a table of byte kinds and no branch on
//! letters, digits and punctuation (−0.5% instructions, no change in time), or passing over the
//! rest of a token that holds a digit eight bytes at a time (the reply code and the enhanced code:
//! −0.6% instructions, no change in time). `find_ignore_case` reading its last bytes as the text's
//! last word (its copy of them is a call to memcpy: +0.4% instructions, −0.8% time, noise). The
//! search for a later reply marking only the code's first digit after white space, in one word (two
//! loads a word: +3.5% instructions, +2% time). `parse_number` without its loop (+0.5%
//! instructions, +2% time, and `Reply::parse` slower). lettre's `Debug` form looked for at its `{`,
//! not at each capital `C` (−0.3% instructions, +1% time). The full scan's last bytes read as the
//! text's last word, as the searches now do (+0.2% instructions, no change in time).
//! `explain_text_once` inlined (no change).
//!
//! The sixth round's second pass (the third corpus batch: 6,734 replies; no change to the automaton, its tables
//! or the rules) took out of the decision and the reply finder work that most replies do not need.
//! One run of this bench on its final tree over all 6,734 replies: `Reply::parse` 0.0167 µs,
//! `explain` 0.2384 µs (14.3×), `explain_text` 0.3832 µs (23.0×), Sisimai `match` 50.08 µs (131×
//! `explain_text`), `make` 892 µs; criterion's means 0.0228, 0.284 and 0.457 µs a reply. The sixth
//! round's tree, benched right after it on the same replies: 0.0170, 0.2791 (16.4×) and 0.4244 µs
//! (25.0×), Sisimai `match` 72.04 µs (170×: Sisimai slowed by the load, as noted below), `make` 642
//! µs; criterion's means 0.0203, 0.352 and 0.537 µs. Against that tree, alternated by the outside
//! driver (best of 300 rounds, three times each): `explain_text` 0.4230 → 0.3794 µs (−10.3%),
//! `explain` 0.2820 → 0.2386 µs (−15.4%), that driver's `Reply::parse` (the same code) 0.0258 →
//! 0.0250 µs; in instructions (callgrind, per reply) `explain_text` 4,057 → 3,529 (−13%), `explain`
//! 2,742 → 2,153 (−21%), `Reply::parse` 335 in both, and callgrind's branch simulation counts 23.0
//! mispredicted conditional branches a reply in `explain_text` where it counted 29.4 (`explain`
//! 18.7 → 12.4; mispredicted indirect calls 1.2 → 0.4). Every explanation of the corpora and of
//! Sisimai's cases (the same dumper and variants as in its first pass) is the same before and
//! after each commit, and `tests/accuracy.rs` prints the same figures. What changed:
//!
//! - The bare-statement check (a weak 450/451 or 5xx of at most 96 bytes, `bare_reason`) searched
//!   each segment whole for Postfix's "(in reply to " to find its own part, then read the words
//!   once for each of a 5xx's two lists, searching again each time: about 650 instructions and 8.5
//!   of the 29 mispredicted branches a reply. It now reads a segment once (`BareWords`): the log's
//!   words are recognized at their `(` as the words are read, reading stops after the 96 bytes, a
//!   5xx's two lists are read at once (words that are one statement begin it at every word, so
//!   the result is the same), letters, digits and other bytes are told apart without a branch (a
//!   table of byte kinds), a token that begins with a digit (the code, the enhanced code) is passed
//!   over to its end, the first word's comparisons begin at the first statement with its first
//!   letter (there is none for most replies), and each later word's at the statement the words
//!   began: about 185 instructions and 2.6 mispredictions a reply (4,057 → 3,554 in all).
//! - `explain` takes the text of a one-line reply (most) from its bytes instead of reading its
//!   lines again (`Lines` found the line end anew): 2,297 → 2,153 instructions, −2.8% in time.
//! - The reply finder looks for lettre's `Display` and `Debug` forms in one pass over each `(` and
//!   `C` (it made two passes over every text that does not start with its reply): 5,436 → 5,247
//!   instructions for those 971 texts, −0.9% in time over all.
//!
//! Measured in the second pass (callgrind, per reply): `explain_text` spends about 1,615
//! instructions in the automaton (`advance2`, `advance` and `scan_within`'s own), 900 finding the
//! reply (815 for the 5,763 texts that start with their reply — its boundary pass about 257, the
//! search for a later reply 205 — and 1,420 for the others), 370 deciding (the bare-statement
//! reader 184 of it), and 170 in `explain_text_with` and `explain_text_once` themselves (frames,
//! moving the explanation). Tried and dropped: the finder's steps (`leading_candidate`,
//! `next_reply`, `continued_at`, `find_boundary`) not inlined: two simulated mispredictions fewer a
//! reply on texts that start with their reply, but 47 instructions more, and +1.5% in time. Not
//! tried: folding the search for a later reply into the boundary pass (a digit after white space
//! needs the byte before it, more work a word than the separate search, which is cheap per word).
//!
//! Sisimai is timed best of 10 rounds for `match` and 2 for `make`, as `explain_text` is timed
//! best of 100 rounds; the "bucketed scans" ratios use the Sisimai figures of the first automaton
//! run (48 µs, 597 µs). Sisimai's figure moves with the machine's load far more than this crate's
//! best of 100 (47 to 108 µs a reply for `match` across runs on the same evening, while
//! `explain_text` stayed within 0.351–0.360 µs): at the 47.7 µs of the "before" run, the 0.358 µs
//! of the "two runs at once" run is 133×. Criterion's means in that run: `Reply::parse` 27 ns,
//! `explain` 424 ns, `explain_text` 560 ns a reply.
//!
//! What `explain_text` does per reply, measured alone on the corpus (the "leaner passes" tree):
//! finding the reply 0.078 µs, the automaton over the text 0.175 µs, deciding 0.018 µs; run
//! together they take a little more than their sum. Now (same driver, best of 300 rounds) the
//! automaton alone over each whole text takes 0.152 µs a reply (about 2.2 ns a byte), and the rest
//! of `explain_text` without it 0.075 µs; together they take 0.32 µs, far more than their sum
//! (not measured why; presumably the scan's slot loads miss the L1 cache more often beside the
//! rest's data, and what the scan finds makes the decision do more). The automaton costs one
//! slot load per byte and a conditional move: a slot is one u32 (its check is the class of the
//! transition, the next state below it), and a text of 32 bytes or more is cut in two after a
//! non-alphanumeric byte near its middle so that two independent runs go at once (a third run
//! measured slower, see above). Deciding reads the reasons of the enhanced and basic codes from
//! arrays, not phf maps (three SipHash lookups were 0.035 µs of it).
//!
//! Neither goal is reached (after the sixth round: 23.0× `Reply::parse`, 131× faster than
//! Sisimai `match`): ≤ 10× `Reply::parse` would need `explain_text` at ≈ 0.17 µs, while
//! the automaton alone takes 0.152 µs (about 2.2 ns a byte with two runs at once); `Reply::parse`
//! reads a few bytes a line, not every byte, so the scan would have to skip bytes (a 3-gram
//! prefilter, simulated on the corpus, would still leave 58% of the bytes to the automaton: most
//! words start some phrase). ≥ 200× Sisimai `match` (≈ 0.235 µs at 47 µs) is reached only in runs
//! where Sisimai itself is slowed by the machine's load.
//!
//! Run: `cargo bench --bench corpus`.

#[path = "../tests/common/mod.rs"]
mod test_data;

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use smtp_codes::{Reply, explain, explain_text};

/// The corpus files, relative to the crate root.
const FILES: [&str; 2] = ["tests/data/corpus/replies.tsv", "tests/data/corpus/dev.tsv"];

/// One reply: its text as a user pastes it, and its wire bytes.
struct Input {
    text: String,
    wire: Vec<u8>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn inputs() -> Vec<Input> {
    let mut inputs = Vec::new();
    for file in FILES {
        let text = std::fs::read_to_string(root().join(file)).expect("the corpus is readable");
        for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
            let raw = line.split('\t').next().unwrap_or_default();
            let lines: Vec<Vec<u8>> = raw.split("\\n").map(test_data::decode_line).collect();
            let joined = lines.join(&b"\r\n"[..]);
            let wire: Vec<u8> = lines.iter().flat_map(|l| l.iter().chain(b"\r\n")).copied().collect();
            inputs.push(Input { text: String::from_utf8_lossy(&joined).into_owned(), wire });
        }
    }
    assert!(inputs.len() >= 1695, "{} replies", inputs.len());
    inputs
}

fn run_parse(inputs: &[Input]) -> usize {
    let mut acc = 0usize;
    for input in inputs {
        match Reply::parse(black_box(&input.wire)) {
            Ok(r) => acc += usize::from(r.code()) + r.enhanced().map_or(0, |e| usize::from(e.detail())),
            Err(_) => acc += 1,
        }
    }
    acc
}

fn run_explain(inputs: &[Input]) -> usize {
    let mut acc = 0usize;
    for input in inputs {
        match explain(black_box(&input.text)) {
            Ok(e) => acc += e.reason() as usize + e.retry() as usize,
            Err(_) => acc += 1,
        }
    }
    acc
}

fn run_explain_text(inputs: &[Input]) -> usize {
    let mut acc = 0usize;
    for input in inputs {
        match explain_text(black_box(&input.text)) {
            Some(e) => acc += e.reason() as usize + e.retry() as usize,
            None => acc += 1,
        }
    }
    acc
}

/// The best of `rounds` wall-clock timings of `f` over all inputs, in µs per reply.
fn per_reply_us(inputs: &[Input], rounds: usize, f: fn(&[Input]) -> usize) -> f64 {
    black_box(f(inputs));
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        black_box(f(inputs));
        best = best.min(start.elapsed());
    }
    best.as_secs_f64() * 1e6 / inputs.len() as f64
}

/// Runs `benches/sisimai_reason.pl` on the same files: (match µs/reply, make µs/reply).
fn sisimai(rounds: usize) -> Result<(f64, f64, String), String> {
    let script = root().join("benches/sisimai_reason.pl");
    let mut command = Command::new("perl");
    command.arg(&script).arg(rounds.to_string());
    for file in FILES {
        command.arg(root().join(file));
    }
    let output = command.output().map_err(|e| format!("perl is not available ({e})"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("Sisimai is not available ({})", stderr.lines().next().unwrap_or("perl failed")));
    }
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let figure = |path: &str| -> Result<f64, String> {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("sisimai {path} ")))
            .and_then(|l| l.split_whitespace().nth(4))
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("unexpected output from {}: {stdout}", script.display()))
    };
    let version = stdout
        .lines()
        .find_map(|l| l.strip_prefix("sisimai version "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("?")
        .to_string();
    Ok((figure("match")?, figure("make")?, version))
}

/// The one-run comparison with Sisimai, printed (never timed by criterion).
fn report(inputs: &[Input]) {
    let parse = per_reply_us(inputs, 200, run_parse);
    let explain = per_reply_us(inputs, 100, run_explain);
    let text = per_reply_us(inputs, 100, run_explain_text);
    println!("\nper reply, best of several rounds over all {} replies:", inputs.len());
    println!("  Reply::parse   {parse:9.4} µs");
    println!("  explain        {explain:9.4} µs ({:.1}× Reply::parse)", explain / parse);
    println!("  explain_text   {text:9.4} µs ({:.1}× Reply::parse)", text / parse);
    match sisimai(10) {
        Ok((matched, made, version)) => {
            println!("  Sisimai {version} match  {matched:9.2} µs  ({:.0}× explain_text)", matched / text);
            println!("  Sisimai {version} make   {made:9.2} µs  ({:.0}× explain_text)", made / text);
        }
        Err(why) => println!("  Sisimai comparison skipped: {why}"),
    }
    println!();
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    report(&inputs);
    let bytes: u64 = inputs.iter().map(|i| i.wire.len() as u64).sum();
    let mut group = c.benchmark_group("corpus/explain_text");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("Reply::parse", |b| b.iter(|| run_parse(&inputs)));
    group.bench_function("explain", |b| b.iter(|| run_explain(&inputs)));
    group.bench_function("explain_text", |b| b.iter(|| run_explain_text(&inputs)));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
