using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Fixes;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP001 fix: the literal becomes the SMTP enum member (when it is cast to or compared with that enum), else a constant the
/// user's code already declares for the value, else the bundled <c>SmtpReplyCode</c> constant.
/// </summary>
/// <remarks>
/// One equivalence key per kind of fix, never per code or location, so that Fix All and <c>dotnet format analyzers</c>
/// fix every code in one pass. The preferred action is registered first.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SMTP001MagicReplyCodeFixer))]
[Shared]
public sealed class SMTP001MagicReplyCodeFixer : NamedConstantFixer
{
    /// <summary>The preferred fix: the best name for the code at each place.</summary>
    public const string UseNamedConstantKey = "SMTP001.UseNamedConstant";

    /// <summary>The alternative fix: always the bundled <c>SmtpReplyCode</c> constant.</summary>
    public const string UseBundledConstantKey = "SMTP001.UseBundledConstant";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MagicReplyCode);

    public SMTP001MagicReplyCodeFixer()
        : base(UseNamedConstantKey, UseBundledConstantKey, Resources.SMTP001FixUseNamedConstant, Resources.SMTP001FixUseBundledConstant)
    {
    }

    protected override FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, bool preferBundled, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !diagnostic.Properties.TryGetValue(SMTP001MagicReplyCodeAnalyzer.CodeProperty, out var codeText)
            || codeText is null
            || ReplyCodeTable.Find(codeText, 0) is not { } code)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(SMTP001MagicReplyCodeAnalyzer.UseProperty, out var useText);
        var position = literal.SpanStart;

        if (!preferBundled)
        {
            if (useText == nameof(CodeUseKind.CastToSmtpEnum) && ClimbParentheses(literal).Parent is CastExpressionSyntax cast
                && model.GetTypeInfo(cast.Type, cancellationToken).Type is INamedTypeSymbol castEnum
                && NamedValues.FindEnumMember(castEnum, code.Value) is { } castMember)
            {
                // (SmtpStatusCode)550  ->  SmtpStatusCode.MailboxUnavailable, keeping the type as the user wrote it.
                var access = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, cast.Type.WithoutTrivia(), SyntaxFactory.IdentifierName(castMember.Name))
                    .WithTriviaFrom(cast);
                return new FixPlan(cast, access, castEnum.Name + "." + castMember.Name, isBundled: false);
            }

            if (useText == nameof(CodeUseKind.ComparedWithIntCastEnum)
                && NamedValues.FindComparedEnum(literal, model, cancellationToken) is { } compared
                && NamedValues.FindEnumMember(compared.EnumType, code.Value) is { } comparedMember)
            {
                var memberAccess = NamedValues.MemberAccess(compared.EnumType, comparedMember.Name, model, position);
                var display = compared.EnumType.Name + "." + comparedMember.Name;
                if (compared.Binary is { } binary && compared.IntCast is { } intCast)
                {
                    // (int)ex.StatusCode == 550  ->  ex.StatusCode == SmtpStatusCode.MailboxUnavailable
                    var enumSide = NamedValues.AsOperand(intCast.Expression).WithTriviaFrom(intCast);
                    var literalSide = memberAccess.WithTriviaFrom(ClimbParentheses(literal));
                    var newBinary = binary.Left == ClimbParentheses(literal) || binary.Left.Span.Contains(literal.Span)
                        ? binary.WithLeft(literalSide).WithRight(enumSide)
                        : binary.WithLeft(enumSide).WithRight(literalSide);
                    return new FixPlan(binary, newBinary, display, isBundled: false);
                }

                // case 550: under switch ((int)ex.StatusCode)  ->  case (int)SmtpStatusCode.MailboxUnavailable:
                var castBack = SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), memberAccess)
                    .WithTriviaFrom(literal);
                return new FixPlan(literal, castBack, display, isBundled: false);
            }

            if (NamedValues.FindUserConstant(model, position, code.Value, cancellationToken) is { } userConstant)
            {
                var access = NamedValues.MemberAccess(userConstant.ContainingType, userConstant.Name, model, position).WithTriviaFrom(literal);
                return new FixPlan(literal, access, userConstant.ContainingType.Name + "." + userConstant.Name, isBundled: false);
            }
        }

        if (NamedValues.FindBundledConstant(model.Compilation, code) is { } bundled)
        {
            var access = NamedValues.MemberAccess(bundled.ContainingType, bundled.Name, model, position).WithTriviaFrom(literal);
            return new FixPlan(literal, access, bundled.ContainingType.Name + "." + bundled.Name, isBundled: true);
        }

        return null;
    }

    private static ExpressionSyntax ClimbParentheses(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }
}
