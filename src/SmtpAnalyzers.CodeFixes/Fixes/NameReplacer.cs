using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace SmtpAnalyzers.Fixes;

/// <summary>
/// Applies a document's planned replacements in one pass, then adds the <c>using</c>s they need and simplifies the names.
/// Doing it per document (not per diagnostic) is what keeps Fix All from dropping edits that each add a <c>using</c>.
/// </summary>
internal static class NameReplacer
{
    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode root, IReadOnlyDictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        if (replacements.Count == 0)
        {
            return document;
        }

        // A replacement nested in another one is left for the next run rather than lost or merged wrongly.
        var targets = replacements.Keys
            .Where(node => !replacements.Keys.Any(other => other != node && other.Span.Contains(node.Span) && other.Contains(node)))
            .ToList();

        var newRoot = root.ReplaceNodes(targets, (original, _) => replacements[original]);
        var newDocument = document.WithSyntaxRoot(newRoot);
        newDocument = await ImportAdder.AddImportsAsync(newDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return newDocument;
    }
}
