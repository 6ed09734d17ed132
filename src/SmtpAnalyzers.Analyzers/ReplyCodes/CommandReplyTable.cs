using System;
using System.Collections.Immutable;

namespace SmtpAnalyzers.ReplyCodes;

/// <summary>An SMTP extension whose rows can be switched off with <c>smtp_analyzers.disabled_extensions</c>.</summary>
[Flags]
public enum SmtpExtension
{
    None = 0,

    /// <summary>RFC 3207.</summary>
    StartTls = 1,

    /// <summary>RFC 4954.</summary>
    Auth = 2,

    /// <summary>RFC 3030 (CHUNKING).</summary>
    Bdat = 4,

    /// <summary>RFC 1985.</summary>
    Etrn = 8,

    /// <summary>RFC 2645 (ODMR).</summary>
    Atrn = 16,

    /// <summary>RFC 1870.</summary>
    Size = 32,

    /// <summary>RFC 7504 (521, 556).</summary>
    NullMx = 64,
}

/// <summary>One allowed reply to one command, with where the RFC says so.</summary>
public sealed class CommandReply
{
    internal CommandReply(ReplyCode code, SmtpExtension extension, string source, bool verified)
    {
        Code = code;
        Extension = extension;
        Source = source;
        Verified = verified;
    }

    public ReplyCode Code { get; }

    /// <summary>The extension that adds this reply; <see cref="SmtpExtension.None"/> for RFC 5321.</summary>
    public SmtpExtension Extension { get; }

    /// <summary>RFC and section.</summary>
    public string Source { get; }

    /// <summary>False when the row could not be checked against the RFC text (the docs say so).</summary>
    public bool Verified { get; }
}

/// <summary>The replies an SMTP command (or protocol step) may get.</summary>
public sealed class CommandReplies
{
    internal CommandReplies(string verb, string englishName, string germanName, SmtpExtension extension, string rfc, string section, ImmutableArray<CommandReply> replies, AnyCodeExemptions exemptions)
    {
        Verb = verb;
        EnglishName = englishName;
        GermanName = germanName;
        Extension = extension;
        Rfc = rfc;
        Section = section;
        Replies = replies;
        Exemptions = exemptions;
    }

    /// <summary>The verb as sent on the wire (upper case), or a pseudo-verb for a protocol step (<c>GREETING</c>, <c>DATA-END</c>).</summary>
    public string Verb { get; }

    /// <summary>How messages name the context.</summary>
    public string EnglishName { get; }

    public string GermanName { get; }

    /// <summary>The extension that defines the command; <see cref="SmtpExtension.None"/> for RFC 5321 commands.</summary>
    public SmtpExtension Extension { get; }

    /// <summary>The RFC whose command-reply list the message cites.</summary>
    public string Rfc { get; }

    public string Section { get; }

    /// <summary>The replies specific to this command.</summary>
    public ImmutableArray<CommandReply> Replies { get; }

    /// <summary>Which of the codes any command may get do not apply here.</summary>
    public AnyCodeExemptions Exemptions { get; }

    /// <summary>True when the code is a valid reply here (the command's own rows, then the codes any command may get).</summary>
    public bool Allows(int code, SmtpExtension disabled)
    {
        foreach (var reply in Replies)
        {
            if (reply.Code.Value == code && (reply.Extension & disabled) == 0)
            {
                return true;
            }
        }

        return CommandReplyTable.AnyCommandAllows(this, code, disabled);
    }

    /// <summary>Every valid code, ascending, comma separated (for messages and docs).</summary>
    public string FormatAllowed(SmtpExtension disabled)
    {
        var builder = new System.Text.StringBuilder();
        for (var code = 200; code < 600; code++)
        {
            if (ReplyCodeTable.Find(code) is not null && Allows(code, disabled))
            {
                if (builder.Length > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(code);
            }
        }

        return builder.ToString();
    }
}

/// <summary>Codes that "any command" may get but this command may not.</summary>
[Flags]
public enum AnyCodeExemptions
{
    None = 0,

    /// <summary>No 502/503 (QUIT; the greeting and end of data are not commands).</summary>
    NotImplementedOrSequence = 1,

    /// <summary>Not subject to the AUTH policy's 530 (RFC 4954 §6: AUTH, EHLO, HELO, NOOP, RSET, QUIT).</summary>
    AuthPolicy530 = 2,

    /// <summary>Not subject to the STARTTLS policy's 530 (RFC 3207 §4: NOOP, EHLO, STARTTLS, QUIT).</summary>
    TlsPolicy530 = 4,

    /// <summary>Not subject to 554 "Command refused due to lack of security" (RFC 3207 §4.1: QUIT).</summary>
    TlsPolicy554 = 8,

    /// <summary>No 500/501 either (protocol steps that are not commands).</summary>
    SyntaxErrors = 16,
}

/// <summary>
/// The one command-reply table: RFC 5321 section 4.3.2 and the extension RFCs. Rows reference
/// <see cref="ReplyCodeTable"/> rows; texts are never typed twice. docs/rules/SMTP003.md shows it (generated, tested).
/// </summary>
public static class CommandReplyTable
{
    private const string Rfc5321 = "RFC 5321";

    /// <summary>The codes any command may get, with the policy that allows them (RFC 5321 §4.3.2, §4.2.4; RFC 4954 §6; RFC 3207 §4, §4.1).</summary>
    public static ImmutableArray<CommandReply> AnyCommand { get; } = ImmutableArray.Create(
        Row(421, SmtpExtension.None, "RFC 5321 §4.3.2, §3.8 (server shutting down)"),
        Row(500, SmtpExtension.None, "RFC 5321 §4.3.2 (command unrecognized, line too long)"),
        Row(501, SmtpExtension.None, "RFC 5321 §4.3.2 (syntax error in arguments)"),
        Row(502, SmtpExtension.None, "RFC 5321 §4.2.4 (recognized, not implemented)"),
        Row(503, SmtpExtension.None, "RFC 5321 §4.2.4, §3.1 (bad sequence)"),
        Row(530, SmtpExtension.Auth, "RFC 4954 §6 (authentication required; not for AUTH, EHLO, HELO, NOOP, RSET, QUIT)"),
        Row(530, SmtpExtension.StartTls, "RFC 3207 §4 (must issue STARTTLS first; not for NOOP, EHLO, STARTTLS, QUIT)", verified: false),
        Row(554, SmtpExtension.StartTls, "RFC 3207 §4.1 (command refused due to lack of security; not for QUIT)", verified: false));

    /// <summary>All commands and protocol steps, in the order of RFC 5321 §4.3.2, then the extensions.</summary>
    public static ImmutableArray<CommandReplies> All { get; } = ImmutableArray.Create(
        Command("GREETING", "the connection greeting", "die Begrüßung beim Verbindungsaufbau", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.NotImplementedOrSequence | AnyCodeExemptions.AuthPolicy530 | AnyCodeExemptions.TlsPolicy530 | AnyCodeExemptions.TlsPolicy554 | AnyCodeExemptions.SyntaxErrors,
            Row(220, SmtpExtension.None, "RFC 5321 §4.3.2, §3.1"),
            Row(554, SmtpExtension.None, "RFC 5321 §4.3.2, §3.1 (no SMTP service here)"),
            Row(521, SmtpExtension.NullMx, "RFC 7504 §3", verified: false)),
        Command("EHLO", "EHLO", "EHLO", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.AuthPolicy530 | AnyCodeExemptions.TlsPolicy530,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(504, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("HELO", "HELO", "HELO", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.AuthPolicy530,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(504, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("LHLO", "LHLO", "LHLO", SmtpExtension.None, "RFC 2033", "4.1",
            AnyCodeExemptions.AuthPolicy530 | AnyCodeExemptions.TlsPolicy530,
            Row(250, SmtpExtension.None, "RFC 2033 §4.1 (as EHLO)", verified: false),
            Row(504, SmtpExtension.None, "RFC 2033 §4.1 (as EHLO)", verified: false),
            Row(550, SmtpExtension.None, "RFC 2033 §4.1 (as EHLO)", verified: false)),
        Command("MAIL", "MAIL", "MAIL", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(451, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(452, SmtpExtension.None, "RFC 5321 §4.3.2; RFC 1870 §6.1"),
            Row(455, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.11"),
            Row(503, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(552, SmtpExtension.None, "RFC 5321 §4.3.2; RFC 1870 §6.1"),
            Row(553, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(555, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.11")),
        Command("RCPT", "RCPT", "RCPT", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(251, SmtpExtension.None, "RFC 5321 §4.3.2, §3.4"),
            Row(450, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(451, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(452, SmtpExtension.None, "RFC 5321 §4.3.2, §4.5.3.1.10; RFC 1870 §6.4"),
            Row(455, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.11"),
            Row(503, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(551, SmtpExtension.None, "RFC 5321 §4.3.2, §3.4"),
            Row(552, SmtpExtension.None, "RFC 5321 §4.3.2; RFC 1870 §6.4"),
            Row(553, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(555, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.11"),
            Row(556, SmtpExtension.NullMx, "RFC 7504 §4", verified: false)),
        Command("DATA", "DATA", "DATA", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.None,
            Row(354, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.4"),
            Row(451, SmtpExtension.None, "RFC 5321 §4.3.2 (RFC 2821 list)"),
            Row(503, SmtpExtension.None, "RFC 5321 §4.3.2; RFC 3030 §3"),
            Row(554, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("DATA-END", "the end of DATA (<CRLF>.<CRLF>)", "das Ende von DATA (<CRLF>.<CRLF>)", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.NotImplementedOrSequence | AnyCodeExemptions.AuthPolicy530 | AnyCodeExemptions.TlsPolicy530 | AnyCodeExemptions.SyntaxErrors,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.4"),
            Row(450, SmtpExtension.None, "RFC 5321 §4.3.2 (rejection for policy reasons)"),
            Row(451, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(452, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2 (rejection for policy reasons)"),
            Row(552, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(554, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("RSET", "RSET", "RSET", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.AuthPolicy530,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("VRFY", "VRFY", "VRFY", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2, §3.5.3"),
            Row(251, SmtpExtension.None, "RFC 5321 §4.3.2, §3.5.3"),
            Row(252, SmtpExtension.None, "RFC 5321 §4.3.2, §3.5.3"),
            Row(502, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(504, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(551, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(553, SmtpExtension.None, "RFC 5321 §4.3.2, §3.5.1")),
        Command("EXPN", "EXPN", "EXPN", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(252, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(500, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(502, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(504, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(550, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("HELP", "HELP", "HELP", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.None,
            Row(211, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(214, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(502, SmtpExtension.None, "RFC 5321 §4.3.2"),
            Row(504, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("NOOP", "NOOP", "NOOP", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.AuthPolicy530 | AnyCodeExemptions.TlsPolicy530,
            Row(250, SmtpExtension.None, "RFC 5321 §4.3.2")),
        Command("QUIT", "QUIT", "QUIT", SmtpExtension.None, Rfc5321, "4.3.2",
            AnyCodeExemptions.NotImplementedOrSequence | AnyCodeExemptions.AuthPolicy530 | AnyCodeExemptions.TlsPolicy530 | AnyCodeExemptions.TlsPolicy554,
            Row(221, SmtpExtension.None, "RFC 5321 §4.3.2, §4.1.1.10")),
        Command("STARTTLS", "STARTTLS", "STARTTLS", SmtpExtension.StartTls, "RFC 3207", "4",
            AnyCodeExemptions.TlsPolicy530,
            Row(220, SmtpExtension.StartTls, "RFC 3207 §4"),
            Row(454, SmtpExtension.StartTls, "RFC 3207 §4"),
            Row(501, SmtpExtension.StartTls, "RFC 3207 §4")),
        Command("AUTH", "AUTH", "AUTH", SmtpExtension.Auth, "RFC 4954", "4, 6",
            AnyCodeExemptions.AuthPolicy530,
            Row(235, SmtpExtension.Auth, "RFC 4954 §4, §6"),
            Row(334, SmtpExtension.Auth, "RFC 4954 §4"),
            Row(432, SmtpExtension.Auth, "RFC 4954 §6"),
            Row(454, SmtpExtension.Auth, "RFC 4954 §6"),
            Row(500, SmtpExtension.Auth, "RFC 4954 §4, §6 (exchange line too long)"),
            Row(501, SmtpExtension.Auth, "RFC 4954 §4 (cancelled, bad base64)"),
            Row(503, SmtpExtension.Auth, "RFC 4954 §4 (already authenticated, inside a transaction)"),
            Row(504, SmtpExtension.Auth, "RFC 4954 §4 (mechanism not supported)"),
            Row(534, SmtpExtension.Auth, "RFC 4954 §6"),
            Row(535, SmtpExtension.Auth, "RFC 4954 §6"),
            Row(538, SmtpExtension.Auth, "RFC 4954 §6 (historical)")),
        Command("BDAT", "BDAT", "BDAT", SmtpExtension.Bdat, "RFC 3030", "2",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.Bdat, "RFC 3030 §2", verified: false),
            Row(503, SmtpExtension.Bdat, "RFC 3030 §2, §3", verified: false),
            Row(450, SmtpExtension.Bdat, "by analogy with the end of DATA (RFC 5321 §4.3.2)", verified: false),
            Row(451, SmtpExtension.Bdat, "by analogy with the end of DATA (RFC 5321 §4.3.2)", verified: false),
            Row(452, SmtpExtension.Bdat, "by analogy with the end of DATA (RFC 5321 §4.3.2)", verified: false),
            Row(550, SmtpExtension.Bdat, "by analogy with the end of DATA (RFC 5321 §4.3.2)", verified: false),
            Row(552, SmtpExtension.Bdat, "by analogy with the end of DATA (RFC 5321 §4.3.2)", verified: false),
            Row(554, SmtpExtension.Bdat, "by analogy with the end of DATA (RFC 5321 §4.3.2)", verified: false)),
        Command("ETRN", "ETRN", "ETRN", SmtpExtension.Etrn, "RFC 1985", "5",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.Etrn, "RFC 1985", verified: false),
            Row(251, SmtpExtension.Etrn, "RFC 1985", verified: false),
            Row(252, SmtpExtension.Etrn, "RFC 1985", verified: false),
            Row(253, SmtpExtension.Etrn, "RFC 1985", verified: false),
            Row(458, SmtpExtension.Etrn, "RFC 1985", verified: false),
            Row(459, SmtpExtension.Etrn, "RFC 1985", verified: false)),
        Command("ATRN", "ATRN", "ATRN", SmtpExtension.Atrn, "RFC 2645", "4",
            AnyCodeExemptions.None,
            Row(250, SmtpExtension.Atrn, "RFC 2645", verified: false),
            Row(450, SmtpExtension.Atrn, "RFC 2645", verified: false),
            Row(451, SmtpExtension.Atrn, "RFC 2645", verified: false),
            Row(453, SmtpExtension.Atrn, "RFC 2645", verified: false)));

    private static readonly CommandReplies?[] Index = BuildIndex();

    /// <summary>The row for a verb (upper case, exact); null when the table has none.</summary>
    public static CommandReplies? Find(string verb)
    {
        foreach (var command in All)
        {
            if (string.Equals(command.Verb, verb, StringComparison.Ordinal))
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>O(1) lookup of a four-letter wire verb, ignoring case, without allocating (EHLO, RCPT, ...; also STARTTLS by its first four letters is not done: use <see cref="FindVerb"/>).</summary>
    public static CommandReplies? FindVerb(string text, int start, int length)
    {
        if (length == 8 && string.Compare(text, start, "STARTTLS", 0, 8, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return Index[Index.Length - 1];
        }

        if (length != 4)
        {
            return null;
        }

        var key = Key(text[start], text[start + 1], text[start + 2], text[start + 3]);
        if (key < 0)
        {
            return null;
        }

        var slot = (int)((uint)key % 251);
        var row = Index[slot];
        return row is not null && string.Compare(text, start, row.Verb, 0, 4, StringComparison.OrdinalIgnoreCase) == 0 ? row : null;
    }

    internal static bool AnyCommandAllows(CommandReplies command, int code, SmtpExtension disabled)
    {
        var exempt = command.Exemptions;
        switch (code)
        {
            case 421:
                return true;
            case 500:
            case 501:
                return (exempt & AnyCodeExemptions.SyntaxErrors) == 0;
            case 502:
            case 503:
                return (exempt & AnyCodeExemptions.NotImplementedOrSequence) == 0;
            case 530:
                return ((disabled & SmtpExtension.Auth) == 0 && (exempt & AnyCodeExemptions.AuthPolicy530) == 0)
                    || ((disabled & SmtpExtension.StartTls) == 0 && (exempt & AnyCodeExemptions.TlsPolicy530) == 0);
            case 554:
                return (disabled & SmtpExtension.StartTls) == 0 && (exempt & AnyCodeExemptions.TlsPolicy554) == 0;
            default:
                return false;
        }
    }

    private static CommandReply Row(int code, SmtpExtension extension, string source, bool verified = true) =>
        new(ReplyCodeTable.Find(code) ?? throw new InvalidOperationException("No reply code " + code), extension, source, verified);

    private static CommandReplies Command(string verb, string english, string german, SmtpExtension extension, string rfc, string section, AnyCodeExemptions exemptions, params CommandReply[] replies) =>
        new(verb, english, german, extension, rfc, section, ImmutableArray.Create(replies), exemptions);

    private static int Key(char a, char b, char c, char d)
    {
        a = char.ToUpperInvariant(a);
        b = char.ToUpperInvariant(b);
        c = char.ToUpperInvariant(c);
        d = char.ToUpperInvariant(d);
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || c < 'A' || c > 'Z' || d < 'A' || d > 'Z')
        {
            return -1;
        }

        return ((a - 'A') * 17576) + ((b - 'A') * 676) + ((c - 'A') * 26) + (d - 'A');
    }

    private static CommandReplies?[] BuildIndex()
    {
        // 251 slots for the four-letter verbs, the last one for STARTTLS. A collision is a build-time bug, caught by a test.
        var index = new CommandReplies?[252];
        foreach (var command in All)
        {
            if (command.Verb == "STARTTLS")
            {
                index[251] = command;
            }
            else if (command.Verb.Length == 4)
            {
                var slot = (int)((uint)Key(command.Verb[0], command.Verb[1], command.Verb[2], command.Verb[3]) % 251);
                if (index[slot] is not null)
                {
                    throw new InvalidOperationException("Verb slot collision: " + command.Verb);
                }

                index[slot] = command;
            }
        }

        return index;
    }
}
