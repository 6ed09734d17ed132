using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Fixes;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP004 fix, for a class mismatch only (the one case with a certain answer): the enhanced class digit becomes the reply
/// code's first digit, <c>"250 5.1.1 ..."</c> to <c>"250 2.1.1 ..."</c>. Malformed codes and 3yz replies get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SMTP004EnhancedStatusCodeFixer))]
[Shared]
public sealed class SMTP004EnhancedStatusCodeFixer : CodeFixProvider
{
    /// <summary>The one kind of fix: make the enhanced class match the reply code.</summary>
    public const string MatchClassKey = "SMTP004.MatchClass";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.EnhancedStatusCodeMismatch);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (GetExpectedClass(diagnostic) is { } expected)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        FixText.Format(Resources.SMTP004FixClass, expected),
                        ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        MatchClassKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<TextChange>();
        var seen = new HashSet<int>();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (GetExpectedClass(diagnostic) is not { } expected || span.Length == 0 || span.End > text.Length || !seen.Add(span.Start))
            {
                continue;
            }

            var current = text[span.Start];
            if (current < '0' || current > '9')
            {
                continue;
            }

            changes.Add(new TextChange(new TextSpan(span.Start, 1), expected));
        }

        return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes));
    }

    private static string? GetExpectedClass(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SMTP004EnhancedStatusCodeAnalyzer.ExpectedClassProperty, out var expected)
        && expected is { Length: 1 } && expected[0] is '2' or '4' or '5'
            ? expected
            : null;
}
