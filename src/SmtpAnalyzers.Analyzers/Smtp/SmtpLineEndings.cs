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

/// <summary>Syntax only: does a string expression start like an SMTP reply or command line?</summary>
public static class SmtpLineShape
{
    private static readonly string[] CommandVerbs =
    {
        "HELO", "EHLO", "LHLO", "MAIL FROM:", "RCPT TO:", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT",
        "STARTTLS", "AUTH", "ETRN", "ATRN", "TURN",
    };

    /// <summary>A reply line (<c>"250 OK"</c>, <c>"250-"</c>, <c>"354"</c>) or an upper-case SMTP command (<c>"QUIT"</c>, <c>"MAIL FROM:&lt;a&gt;"</c>).</summary>
    public static bool IsReplyOrCommandText(string value)
    {
        if (SmtpAnalyzers.ReplyCodes.EnhancedStatusCodeTable.ParseReplyCode(value, 0, out _) >= 0)
        {
            return true;
        }

        foreach (var verb in CommandVerbs)
        {
            if (value.StartsWith(verb, System.StringComparison.Ordinal))
            {
                if (value.Length == verb.Length || verb[verb.Length - 1] == ':')
                {
                    return true;
                }

                var next = value[verb.Length];
                if (next == ' ' || next == '\r' || next == '\n')
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The whole text the expression is part of (climbing <c>+</c>, parentheses, interpolation holes, <c>string.Format</c>/<c>Concat</c>/<c>Join</c>
    /// arguments) starts like a reply or command line, or with a value named like a reply, a code or a command.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="model"/>, a line whose code is a constant (<c>$"{SmtpReplyCode.Ok} OK\n"</c>,
    /// <c>SmtpReplyCode.Text.Ok + " OK\n"</c>) counts too; it is bound only after the syntax found nothing else.
    /// </remarks>
    public static bool IsPartOfProtocolLine(ExpressionSyntax expression, SemanticModel? model = null, System.Threading.CancellationToken cancellationToken = default)
    {
        var top = expression;
        while (true)
        {
            switch (top.Parent)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    top = binary;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    top = parenthesized;
                    continue;
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax outer }:
                    top = outer;
                    continue;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } when IsStringComposition(invocation):
                    top = invocation;
                    continue;
            }

            break;
        }

        return StartsLikeProtocolLine(top, depth: 0, model, cancellationToken);
    }

    /// <summary>Syntax only without a <paramref name="model"/>: see <see cref="IsPartOfProtocolLine"/>.</summary>
    public static bool StartsLikeProtocolLine(ExpressionSyntax expression, int depth, SemanticModel? model = null, System.Threading.CancellationToken cancellationToken = default)
    {
        if (depth > 4)
        {
            return false;
        }

        var skipped = SmtpSemantics.SkipParentheses(expression);
        if (StartsLikeProtocolLineSyntax(skipped, depth, model, cancellationToken))
        {
            return true;
        }

        return model is not null && skipped is InterpolatedStringExpressionSyntax or BinaryExpressionSyntax
            && ReplyStrings.FindLeadingConstantCode(skipped, model, cancellationToken) is not null;
    }

    private static bool StartsLikeProtocolLineSyntax(ExpressionSyntax expression, int depth, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return IsReplyOrCommandText(literal.Token.ValueText);
            case InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.Count > 0:
                return interpolated.Contents[0] switch
                {
                    InterpolatedStringTextSyntax text => IsReplyOrCommandText(text.TextToken.ValueText),
                    InterpolationSyntax hole => StartsLikeProtocolLine(hole.Expression, depth + 1, model, cancellationToken),
                    _ => false,
                };
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return StartsLikeProtocolLine(binary.Left, depth + 1, model, cancellationToken);
            case ConditionalExpressionSyntax conditional:
                return StartsLikeProtocolLine(conditional.WhenTrue, depth + 1, model, cancellationToken) || StartsLikeProtocolLine(conditional.WhenFalse, depth + 1, model, cancellationToken);
            case IdentifierNameSyntax identifier:
                return IsProtocolValueName(identifier.Identifier.ValueText);
            case MemberAccessExpressionSyntax access:
                return IsProtocolValueName(access.Name.Identifier.ValueText);
            case ArrayCreationExpressionSyntax { Initializer.Expressions: { Count: > 0 } elements }:
                return StartsLikeProtocolLine(elements[0], depth + 1, model, cancellationToken);
            case ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: { Count: > 0 } implicitElements }:
                return StartsLikeProtocolLine(implicitElements[0], depth + 1, model, cancellationToken);
            case InvocationExpressionSyntax invocation:
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                var args = invocation.ArgumentList.Arguments;
                switch (name)
                {
                    case "Format" or "Concat" when args.Count > 0:
                        return StartsLikeProtocolLine(args[0].Expression, depth + 1, model, cancellationToken);
                    case "Join" when args.Count > 1:
                        return StartsLikeProtocolLine(args[1].Expression, depth + 1, model, cancellationToken);
                    case "ToString" when invocation.Expression is MemberAccessExpressionSyntax toString:
                        return StartsLikeProtocolLine(toString.Expression, depth + 1, model, cancellationToken);
                    case null:
                        return false;
                    default:
                        return IsProtocolValueName(name);
                }

            default:
                return false;
        }
    }

    private static bool IsProtocolValueName(string name) =>
        SmtpSemantics.IsReplyTextName(name) || SmtpSemantics.IsCodeLikeName(name)
        || name.IndexOf("Command", System.StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Ehlo", System.StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsStringComposition(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax or IdentifierNameSyntax { Identifier.ValueText: "String" }, Name.Identifier.ValueText: "Format" or "Concat" or "Join" };
}
