using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using SmtpAnalyzers.Constants;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Tests.Docs;

/// <summary>Makes docs/reply-codes.md from <see cref="ReplyCodeTable"/>; the page is never edited by hand.</summary>
internal static class ReplyCodesDocument
{
    public const string RelativePath = "docs/reply-codes.md";

    /// <summary>
    /// The copy errors in the seed table's German column (shared/smtp/smtp-facts.md section 6) and how each was put right.
    /// The corrected text is always read from the table; <see cref="SeedCorrection.IsCorrected"/> checks it.
    /// </summary>
    public static ImmutableArray<SeedCorrection> GermanCorrections { get; } = ImmutableArray.Create(
        new SeedCorrection(550, "Syntax-Fehler - Kommando unbekannt",
            "It repeats the text of 500 (syntax error, command unrecognized) for \"mailbox unavailable\".",
            mustNotContain: "Kommando unbekannt", mustContain: "Mailbox nicht verfügbar"),
        new SeedCorrection(552, "Aktion abgebrochen - Fehler bei der Speicherzuweisung",
            "\"Fehler bei der Speicherzuweisung\" means an error while allocating storage, not \"exceeded storage allocation\".",
            mustNotContain: "Fehler bei der Speicherzuweisung", mustContain: "überschritten"),
        new SeedCorrection(502, "Kommando unbekannt / nicht implementiert",
            "\"Unbekannt\" (unrecognized) is the meaning of 500; RFC 5321 §4.2.4 keeps 500 and 502 apart.",
            mustNotContain: "unbekannt", mustContain: "nicht implementiert"),
        new SeedCorrection(354, "Starte Empfang der Mail; Beenden mit \"CRLF\". \"CRLF\".",
            "The end-of-data sequence is garbled.",
            mustNotContain: "\"CRLF\"", mustContain: "<CRLF>.<CRLF>"),
        new SeedCorrection(535, "Autorisierung fehlgeschlagen (Kombination aus Benutzername und Passwort verkehrt)",
            "It says authorization (\"Autorisierung\") for a failed authentication.",
            mustNotContain: "Autorisierung", mustContain: "Authentifizierung"),
        new SeedCorrection(421, "Service nicht verfügbar; Verbindung wird beendet. oder: Identifikation fehlgeschlagen.",
            "It adds \"or: identification failed\", which no RFC gives.",
            mustNotContain: "Identifikation", mustContain: "Verbindung wird beendet"),
        new SeedCorrection(334, "Nach der Anforderung von AUTH LOGIN durch den Client, sendet der Server den String »VXNlcm5hbWU6« …",
            "It explains only the AUTH LOGIN example (base64 for \"Username:\"), not what 334 means.",
            mustNotContain: "VXNlcm5hbWU6", mustContain: "Challenge"),
        new SeedCorrection(572, "Zugang nicht autorisiert. Lösung: Vor dem Versand zeitnah E-Mails abrufen …",
            "It is a POP-before-SMTP troubleshooting tip, not a description of the code (572 is not standard at all; see its row).",
            mustNotContain: "POP3", mustContain: "Relaying nicht autorisiert"),
        new SeedCorrection(450, "Aktion nicht ausgeführt - Mailbox nicht verfügbar.",
            "It reads the same as 550; \"vorübergehend\" (temporarily) is now explicit.",
            mustNotContain: null, mustContain: "vorübergehend"));

    /// <summary>Codes for which the seed table had no German at all; the German for them was written new.</summary>
    public static ImmutableArray<int> NewGerman { get; } = ImmutableArray.Create(253, 355, 432, 453, 454, 458, 459, 521, 530, 534, 538);

    public static string Build()
    {
        var all = ReplyCodeTable.All;
        var sb = new StringBuilder();
        sb.Append("# SMTP reply codes\n\n");
        sb.Append("<!-- Generated from src/SmtpAnalyzers.Analyzers/ReplyCodes/ReplyCodeTable.cs by tests/SmtpAnalyzers.Tests/Docs/ReplyCodesDocument.cs. Do not edit: ")
            .Append(Repository.UpdateVariable).Append("=1 dotnet test tests/SmtpAnalyzers.Tests --filter \"FullyQualifiedName~SmtpAnalyzers.Tests.Docs\" rewrites it. -->\n\n");
        sb.Append("SmtpAnalyzers carries one table of SMTP reply codes. The `SmtpAnalyzers.SmtpReplyCode` constants generated into your project, ")
            .Append("every diagnostic message that names a code (in English or German), and this page are all made from it.\n\n");
        sb.Append("- **Code**: three digits. The first digit is the reply class (RFC 5321 §4.2.1); a client that meets an unknown code must act on the first digit alone (RFC 5321 §4.2, §4.3.2).\n");
        sb.Append("- **Constant**: the member of the generated `SmtpReplyCode` class (`const int`), which the SMTP001 fix puts in place of the number.\n");
        sb.Append("- **English / German**: the short meaning used in diagnostic messages (bold), then the reply text.\n");
        sb.Append("- **Status**: Standard (RFC 5321, or RFC 7504 which updates it), Extension (an SMTP service extension: AUTH, STARTTLS, ETRN, ATRN), ")
            .Append("Experimental, Deprecated (kept by its RFC for history only), Non-standard (no RFC defines it).\n\n");

        sb.Append(all.Length).Append(" codes: ");
        var byStatus = all.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => g.Count() + " " + ReplyCodeConstantsGenerator.StatusText(g.Key).ToLowerInvariant());
        sb.Append(string.Join(", ", byStatus)).Append(".\n\n");

        sb.Append("| Code | Constant | Class | English | German | RFC | Status |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (var code in all)
        {
            sb.Append("| ").Append(code.ValueText)
                .Append(" | `").Append(code.Name).Append('`')
                .Append(" | ").Append(code.Class).Append("yz ").Append(Md(code.ClassName)).Append("<br>").Append(Md(code.GermanClassName))
                .Append(" | ").Append(TitleAndText(code.Title, code.Text))
                .Append(" | ").Append(TitleAndText(code.GermanTitle, code.GermanText))
                .Append(" | ").Append(Md(code.Rfc))
                .Append(" | ").Append(ReplyCodeConstantsGenerator.StatusText(code.Status))
                .Append(" |\n");
        }

        sb.Append("\n## Corrections to the seed table\n\n");
        sb.Append("The table started from a German web page that annotates a widely copied English list of SMTP codes. ")
            .Append("Every code of that page is in the table above, but its German column had copy errors. They are corrected here:\n\n");
        foreach (var correction in GermanCorrections)
        {
            var code = Require(correction.Code);
            sb.Append("- **").Append(code.ValueText).Append("**: seed text \"").Append(Md(correction.SeedText)).Append("\". ")
                .Append(Md(correction.Problem)).Append(" Now: \"").Append(Md(code.GermanText)).Append("\".\n");
        }

        sb.Append("- **No German** in the seed for ")
            .Append(string.Join(", ", NewGerman.Select(c => Require(c).ValueText)))
            .Append(": written new.\n\n");
        sb.Append("The seed's English column also joined texts from different contexts into one line (250, 251 and 252 with the ETRN texts, ")
            .Append("450 and 451 with the ATRN texts, 220 with the STARTTLS text, 454 and 530 with the 538 sentence) and used folklore wording ")
            .Append("for 501, 521 and 535. The English above follows the RFCs; where a code means something else after another command, ")
            .Append("the text says so.\n");
        return sb.ToString();
    }

    internal static ReplyCode Require(int value) =>
        ReplyCodeTable.Find(value) ?? throw new InvalidOperationException("The reply-code table has no row for " + value + ".");

    private static string TitleAndText(string title, string text) =>
        string.Equals(title, text, StringComparison.Ordinal) ? "**" + Md(title) + "**" : "**" + Md(title) + "**<br>" + Md(text);

    /// <summary>Text for a Markdown table cell: HTML-sensitive characters and the cell separator escaped.</summary>
    internal static string Md(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("|", "\\|");

    /// <summary>One copy error of the seed's German column, with the check that the table no longer has it.</summary>
    internal sealed class SeedCorrection
    {
        public SeedCorrection(int code, string seedText, string problem, string? mustNotContain, string mustContain)
        {
            Code = code;
            SeedText = seedText;
            Problem = problem;
            MustNotContain = mustNotContain;
            MustContain = mustContain;
        }

        public int Code { get; }

        public string SeedText { get; }

        public string Problem { get; }

        public string? MustNotContain { get; }

        public string MustContain { get; }

        public bool IsCorrected(ReplyCode code) =>
            (MustNotContain is null || code.GermanText.IndexOf(MustNotContain, StringComparison.Ordinal) < 0)
            && code.GermanText.IndexOf(MustContain, StringComparison.Ordinal) >= 0;

        public override string ToString() => Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
