using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// A node to analyze, its semantic model and where to report: from a syntax-node action (converted implicitly from its
/// <see cref="SyntaxNodeAnalysisContext"/>, nothing allocated) or from the per-file walk of member accesses in
/// <see cref="SmtpRuleAnalyzer"/>, which reports through its semantic-model action. Rule logic that both reach takes this.
/// </summary>
internal readonly struct NodeContext
{
    private readonly SyntaxNodeAnalysisContext fromNodeAction;
    private readonly Action<Diagnostic>? report;

    private NodeContext(in SyntaxNodeAnalysisContext context)
    {
        fromNodeAction = context;
        report = null;
        Node = context.Node;
        SemanticModel = context.SemanticModel;
        CancellationToken = context.CancellationToken;
    }

    public NodeContext(SyntaxNode node, SemanticModel semanticModel, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        fromNodeAction = default;
        this.report = report;
        Node = node;
        SemanticModel = semanticModel;
        CancellationToken = cancellationToken;
    }

    public SyntaxNode Node { get; }

    public SemanticModel SemanticModel { get; }

    public CancellationToken CancellationToken { get; }

    public static implicit operator NodeContext(in SyntaxNodeAnalysisContext context) => new(context);

    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        if (report is null)
        {
            fromNodeAction.ReportDiagnostic(diagnostic);
        }
        else
        {
            report(diagnostic);
        }
    }
}
