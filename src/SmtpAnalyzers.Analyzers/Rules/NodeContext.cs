using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// A node to analyze, its semantic model and where to report: made by the per-file walk of <see cref="SmtpRuleAnalyzer"/> for
/// each node it hands to a rule, in a file that has passed the SMTP gate; diagnostics go through the walk's semantic-model
/// action. Made on the stack; the report delegate is the action's, made once per file.
/// </summary>
internal readonly struct NodeContext
{
    private readonly Action<Diagnostic> report;

    public NodeContext(SyntaxNode node, SemanticModel semanticModel, Action<Diagnostic> report, StatementWrites statementWrites, CancellationToken cancellationToken)
    {
        this.report = report;
        StatementWrites = statementWrites;
        Node = node;
        SemanticModel = semanticModel;
        CancellationToken = cancellationToken;
    }

    public SyntaxNode Node { get; }

    public SemanticModel SemanticModel { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The file's statement scans for SMTP003's command context (<see cref="SmtpSemantics.FindReplyContext"/>).</summary>
    public StatementWrites StatementWrites { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => report(diagnostic);
}
