using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

public sealed partial class SmtpSemantics
{
    /// <summary>
    /// A value checked against an SMTP value by an equality assertion of a test framework: <c>Assert.Equal(250, code)</c>,
    /// <c>Assert.AreEqual(250, code)</c>, <c>Assert.That(code, Is.EqualTo(250))</c>, <c>code.Should().Be(250)</c>.
    /// </summary>
    /// <remarks>
    /// Matched by syntax (test frameworks are often not referenced when code is analyzed in bulk); the SMTP evidence is the
    /// other operand, decided as for <c>==</c>. An assertion that checks a constant's own value
    /// (<c>Assert.Equal(250, (int)SmtpStatusCode.Ok)</c>) is a definition check, not a magic number: see <see cref="IsConstantComparand"/>.
    /// </remarks>
    private CodeUse ClassifyAssertionArgument(ArgumentSyntax argument, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (argument.NameColon is not null || argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list
            || invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return default;
        }

        ExpressionSyntax? other = null;
        var name = access.Name.Identifier.ValueText;
        switch (name)
        {
            case "Equal" or "NotEqual" or "AreEqual" or "AreNotEqual" when IsAssertClass(access.Expression) && list.Arguments.Count >= 2:
                // Assert.Equal(expected, actual[, ...]): the literal is one of the first two arguments, the other is compared with it.
                if (list.Arguments[0] == argument)
                {
                    other = list.Arguments[1].Expression;
                }
                else if (list.Arguments[1] == argument)
                {
                    other = list.Arguments[0].Expression;
                }

                break;
            case "EqualTo" when list.Arguments.Count == 1 && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Is" }
                && invocation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax that } thatList } constraint
                && that.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "That" } thatAccess
                && IsAssertClass(thatAccess.Expression) && thatList.Arguments.Count >= 2 && thatList.Arguments[1] == constraint:
                // Assert.That(actual, Is.EqualTo(expected))
                other = thatList.Arguments[0].Expression;
                break;
            case "Be" or "NotBe" when list.Arguments.Count >= 1 && list.Arguments[0] == argument
                && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" } should, ArgumentList.Arguments.Count: 0 }:
                // actual.Should().Be(expected)
                other = should.Expression;
                break;
        }

        if (other is null || IsConstantComparand(other, model, cancellationToken))
        {
            return default;
        }

        // The fix for an assertion is a named constant of the same type as the literal, so the enum kinds are not used here.
        return ClassifyComparand(other, model, options, cancellationToken).IsSmtp ? new CodeUse(CodeUseKind.SmtpValue) : default;
    }

    /// <summary><c>Assert</c> or <c>ClassicAssert</c>, possibly qualified (<c>Xunit.Assert</c>, <c>NUnit.Framework.Legacy.ClassicAssert</c>).</summary>
    private static bool IsAssertClass(ExpressionSyntax expression)
    {
        var identifier = expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax id } => id.Identifier.ValueText,
            AliasQualifiedNameSyntax { Name: IdentifierNameSyntax id } => id.Identifier.ValueText,
            _ => null,
        };
        return identifier is "Assert" or "ClassicAssert";
    }

    /// <summary>
    /// True when the other side of a comparison is itself a compile-time constant (<c>(int)SmtpStatusCode.Ok == 250</c>,
    /// <c>Assert.Equal(250, (int)SmtpReplyCode.Ok)</c>): such a comparison checks what the constant means, and replacing the
    /// literal with that constant's name would make the check compare the constant with itself.
    /// </summary>
    private static bool IsConstantComparand(ExpressionSyntax other, SemanticModel model, CancellationToken cancellationToken) =>
        !SkipParentheses(other).IsKind(SyntaxKind.NumericLiteralExpression) && model.GetConstantValue(other, cancellationToken).HasValue;
}
