using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// Where in an SMTP file a node the rules read can be: one pass over the file's text marks every quote (a string, char,
/// interpolated, raw or UTF-8 literal holds one), every run of exactly three digits (the only numeric literals the rules
/// read are three characters long) and every identifier whose name is one the rules' member logic looks for.
/// <see cref="SmtpRuleAnalyzer"/> hands the rules only the nodes the marks lead to (<see cref="Nodes"/>), so the red nodes
/// of every statement, expression and type without one are never made.
/// </summary>
/// <remarks>
/// <para>
/// The marks are a superset: comments, disabled code and identifiers that merely share a name mark too, and a name is
/// matched by its hash (<see cref="NameFilter"/>), so a collision only marks more. An identifier can be spelled with a
/// Unicode escape (<c>Write\u004Cine</c>) or hold a format character the compiler drops from names (a soft hyphen, a
/// zero-width space): every such escape and character is marked too, so the identifier around it is reached whatever its
/// hash.
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

    /// <summary>The marks of a text.</summary>
    public static WalkMarks Read(SourceText text, NameFilter memberNames, CancellationToken cancellationToken)
    {
        var marks = new WalkMarks(text.Length, memberNames);
        text.Write(marks, cancellationToken);
        marks.EndOfText();
        return marks;
    }

    /// <summary>
    /// The nodes the marks lead to, in text order, each once: from each mark to the token that holds it
    /// (<see cref="SyntaxNode.FindToken"/>, which makes only the red nodes on the way down), and from the token to the
    /// node it belongs to (<see cref="ReadNode"/>). The marks after the first in one token (both quotes of a string, its
    /// digits, the marks in its trivia) lead nowhere new and are skipped.
    /// </summary>
    /// <remarks>
    /// The marks come in text order, so each search starts from the lowest node around the previous token that also holds
    /// the next mark, not from the root.
    /// </remarks>
    public IEnumerable<SyntaxNode> Nodes(SyntaxNode root)
    {
        var tokenEnd = -1;
        var scope = root;
        for (var at = Next(0); at >= 0; at = Next(Math.Max(at + 1, tokenEnd)))
        {
            while (!scope.FullSpan.Contains(at) && scope.Parent is { } parent)
            {
                scope = parent;
            }

            var token = scope.FindToken(at);
            tokenEnd = token.FullSpan.End;
            scope = token.Parent ?? root;
            if (ReadNode(token) is { } node)
            {
                yield return node;
            }
        }
    }

    /// <summary>
    /// The node a mark in <paramref name="token"/> leads to, if it is one a rule reads: the literal the token is (a number, a
    /// string, a char, a UTF-8 string), the interpolated string it opens, or the member access or member binding it names.
    /// </summary>
    /// <remarks>
    /// An interpolated string is reached from its opening token (<c>$"</c>, <c>$@"</c>, <c>$"""</c>), which always holds a
    /// quote; the marks inside it lead to its text, holes and closing token, which lead nowhere. A mark in a comment or in
    /// disabled code leads to the token that carries it, which is a node of its own right or nothing.
    /// </remarks>
    public static SyntaxNode? ReadNode(SyntaxToken token) => token.Parent switch
    {
        LiteralExpressionSyntax literal => literal,
        InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken == token => interpolated,
        SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access } name when access.Name == name => access,
        SimpleNameSyntax { Parent: MemberBindingExpressionSyntax binding } name when binding.Name == name => binding,
        _ => null,
    };

    /// <summary>The first marked position at or after <paramref name="from"/>, or -1.</summary>
    public int Next(int from)
    {
        if (from < 0)
        {
            from = 0;
        }

        var i = from >> 6;
        if (i >= bits.Length)
        {
            return -1;
        }

        var word = bits[i] & (ulong.MaxValue << (from & 63));
        while (word == 0)
        {
            if (++i == bits.Length)
            {
                return -1;
            }

            word = bits[i];
        }

        return (i << 6) + TrailingZeros(word);
    }

    /// <summary>The index of the lowest set bit of a non-zero word (a de Bruijn multiply: netstandard2.0 has no intrinsic).</summary>
    private static int TrailingZeros(ulong word) => LowestBit[(int)(((word & (0UL - word)) * DeBruijn) >> 58)];

    private const ulong DeBruijn = 0x03F79D71B4CB0A89UL;

    private static readonly byte[] LowestBit = CreateLowestBit();

    private static byte[] CreateLowestBit()
    {
        var table = new byte[64];
        for (var i = 0; i < 64; i++)
        {
            table[(int)(((1UL << i) * DeBruijn) >> 58)] = (byte)i;
        }

        return table;
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
                Mark(at);
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
                // A Unicode escape, in a name (Write\u004Cine is WriteLine) or in a literal: its backslash.
                Mark(at - 1);
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
