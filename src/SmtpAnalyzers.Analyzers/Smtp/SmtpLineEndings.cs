using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// Pure, allocation-free facts about SMTP line endings (RFC 5321 §2.3.8, §4.1.1.4) and about where a character of a string
/// literal's value sits in the source. Shared by SMTP004, SMTP005 and SMTP007.
/// </summary>
public static class SmtpLineEndings
{
    /// <summary>The index of the first LF not preceded by CR, or of the first CR not followed by LF; -1 when every line ends in CRLF.</summary>
    public static int FindBareLineEnding(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n' && (i == 0 || value[i - 1] != '\r'))
            {
                return i;
            }

            if (c == '\r' && (i + 1 >= value.Length || value[i + 1] != '\n'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when the text holds an end-of-data marker that is not exactly CRLF "." CRLF: <c>"\n.\n"</c>, <c>"\n.\r\n"</c>,
    /// <c>"\r\n.\n"</c> (the SMTP smuggling patterns, RFC 5321 §4.1.1.4).
    /// </summary>
    public static bool ContainsBareLfDataTerminator(string value)
    {
        for (var i = 1; i + 1 < value.Length; i++)
        {
            if (value[i] != '.' || value[i - 1] != '\n')
            {
                continue;
            }

            var crBefore = i >= 2 && value[i - 2] == '\r';
            bool lfAfter, crlfAfter;
            if (value[i + 1] == '\n')
            {
                lfAfter = true;
                crlfAfter = false;
            }
            else if (value[i + 1] == '\r' && i + 2 < value.Length && value[i + 2] == '\n')
            {
                lfAfter = true;
                crlfAfter = true;
            }
            else
            {
                lfAfter = false;
                crlfAfter = false;
            }

            if (lfAfter && !(crBefore && crlfAfter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The offset in <c>token.Text</c> of character <paramref name="valueIndex"/> of the token's value (an index equal to the
    /// value's length maps to the closing delimiter). Works for regular and verbatim string literals, single-line raw string
    /// literals and the text parts of regular and verbatim interpolated strings; -1 for anything else.
    /// </summary>
    public static int MapValueIndex(SyntaxToken token, int valueIndex)
    {
        var text = token.Text;
        int pos;
        bool verbatim;
        var interpolated = false;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
            case SyntaxKind.Utf8StringLiteralToken:
                verbatim = text.Length > 0 && text[0] == '@';
                pos = verbatim ? 2 : 1;
                break;
            case SyntaxKind.SingleLineRawStringLiteralToken:
            case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                pos = 0;
                while (pos < text.Length && text[pos] == '"')
                {
                    pos++;
                }

                return valueIndex <= token.ValueText.Length ? pos + valueIndex : -1;
            case SyntaxKind.InterpolatedStringTextToken:
                if (token.Parent?.Parent is not InterpolatedStringExpressionSyntax interpolation)
                {
                    return -1;
                }

                var startKind = interpolation.StringStartToken.Kind();
                if (startKind != SyntaxKind.InterpolatedStringStartToken && startKind != SyntaxKind.InterpolatedVerbatimStringStartToken)
                {
                    return -1;
                }

                verbatim = startKind == SyntaxKind.InterpolatedVerbatimStringStartToken;
                interpolated = true;
                pos = 0;
                break;
            default:
                return -1;
        }

        var v = 0;
        while (pos < text.Length)
        {
            if (v >= valueIndex)
            {
                return v == valueIndex ? pos : -1;
            }

            var c = text[pos];
            var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
            if (interpolated && (c == '{' || c == '}') && next == c)
            {
                pos += 2;
                v++;
                continue;
            }

            if (verbatim)
            {
                pos += c == '"' && next == '"' ? 2 : 1;
                v++;
                continue;
            }

            if (c != '\\')
            {
                pos++;
                v++;
                continue;
            }

            switch (next)
            {
                case 'x':
                    var end = pos + 2;
                    while (end < text.Length && end < pos + 6 && IsHex(text[end]))
                    {
                        end++;
                    }

                    pos = end;
                    v++;
                    break;
                case 'u':
                    pos += 6;
                    v++;
                    break;
                case 'U':
                    var isPair = pos + 10 <= text.Length && !(text[pos + 2] == '0' && text[pos + 3] == '0' && text[pos + 4] == '0' && text[pos + 5] == '0');
                    pos += 10;
                    v += isPair ? 2 : 1;
                    break;
                default:
                    pos += 2;
                    v++;
                    break;
            }
        }

        return v == valueIndex ? pos : -1;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
