using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// Where in an SMTP file a node the rules read can be: one pass over the file's text marks every quote (a string, char,
/// interpolated, raw or UTF-8 literal holds one), every run of exactly three digits (the only numeric literals the rules
/// read are three characters long) and every identifier whose name is one the rules' member logic looks for. The walk of
/// <see cref="SmtpRuleAnalyzer"/> descends only into nodes whose span holds a mark, so the red nodes of every statement,
/// expression and type without one are never made.
/// </summary>
/// <remarks>
/// <para>
/// The marks are a superset: comments, disabled code and identifiers that merely share a name mark too, and a name is
/// matched by its hash (<see cref="NameFilter"/>), so a collision only marks more. A file with a Unicode escape (<c>\u</c>, <c>\U</c>) or
/// a format character (a soft hyphen, a zero-width space: the compiler drops them from names) anywhere is walked whole
/// (<see cref="Read"/> returns null): an identifier can be spelled with either.
/// </para>
/// <para>
/// The text is read through <see cref="SourceText.Write(TextWriter, CancellationToken)"/> like the gate's scan: no copy of the
/// text, one bit per character for the marks.
/// </para>
/// </remarks>
internal sealed class WalkMarks : TextWriter
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private const byte Other = 0;
    private const byte Letter = 1;
    private const byte Digit = 2;
    private const byte Quote = 3;
    private const byte Backslash = 4;

    /// <summary>The class of each ASCII character; every other character is <see cref="Other"/>.</summary>
    private static readonly byte[] Classes = CreateClasses();

    private readonly NameFilter names;
    private readonly ulong[] bits;
    private int position;
    private int digitStart;
    private int digitCount;
    private int identifierStart;
    private int identifierLength;
    private uint identifierHash;
    private bool afterBackslash;
    private bool wholeText;

    private WalkMarks(int length, NameFilter names)
    {
        this.names = names;
        bits = new ulong[(length >> 6) + 1];
    }

    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>The member names the rules look for, as <see cref="Read"/> matches them: by hash, one bit each.</summary>
    public static NameFilter HashNames(IEnumerable<string> memberNames)
    {
        var filter = new NameFilter();
        foreach (var name in memberNames)
        {
            var hash = FnvOffset;
            foreach (var c in name)
            {
                hash = (hash ^ c) * FnvPrime;
            }

            filter.Add(hash);
        }

        return filter;
    }

    /// <summary>
    /// The member names the rules' member logic looks for in a compilation: the constants of the SMTP enums and of the bundled
    /// class (<see cref="SmtpSemantics.CodeMemberNames"/>, SMTP003) and <see cref="SMTP005LineEndingAnalyzer.MemberNames"/>.
    /// </summary>
    public static List<string> RuleMemberNames(SmtpSemantics smtp)
    {
        var names = new List<string>(smtp.CodeMemberNames);
        names.AddRange(SMTP005LineEndingAnalyzer.MemberNames);
        return names;
    }

    /// <summary>The marks of a text, or null when the whole text must be walked (it holds a Unicode escape or a format character).</summary>
    public static WalkMarks? Read(SourceText text, NameFilter memberNames, CancellationToken cancellationToken)
    {
        var marks = new WalkMarks(text.Length, memberNames);
        text.Write(marks, cancellationToken);
        marks.EndOfText();
        return marks.wholeText ? null : marks;
    }

    /// <summary>True when a mark lies in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool HasMark(int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        var first = start >> 6;
        var last = (end - 1) >> 6;
        var word = bits[first] & (ulong.MaxValue << (start & 63));
        for (var i = first; ; word = bits[++i])
        {
            if (i == last)
            {
                var upTo = (end - 1) & 63;
                return (word & (upTo == 63 ? ulong.MaxValue : (1UL << (upTo + 1)) - 1)) != 0;
            }

            if (word != 0)
            {
                return true;
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            Scan(value.AsSpan());
        }
    }

    public override void Write(char[] buffer, int index, int count) => Scan(new ReadOnlySpan<char>(buffer, index, count));

    public override void Write(char value)
    {
        Span<char> one = stackalloc char[] { value };
        Scan(one);
    }

    /// <summary>
    /// One piece of the text, in one loop over locals: the state (a digit run, an identifier, a backslash) carries over from
    /// the piece before, so a piece boundary inside a word changes nothing.
    /// </summary>
    private void Scan(ReadOnlySpan<char> piece)
    {
        var classes = Classes;
        var at = position;
        var digits = digitCount;
        var identifier = identifierLength;
        var hash = identifierHash;
        var backslash = afterBackslash;
        foreach (var c in piece)
        {
            var kind = c < 128 ? classes[c] : Other;
            if (kind == Other && c >= 128 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                // A soft hyphen or a zero-width character inside a name is dropped by the compiler: Write\u00ADLine is WriteLine.
                wholeText = true;
            }

            if (kind == Digit)
            {
                if (digits++ == 0)
                {
                    digitStart = at;
                }
            }
            else if (digits != 0)
            {
                if (digits == 3)
                {
                    Mark(digitStart);
                }

                digits = 0;
            }

            if (kind == Letter || (kind == Digit && identifier != 0))
            {
                if (identifier++ == 0)
                {
                    identifierStart = at;
                    hash = FnvOffset;
                }

                hash = (hash ^ c) * FnvPrime;
            }
            else if (identifier != 0)
            {
                if (names.MayContain(hash))
                {
                    Mark(identifierStart);
                }

                identifier = 0;
            }

            if (kind == Quote)
            {
                Mark(at);
            }
            else if (backslash && (c == 'u' || c == 'U'))
            {
                wholeText = true;
            }

            backslash = kind == Backslash;
            at++;
        }

        position = at;
        digitCount = digits;
        identifierLength = identifier;
        identifierHash = hash;
        afterBackslash = backslash;
    }

    private void EndOfText()
    {
        if (digitCount == 3)
        {
            Mark(digitStart);
        }

        if (identifierLength > 0 && names.MayContain(identifierHash))
        {
            Mark(identifierStart);
        }

        digitCount = 0;
        identifierLength = 0;
    }

    private void Mark(int at)
    {
        if ((uint)(at >> 6) < (uint)bits.Length)
        {
            bits[at >> 6] |= 1UL << (at & 63);
        }
    }

    private static byte[] CreateClasses()
    {
        var classes = new byte[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            classes[c] = Letter;
            classes[c - 'a' + 'A'] = Letter;
        }

        classes['_'] = Letter;
        for (var c = '0'; c <= '9'; c++)
        {
            classes[c] = Digit;
        }

        classes['"'] = Quote;
        classes['\''] = Quote;
        classes['\\'] = Backslash;
        return classes;
    }

    /// <summary>
    /// Hashes of names, one bit each in a 65,536-bit table: a name looked for always answers yes; another name answers yes
    /// only when its hash shares a bit, which marks more, never less.
    /// </summary>
    internal sealed class NameFilter
    {
        private readonly ulong[] table = new ulong[1024];

        public void Add(uint hash) => table[(hash & 0xFFFF) >> 6] |= 1UL << (int)(hash & 63);

        public bool MayContain(uint hash) => (table[(hash & 0xFFFF) >> 6] & (1UL << (int)(hash & 63))) != 0;
    }
}
