using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// Reply strings whose leading code is not spelled as three digits: <c>$"{SmtpReplyCode.Ok} 2.0.0 OK\r\n"</c>,
/// <c>SmtpReplyCode.Text.Ok + " 2.0.0 OK\r\n"</c>, <c>$"{(int)SmtpStatusCode.Ok} ..."</c> (what SMTP002's fix writes).
/// Shared by SMTP003 (reply class), SMTP004 (enhanced code) and SMTP005 (line shape).
/// </summary>
public static partial class ReplyStrings
{
    /// <summary>
    /// Syntax only, no binding: the expression written where a reply line's three digits would be, when the text right after it
    /// (<paramref name="rest"/>) starts with a space, a hyphen, CR or LF. <paramref name="text"/> may be an interpolated string whose
    /// first content is a hole (no alignment, no format), a string literal that is the right operand of a <c>+</c>, or that <c>+</c>
    /// itself. Null otherwise.
    /// </summary>
    public static ExpressionSyntax? FindLeadingCodeOperand(ExpressionSyntax text, out SyntaxToken rest)
    {
        rest = default;
        switch (text)
        {
            case InterpolatedStringExpressionSyntax { Contents: { Count: >= 2 } contents }
                when contents[0] is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole
                    && contents[1] is InterpolatedStringTextSyntax next
                    && StartsAfterCode(next.TextToken.ValueText):
                rest = next.TextToken;
                return hole.Expression;
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                when literal.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add && add.Right == literal
                    && StartsAfterCode(literal.Token.ValueText):
                rest = literal.Token;
                return add.Left;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } right } add
                when StartsAfterCode(right.Token.ValueText):
                rest = right.Token;
                return add.Left;
            default:
                return null;
        }
    }

    /// <summary>
    /// The known reply code that <paramref name="operand"/> is a constant for: an integer constant (not an enum, which prints its
    /// name) or a three-digit string constant. Null for anything else, a non-constant value included.
    /// </summary>
    public static ReplyCode? GetConstantReplyCode(ExpressionSyntax operand, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(operand, cancellationToken);
        if (!constant.HasValue)
        {
            return null;
        }

        switch (constant.Value)
        {
            case string s:
                return s.Length == 3 ? ReplyCodeTable.Find(s, 0) : null;
            case int or short or ushort or long or uint or ulong or byte or sbyte:
                var value = System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (value < 200 || value > 599)
                {
                    return null;
                }

                // An enum member is a constant too, but it is written as its name.
                var type = model.GetTypeInfo(operand, cancellationToken).Type;
                return type is null || type.TypeKind == TypeKind.Enum ? null : ReplyCodeTable.Find((int)value);
            default:
                return null;
        }
    }

    /// <summary><see cref="FindLeadingCodeOperand"/> then <see cref="GetConstantReplyCode"/>.</summary>
    public static ReplyCode? FindLeadingConstantCode(ExpressionSyntax text, SemanticModel model, CancellationToken cancellationToken) =>
        FindLeadingCodeOperand(text, out _) is { } operand ? GetConstantReplyCode(operand, model, cancellationToken) : null;

    /// <summary>The text after a reply code: a space or hyphen (then the text), or CR/LF (a bare code line).</summary>
    public static bool StartsAfterCode(string rest) =>
        rest.Length > 0 && (rest[0] == ' ' || rest[0] == '-' || rest[0] == '\r' || rest[0] == '\n');
}
