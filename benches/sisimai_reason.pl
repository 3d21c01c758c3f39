#!/usr/bin/perl
# Times Sisimai (the Perl bounce classifier, 4.25.x as Debian's libsisimai-perl) on the same
# replies that `benches/corpus.rs` gives smtp_codes, for a per-reply comparison in one run.
# Used as a black box: only its public entry points are called.
#
#   perl benches/sisimai_reason.pl ROUNDS FILE.tsv [FILE.tsv …]
#
# Each TSV row's `raw` column is one reply (`\n` separates its lines, `\xHH` is one byte),
# joined with CRLF exactly as the Rust bench does. Two paths are timed:
#
# - `match`: `Sisimai->match($text)`, Sisimai's own "reason from an error message text" entry
#   point (it lowercases the text and runs Sisimai::Reason->match: every reason class's
#   patterns, then Sisimai::SMTP::Status->find/name on the status code). This is the per-reply
#   path closest to `explain_text` (text in, reason out, no email to parse): the fairest one.
# - `make`: `Sisimai->make(\$bounce)` on a minimal RFC 3464 bounce built around each reply
#   (Diagnostic-Code: smtp; <reply>), the whole pipeline Sisimai users run on a bounce email.
#
# Each path is timed as the best of several rounds over all replies (ROUNDS for `match`, a fifth
# of that for the slower `make`), as the Rust side times `explain_text`.
# Prints one line per path: `sisimai <path> <replies> replies <µs per reply> us/reply`.
use strict;
use warnings;
use Time::HiRes qw(time);
use Sisimai;

my $rounds = shift @ARGV or die "usage: $0 ROUNDS FILE.tsv...\n";
my @replies;
for my $file (@ARGV) {
    open(my $fh, '<', $file) or die "$file: $!";
    my $header = <$fh>;
    while (my $line = <$fh>) {
        chomp $line;
        next if $line eq '';
        my ($raw) = split /\t/, $line;
        my @lines = map { (my $l = $_) =~ s/\\x([0-9A-Fa-f]{2})/chr(hex($1))/ge; $l } split /\\n/, $raw;
        push @replies, join("\r\n", @lines);
    }
}
my $n = scalar @replies;

sub bounce {
    my ($reply) = @_;
    (my $flat = $reply) =~ s/\r\n/ /g;
    my $status = $flat =~ /\b([245]\.\d{1,3}\.\d{1,3})\b/ ? $1 : ($flat =~ /^4/ ? '4.0.0' : '5.0.0');
    my $action = $flat =~ /^4/ ? 'delayed' : 'failed';
    return join("\n",
        'From MAILER-DAEMON Mon Nov 23 17:20:31 2026',
        'Return-Path: <>',
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
        'To: <sender@example.com>',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Mon, 23 Nov 2026 17:20:31 +0000',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '',
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.com',
        '',
        'Final-Recipient: rfc822; user@example.net',
        "Action: $action",
        "Status: $status",
        'Remote-MTA: dns; mx.example.net',
        "Diagnostic-Code: smtp; $flat",
        '',
        '--B',
        'Content-Type: text/rfc822-headers',
        '',
        'From: <sender@example.com>',
        'To: <user@example.net>',
        'Subject: hello',
        '',
        '--B--',
        '');
}
my @bounces = map { bounce($_) } @replies;

sub timed {
    my ($rounds, $code) = @_;
    $code->() for 1 .. 1;    # warm up: loads every module Sisimai requires lazily
    my $best;
    for (1 .. $rounds) {
        my $start = time;
        $code->();
        my $elapsed = time - $start;
        $best = $elapsed if !defined $best || $elapsed < $best;
    }
    return $best;
}

my $sink = 0;
my $match = timed($rounds, sub { for my $r (@replies) { $sink++ if Sisimai->match($r) } });
printf "sisimai match %d replies %.3f us/reply\n", $n, $match / $n * 1e6;
my $make = timed($rounds >= 5 ? int($rounds / 5) : 1, sub {
    for my $b (@bounces) { my $v = Sisimai->make(\$b); $sink++ if $v }
});
printf "sisimai make %d replies %.3f us/reply\n", $n, $make / $n * 1e6;
printf "sisimai version %s matched %d\n", Sisimai->version, $sink;
