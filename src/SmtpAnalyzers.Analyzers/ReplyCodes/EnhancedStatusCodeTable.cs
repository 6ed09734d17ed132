using System.Collections.Immutable;

namespace SmtpAnalyzers.ReplyCodes;

/// <summary>One subject.detail pair of the IANA "SMTP Enhanced Status Codes" registry (RFC 5248).</summary>
public sealed class EnhancedStatusDetail
{
    internal EnhancedStatusDetail(int subject, int detail, string sampleText, string reference)
    {
        Subject = subject;
        Detail = detail;
        SampleText = sampleText;
        Reference = reference;
    }

    public int Subject { get; }

    public int Detail { get; }

    /// <summary>The registry's "Sample Text".</summary>
    public string SampleText { get; }

    /// <summary>The defining document.</summary>
    public string Reference { get; }

    public override string ToString() => "X." + Subject + "." + Detail + " " + SampleText;
}

/// <summary>Why a dotted number in reply text is not a valid enhanced status code.</summary>
public enum EnhancedStatusCodeProblem
{
    /// <summary>Well formed: class 2, 4 or 5; subject and detail of 1 to 3 digits without leading zeros.</summary>
    None,

    /// <summary>The class is a single digit other than 2, 4 or 5.</summary>
    BadClass,

    /// <summary>The subject or the detail has a leading zero (<c>5.01.1</c>).</summary>
    LeadingZero,

    /// <summary>The subject or the detail has more than three digits.</summary>
    TooManyDigits,

    /// <summary>Only <c>class.subject</c>: the detail is missing (<c>5.1</c>).</summary>
    MissingDetail,
}

/// <summary>An enhanced status code found in text by <see cref="EnhancedStatusCodeTable.TryParse"/>.</summary>
public readonly struct EnhancedStatusCode
{
    public EnhancedStatusCode(int start, int length, int @class, int subject, int detail, EnhancedStatusCodeProblem problem)
    {
        Start = start;
        Length = length;
        Class = @class;
        Subject = subject;
        Detail = detail;
        Problem = problem;
    }

    /// <summary>Index of the class digit in the parsed text.</summary>
    public int Start { get; }

    /// <summary>Length of the whole dotted token.</summary>
    public int Length { get; }

    public int Class { get; }

    /// <summary>The subject, or -1 when it does not fit an int or is missing.</summary>
    public int Subject { get; }

    /// <summary>The detail, or -1 when it does not fit an int or is missing.</summary>
    public int Detail { get; }

    public EnhancedStatusCodeProblem Problem { get; }

    public bool IsWellFormed => Problem == EnhancedStatusCodeProblem.None;
}

/// <summary>
/// The IANA "SMTP Enhanced Status Codes" registry (RFC 5248), subject and detail codes, in ONE table, and the
/// allocation-free parser for <c>class.subject.detail</c> (RFC 3463 §2) that SMTP004 and SMTP006 share.
/// </summary>
/// <remarks>
/// Source: the IANA registry (updated 2024-12-06), as summarised in shared/smtp/smtp-enhanced-codes.tsv; the copy read ends at
/// X.7.30. Registries grow, so an unknown pair is only an Info diagnostic (SMTP006). RFC 3463's "only useful for permanent
/// failures" notes are deliberately not in this table: the registry's own associated basic codes contradict them.
/// </remarks>
public static class EnhancedStatusCodeTable
{
    /// <summary>All registered subject.detail pairs, ordered by subject then detail.</summary>
    public static ImmutableArray<EnhancedStatusDetail> All { get; } = ImmutableArray.Create(
        new EnhancedStatusDetail(0, 0, "Other undefined Status", "RFC 3463"),
        new EnhancedStatusDetail(1, 0, "Other address status", "RFC 3463"),
        new EnhancedStatusDetail(1, 1, "Bad destination mailbox address", "RFC 3463"),
        new EnhancedStatusDetail(1, 2, "Bad destination system address", "RFC 3463"),
        new EnhancedStatusDetail(1, 3, "Bad destination mailbox address syntax", "RFC 3463"),
        new EnhancedStatusDetail(1, 4, "Destination mailbox address ambiguous", "RFC 3463"),
        new EnhancedStatusDetail(1, 5, "Destination address valid", "RFC 3463"),
        new EnhancedStatusDetail(1, 6, "Destination mailbox has moved, No forwarding address", "RFC 3463"),
        new EnhancedStatusDetail(1, 7, "Bad sender's mailbox address syntax", "RFC 3463"),
        new EnhancedStatusDetail(1, 8, "Bad sender's system address", "RFC 3463"),
        new EnhancedStatusDetail(1, 9, "Message relayed to non-compliant mailer", "RFC 3886"),
        new EnhancedStatusDetail(1, 10, "Recipient address has null MX", "RFC 7505"),
        new EnhancedStatusDetail(2, 0, "Other or undefined mailbox status", "RFC 3463"),
        new EnhancedStatusDetail(2, 1, "Mailbox disabled, not accepting messages", "RFC 3463"),
        new EnhancedStatusDetail(2, 2, "Mailbox full", "RFC 3463"),
        new EnhancedStatusDetail(2, 3, "Message length exceeds administrative limit", "RFC 3463"),
        new EnhancedStatusDetail(2, 4, "Mailing list expansion problem", "RFC 3463"),
        new EnhancedStatusDetail(3, 0, "Other or undefined mail system status", "RFC 3463"),
        new EnhancedStatusDetail(3, 1, "Mail system full", "RFC 3463"),
        new EnhancedStatusDetail(3, 2, "System not accepting network messages", "RFC 3463"),
        new EnhancedStatusDetail(3, 3, "System not capable of selected features", "RFC 3463"),
        new EnhancedStatusDetail(3, 4, "Message too big for system", "RFC 3463"),
        new EnhancedStatusDetail(3, 5, "System incorrectly configured", "RFC 3463"),
        new EnhancedStatusDetail(3, 6, "Requested priority was changed", "RFC 6710"),
        new EnhancedStatusDetail(4, 0, "Other or undefined network or routing status", "RFC 3463"),
        new EnhancedStatusDetail(4, 1, "No answer from host", "RFC 3463"),
        new EnhancedStatusDetail(4, 2, "Bad connection", "RFC 3463"),
        new EnhancedStatusDetail(4, 3, "Directory server failure", "RFC 3463"),
        new EnhancedStatusDetail(4, 4, "Unable to route", "RFC 3463"),
        new EnhancedStatusDetail(4, 5, "Mail system congestion", "RFC 3463"),
        new EnhancedStatusDetail(4, 6, "Routing loop detected", "RFC 3463"),
        new EnhancedStatusDetail(4, 7, "Delivery time expired", "RFC 3463"),
        new EnhancedStatusDetail(5, 0, "Other or undefined protocol status", "RFC 3463"),
        new EnhancedStatusDetail(5, 1, "Invalid command", "RFC 3463"),
        new EnhancedStatusDetail(5, 2, "Syntax error", "RFC 3463"),
        new EnhancedStatusDetail(5, 3, "Too many recipients", "RFC 3463"),
        new EnhancedStatusDetail(5, 4, "Invalid command arguments", "RFC 3463"),
        new EnhancedStatusDetail(5, 5, "Wrong protocol version", "RFC 3463"),
        new EnhancedStatusDetail(5, 6, "Authentication Exchange line is too long", "RFC 4954"),
        new EnhancedStatusDetail(6, 0, "Other or undefined media error", "RFC 3463"),
        new EnhancedStatusDetail(6, 1, "Media not supported", "RFC 3463"),
        new EnhancedStatusDetail(6, 2, "Conversion required and prohibited", "RFC 3463"),
        new EnhancedStatusDetail(6, 3, "Conversion required but not supported", "RFC 3463"),
        new EnhancedStatusDetail(6, 4, "Conversion with loss performed", "RFC 3463"),
        new EnhancedStatusDetail(6, 5, "Conversion Failed", "RFC 3463"),
        new EnhancedStatusDetail(6, 6, "Message content not available", "RFC 4468"),
        new EnhancedStatusDetail(6, 7, "Non-ASCII addresses not permitted for that sender/recipient", "RFC 6531"),
        new EnhancedStatusDetail(6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client", "RFC 6531"),
        new EnhancedStatusDetail(6, 9, "UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected", "RFC 6531"),
        new EnhancedStatusDetail(6, 10, "(deprecated; duplicate of X.6.8)", "RFC 6531"),
        new EnhancedStatusDetail(7, 0, "Other or undefined security status", "RFC 3463"),
        new EnhancedStatusDetail(7, 1, "Delivery not authorized, message refused", "RFC 3463"),
        new EnhancedStatusDetail(7, 2, "Mailing list expansion prohibited", "RFC 3463"),
        new EnhancedStatusDetail(7, 3, "Security conversion required but not possible", "RFC 3463"),
        new EnhancedStatusDetail(7, 4, "Security features not supported", "RFC 3463"),
        new EnhancedStatusDetail(7, 5, "Cryptographic failure", "RFC 3463"),
        new EnhancedStatusDetail(7, 6, "Cryptographic algorithm not supported", "RFC 3463"),
        new EnhancedStatusDetail(7, 7, "Message integrity failure", "RFC 3463"),
        new EnhancedStatusDetail(7, 8, "Authentication credentials invalid", "RFC 4954"),
        new EnhancedStatusDetail(7, 9, "Authentication mechanism is too weak", "RFC 4954"),
        new EnhancedStatusDetail(7, 10, "Encryption Needed", "RFC 5248"),
        new EnhancedStatusDetail(7, 11, "Encryption required for requested authentication mechanism", "RFC 4954"),
        new EnhancedStatusDetail(7, 12, "A password transition is needed", "RFC 4954"),
        new EnhancedStatusDetail(7, 13, "User Account Disabled", "RFC 5248"),
        new EnhancedStatusDetail(7, 14, "Trust relationship required", "RFC 5248"),
        new EnhancedStatusDetail(7, 15, "Priority Level is too low", "RFC 6710"),
        new EnhancedStatusDetail(7, 16, "Message is too big for the specified priority", "RFC 6710"),
        new EnhancedStatusDetail(7, 17, "Mailbox owner has changed", "RFC 7293"),
        new EnhancedStatusDetail(7, 18, "Domain owner has changed", "RFC 7293"),
        new EnhancedStatusDetail(7, 19, "RRVS test cannot be completed", "RFC 7293"),
        new EnhancedStatusDetail(7, 20, "No passing DKIM signature found", "RFC 7372"),
        new EnhancedStatusDetail(7, 21, "No acceptable DKIM signature found", "RFC 7372"),
        new EnhancedStatusDetail(7, 22, "No valid author-matched DKIM signature found", "RFC 7372"),
        new EnhancedStatusDetail(7, 23, "SPF validation failed", "RFC 7372"),
        new EnhancedStatusDetail(7, 24, "SPF validation error", "RFC 7372"),
        new EnhancedStatusDetail(7, 25, "Reverse DNS validation failed", "RFC 7372"),
        new EnhancedStatusDetail(7, 26, "Multiple authentication checks failed", "RFC 7372"),
        new EnhancedStatusDetail(7, 27, "Sender address has null MX", "RFC 7505"),
        new EnhancedStatusDetail(7, 28, "Mail flood detected", "draft-levine-mailbomb-header"),
        new EnhancedStatusDetail(7, 29, "ARC validation failure", "RFC 8617"),
        new EnhancedStatusDetail(7, 30, "REQUIRETLS support required", "RFC 8689"));

    /// <summary>[subject][detail] lookup built from <see cref="All"/>; subjects are 0..7.</summary>
    private static readonly EnhancedStatusDetail?[][] BySubject = BuildIndex();

    private static EnhancedStatusDetail?[][] BuildIndex()
    {
        var maxDetail = new int[8];
        foreach (var entry in All)
        {
            if (entry.Detail > maxDetail[entry.Subject])
            {
                maxDetail[entry.Subject] = entry.Detail;
            }
        }

        var index = new EnhancedStatusDetail?[8][];
        for (var s = 0; s < index.Length; s++)
        {
            index[s] = new EnhancedStatusDetail?[maxDetail[s] + 1];
        }

        foreach (var entry in All)
        {
            index[entry.Subject][entry.Detail] = entry;
        }

        return index;
    }

    /// <summary>The registry entry for subject.detail, or null when IANA has none. O(1), no allocation.</summary>
    public static EnhancedStatusDetail? Find(int subject, int detail)
    {
        if ((uint)subject >= (uint)BySubject.Length)
        {
            return null;
        }

        var details = BySubject[subject];
        return (uint)detail < (uint)details.Length ? details[detail] : null;
    }

    /// <summary>
    /// Parses a dotted token that starts at <paramref name="start"/> and ends at the end of the text or at a space, tab,
    /// CR or LF. Returns false when the token is not enhanced-code shaped at all: no dot, a class of more than one digit,
    /// four or more parts (an IP address), or any character other than digits and dots (a host name, a version such as
    /// <c>2.5.0-beta</c>). A two-part <c>5.1</c> is reported as <see cref="EnhancedStatusCodeProblem.MissingDetail"/> only
    /// when its class is 2, 4 or 5. Allocation-free.
    /// </summary>
    public static bool TryParse(string text, int start, out EnhancedStatusCode code)
    {
        code = default;
        if (text is null || start < 0 || start >= text.Length)
        {
            return false;
        }

        // Find the end of the token and check that it holds only digits and dots.
        var end = start;
        var dots = 0;
        while (end < text.Length && !IsTokenEnd(text[end]))
        {
            var c = text[end];
            if (c == '.')
            {
                dots++;
            }
            else if (c < '0' || c > '9')
            {
                return false;
            }

            end++;
        }

        if (dots == 0 || dots > 2)
        {
            return false;
        }

        // Class: exactly one digit, then a dot.
        if (!IsDigit(text[start]) || start + 1 >= end || text[start + 1] != '.')
        {
            return false;
        }

        var @class = text[start] - '0';
        var subjectStart = start + 2;
        var subjectEnd = subjectStart;
        while (subjectEnd < end && text[subjectEnd] != '.')
        {
            subjectEnd++;
        }

        var subjectLength = subjectEnd - subjectStart;
        if (subjectLength == 0)
        {
            return false;
        }

        var subject = ParseNumber(text, subjectStart, subjectLength);
        var problem = Check(text, subjectStart, subjectLength);

        if (dots == 1)
        {
            if (@class != 2 && @class != 4 && @class != 5)
            {
                return false;
            }

            code = new EnhancedStatusCode(start, end - start, @class, subject, -1,
                problem == EnhancedStatusCodeProblem.None ? EnhancedStatusCodeProblem.MissingDetail : problem);
            return true;
        }

        var detailStart = subjectEnd + 1;
        var detailLength = end - detailStart;
        if (detailLength == 0)
        {
            return false;
        }

        var detail = ParseNumber(text, detailStart, detailLength);
        if (problem == EnhancedStatusCodeProblem.None)
        {
            problem = Check(text, detailStart, detailLength);
        }

        if (problem == EnhancedStatusCodeProblem.None && @class != 2 && @class != 4 && @class != 5)
        {
            problem = EnhancedStatusCodeProblem.BadClass;
        }

        code = new EnhancedStatusCode(start, end - start, @class, subject, detail, problem);
        return true;
    }

    /// <summary>
    /// Parses the reply code at the start of a reply line: three digits (first 2-5, second 0-5) followed by a space, a hyphen,
    /// or the end of the line. Returns the code, or -1. Allocation-free.
    /// </summary>
    public static int ParseReplyCode(string text, int start, out int textStart)
    {
        textStart = -1;
        if (text is null || start < 0 || start + 3 > text.Length)
        {
            return -1;
        }

        char a = text[start], b = text[start + 1], c = text[start + 2];
        if (a < '2' || a > '5' || b < '0' || b > '5' || !IsDigit(c))
        {
            return -1;
        }

        var after = start + 3;
        if (after < text.Length)
        {
            var sep = text[after];
            if (sep == ' ' || sep == '-')
            {
                textStart = after + 1;
            }
            else if (sep != '\r' && sep != '\n')
            {
                return -1;
            }
        }

        return ((a - '0') * 100) + ((b - '0') * 10) + (c - '0');
    }

    private static EnhancedStatusCodeProblem Check(string text, int start, int length)
    {
        if (length > 3)
        {
            return EnhancedStatusCodeProblem.TooManyDigits;
        }

        return length > 1 && text[start] == '0' ? EnhancedStatusCodeProblem.LeadingZero : EnhancedStatusCodeProblem.None;
    }

    private static int ParseNumber(string text, int start, int length)
    {
        if (length > 9)
        {
            return -1;
        }

        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsTokenEnd(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
