using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Smtp;

/// <summary>Syntax-only helpers for strings that start with an SMTP reply code; shared by SMTP002's analyzer and fixer.</summary>
public static partial class ReplyStrings
{
    /// <summary>HTTP reason phrases whose status codes are also SMTP reply codes: "500 Internal Server Error" is HTTP.</summary>
    private static readonly string[] HttpReasonPhrases =
    {
        "Internal Server Error", "Not Implemented", "Bad Gateway", "Service Unavailable", "Gateway Timeout", "HTTP Version Not Supported",
        "Misdirected Request", "Unavailable For Legal Reasons", "Web Server Is Down", "Site is frozen",
    };

    /// <summary>
    /// The known reply code that <paramref name="value"/> starts with, when it is followed by a space, a hyphen, CR, LF, or the end
    /// of the text (<paramref name="isBare"/> then tells a bare three-digit string); null otherwise. O(1), no allocation.
    /// </summary>
    public static ReplyCode? MatchCodePrefix(string value, out bool isBare)
    {
        isBare = false;
        if (value.Length < 3 || value[0] < '2' || value[0] > '5')
        {
            return null;
        }

        if (ReplyCodeTable.Find(value, 0) is not { } code)
        {
            return null;
        }

        if (value.Length == 3)
        {
            isBare = true;
            return code;
        }

        switch (value[3])
        {
            case ' ':
                return IsHttpReasonPhrase(value, 4) ? null : code;
            case '-':
            case '\r':
            case '\n':
                return code;
            default:
                return null;
        }
    }

    private static bool IsHttpReasonPhrase(string value, int start)
    {
        foreach (var phrase in HttpReasonPhrases)
        {
            if (value.Length >= start + phrase.Length && string.CompareOrdinal(value, start, phrase, 0, phrase.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where, inside <paramref name="token"/>'s source text, the first content character is (after <c>@"</c>, the quotes of a raw
    /// string, or the first line break and indentation of a multi-line raw string). -1 when the token is not a string token.
    /// </summary>
    public static int GetContentStart(SyntaxToken token)
    {
        var text = token.Text;
        switch ((SyntaxKind)token.RawKind)
        {
            case SyntaxKind.StringLiteralToken:
                return text.Length > 0 && text[0] == '@' ? 2 : 1;
            case SyntaxKind.SingleLineRawStringLiteralToken:
                return CountQuotes(text, 0);
            case SyntaxKind.MultiLineRawStringLiteralToken:
                return SkipLineBreakAndIndentation(text, CountQuotes(text, 0));
            case SyntaxKind.InterpolatedStringTextToken:
                return token.Parent?.Parent is InterpolatedStringExpressionSyntax { StringStartToken.RawKind: (int)SyntaxKind.InterpolatedMultiLineRawStringStartToken }
                    ? SkipLineBreakAndIndentation(text, 0)
                    : 0;
            default:
                return -1;
        }
    }

    /// <summary>
    /// The source span of the three code digits at the start of a string token's content; null when the source does not spell
    /// them as plain digits there (an escape sequence, for example).
    /// </summary>
    public static Microsoft.CodeAnalysis.Text.TextSpan? GetCodeSpan(SyntaxToken token, ReplyCode code)
    {
        var start = GetContentStart(token);
        var text = token.Text;
        var digits = code.ValueText;
        if (start < 0 || text.Length < start + 3 || string.CompareOrdinal(text, start, digits, 0, 3) != 0)
        {
            return null;
        }

        return new Microsoft.CodeAnalysis.Text.TextSpan(token.SpanStart + start, 3);
    }

    /// <summary>
    /// Syntax only: the string is at the start of the text it becomes part of (the left end of a <c>+</c> chain, the first part of an
    /// interpolation, the format of <c>string.Format</c>, the first part of <c>string.Concat</c>), so that its code starts a line.
    /// </summary>
    public static bool IsAtTextStart(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax:
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                case SwitchExpressionArmSyntax:
                case SwitchExpressionSyntax:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression }:
                    node = node.Parent;
                    continue;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                    if (add.Left != node)
                    {
                        return false;
                    }

                    node = add;
                    continue;
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax outer } hole:
                    if (outer.Contents.Count == 0 || outer.Contents[0] != hole)
                    {
                        return false;
                    }

                    node = outer;
                    continue;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument:
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => null,
                    };
                    var index = list.Arguments.IndexOf(argument);
                    switch (name)
                    {
                        case "Format":
                        case "AppendFormat":
                            // The format, possibly after an IFormatProvider.
                            return index == 0 || (index == 1 && !IsStringSyntax(list.Arguments[0].Expression));
                        case "Concat":
                            return index == 0;
                        case "Join":
                            return false;
                        default:
                            return true;
                    }

                default:
                    return true;
            }
        }
    }

    private static bool IsStringSyntax(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax;

    /// <summary>
    /// Syntax only: the expression sits where C# requires a constant: a case label, a constant pattern, an attribute argument,
    /// a parameter default value, a const field or local (also through parentheses, <c>+</c> and interpolation holes).
    /// </summary>
    public static bool IsConstantRequired(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression }:
                case InterpolationSyntax:
                case InterpolatedStringExpressionSyntax:
                    node = node.Parent;
                    continue;
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case AttributeArgumentSyntax:
                    return true;
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var holder } } }:
                    return holder is LocalDeclarationStatementSyntax { IsConst: true }
                        || (holder is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword));
                default:
                    return false;
            }
        }
    }

    private static int CountQuotes(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] == '"')
        {
            i++;
        }

        return i;
    }

    private static int SkipLineBreakAndIndentation(string text, int start)
    {
        var i = start;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\n')
        {
            i++;
        }

        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    internal static bool ContainsBrace(string text, int start) =>
        text.IndexOf('{', start) >= 0 || text.IndexOf('}', start) >= 0;

    /// <summary>True for the kinds of string literal token SMTP002 looks at.</summary>
    public static bool IsStringToken(SyntaxToken token) =>
        token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

    /// <summary>The interpolated string's start token's count of <c>$</c> (1 for <c>$"</c>, 2 for <c>$$"""</c>).</summary>
    public static int CountDollars(InterpolatedStringExpressionSyntax interpolated)
    {
        var text = interpolated.StringStartToken.Text;
        var n = 0;
        foreach (var c in text)
        {
            if (c == '$')
            {
                n++;
            }
        }

        return Math.Max(1, n);
    }
}
