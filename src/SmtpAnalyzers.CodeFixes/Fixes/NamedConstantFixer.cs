using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SmtpAnalyzers.Fixes;

/// <summary>
/// The shape shared by the fixes that put a name in place of a reply code (SMTP001, SMTP002): a preferred action (the best
/// name at each place) registered first, an alternative that always takes the bundled constant, one stable equivalence key
/// each (never per code or location, so that Fix All and <c>dotnet format analyzers</c> fix every code in one pass), and a
/// Fix All that plans every diagnostic of a document and applies them together through <see cref="NameReplacer"/>.
/// </summary>
public abstract class NamedConstantFixer : CodeFixProvider
{
    private readonly string namedKey;
    private readonly string bundledKey;
    private readonly string namedTitleResource;
    private readonly string bundledTitleResource;

    protected NamedConstantFixer(string namedKey, string bundledKey, string namedTitleResource, string bundledTitleResource)
    {
        this.namedKey = namedKey;
        this.bundledKey = bundledKey;
        this.namedTitleResource = namedTitleResource;
        this.bundledTitleResource = bundledTitleResource;
    }

    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, preferBundled: false, context.CancellationToken) is not { } preferred)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    FixText.Format(namedTitleResource, preferred.DisplayName),
                    ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), preferBundled: false, ct),
                    namedKey),
                diagnostic);

            if (!preferred.IsBundled && Plan(root, model, diagnostic, preferBundled: true, context.CancellationToken) is { } bundled)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        FixText.Format(bundledTitleResource, bundled.DisplayName),
                        ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), preferBundled: true, ct),
                        bundledKey),
                    diagnostic);
            }
        }
    }

    /// <summary>What one diagnostic's fix replaces and with what; null when no fix fits there.</summary>
    protected abstract FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, bool preferBundled, CancellationToken cancellationToken);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var preferBundled = context.CodeActionEquivalenceKey == bundledKey;
        return await ApplyAsync(document, diagnostics, preferBundled, context.CancellationToken).ConfigureAwait(false);
    }

    private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool preferBundled, CancellationToken cancellationToken)
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
            if (Plan(root, model, diagnostic, preferBundled, cancellationToken) is { } plan)
            {
                plans[plan.Target] = plan.Replacement;
            }
        }

        return await NameReplacer.ReplaceAsync(document, root, plans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What one diagnostic's fix replaces, and with what.</summary>
    public sealed class FixPlan
    {
        public FixPlan(SyntaxNode target, SyntaxNode replacement, string displayName, bool isBundled)
        {
            Target = target;
            Replacement = replacement;
            DisplayName = displayName;
            IsBundled = isBundled;
        }

        public SyntaxNode Target { get; }

        public SyntaxNode Replacement { get; }

        public string DisplayName { get; }

        public bool IsBundled { get; }
    }
}
