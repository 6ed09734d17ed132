using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Fixes;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP003 fix, offered only where the RFC gives exactly one answer: 221 on a server-initiated close becomes 421, 502 for an
/// unrecognized verb becomes 500, a non-error reply to QUIT becomes 221. The code keeps its form: a literal stays a literal,
/// an enum member or bundled constant becomes the member of the same type with the new value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SMTP003ReplyCodeContextFixer))]
[Shared]
public sealed class SMTP003ReplyCodeContextFixer : CodeFixProvider
{
    /// <summary>221 on a server-initiated close becomes 421.</summary>
    public const string UseServiceNotAvailableKey = "SMTP003.UseServiceNotAvailable";

    /// <summary>502 for an unrecognized verb becomes 500.</summary>
    public const string UseCommandUnrecognizedKey = "SMTP003.UseCommandUnrecognized";

    /// <summary>QUIT answered with anything but 221 becomes 221.</summary>
    public const string UseServiceClosingKey = "SMTP003.UseServiceClosing";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ReplyCodeContext);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (GetFixCode(diagnostic) is not { } target || Plan(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    FixText.Format(Resources.SMTP003FixUseCode, target.ValueText, target.Title),
                    ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    KeyFor(target.Value)),
                diagnostic);
        }
    }

    public static string KeyFor(int fixCode) => fixCode switch
    {
        421 => UseServiceNotAvailableKey,
        500 => UseCommandUnrecognizedKey,
        _ => UseServiceClosingKey,
    };

    private static ReplyCode? GetFixCode(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SMTP003ReplyCodeContextAnalyzer.FixCodeProperty, out var text) && text is not null ? ReplyCodeTable.Find(text, 0) : null;

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var matching = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (GetFixCode(diagnostic) is { } target && KeyFor(target.Value) == context.CodeActionEquivalenceKey)
            {
                matching.Add(diagnostic);
            }
        }

        return await ApplyAsync(document, matching.ToImmutable(), context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic, cancellationToken) is { } plan)
            {
                plans[plan.Key] = plan.Value;
            }
        }

        return plans.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(plans.Keys, (original, _) => plans[original]));
    }

    private static KeyValuePair<SyntaxNode, SyntaxNode>? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (GetFixCode(diagnostic) is not { } target)
        {
            return null;
        }

        switch (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true))
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(target.Value)).WithTriviaFrom(literal);
                return new KeyValuePair<SyntaxNode, SyntaxNode>(literal, replacement);

            case LiteralExpressionSyntax text when text.IsKind(SyntaxKind.StringLiteralExpression) && text.Token.Text.StartsWith("\"", System.StringComparison.Ordinal):
                // "221 Bye"  ->  "421 Bye": only the three digits change.
                var tokenText = "\"" + target.ValueText + text.Token.Text.Substring(4);
                var token = SyntaxFactory.Literal(text.Token.LeadingTrivia, tokenText, target.ValueText + text.Token.ValueText.Substring(3), text.Token.TrailingTrivia);
                return new KeyValuePair<SyntaxNode, SyntaxNode>(text, text.WithToken(token));

            case MemberAccessExpressionSyntax access:
                if (model.GetSymbolInfo(access, cancellationToken).Symbol is not IFieldSymbol { ContainingType: { } owner }
                    || NamedValues.FindEnumMember(owner, target.Value) is not { } member)
                {
                    return null;
                }

                var name = SyntaxFactory.IdentifierName(member.Name).WithTriviaFrom(access.Name);
                return new KeyValuePair<SyntaxNode, SyntaxNode>(access, access.WithName(name));

            default:
                return null;
        }
    }
}
