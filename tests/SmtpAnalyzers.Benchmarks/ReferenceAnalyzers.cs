using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>What the reference analyzers share: one descriptor, generated code skipped, concurrent execution on.</summary>
public abstract class ReferenceAnalyzer : DiagnosticAnalyzer
{
    private protected ReferenceAnalyzer(string id, string title)
    {
        Rule = new DiagnosticDescriptor(id, title, title, "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        SupportedDiagnostics = ImmutableArray.Create(Rule);
    }

    private protected DiagnosticDescriptor Rule { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        Register(context);
    }

    private protected abstract void Register(AnalysisContext context);
}

/// <summary>Registers nothing: the baseline that every build with analyzers already pays.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : ReferenceAnalyzer
{
    public EmptyAnalyzer()
        : base("BENCH000", "Empty")
    {
    }

    private protected override void Register(AnalysisContext context)
    {
    }
}

/// <summary>
/// The floor: the least work an analyzer that looks at literals can do. Do-nothing syntax-node actions on numeric,
/// string, UTF-8 string and interpolated-text literals.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : ReferenceAnalyzer
{
    public FloorAnalyzer()
        : base("BENCH001", "Floor")
    {
    }

    private protected override void Register(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(
            static _ => { },
            SyntaxKind.NumericLiteralExpression,
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringText);
}

/// <summary>
/// The lean stand-in, for calibration: a syntax callback on numeric literals, the O(1) reply-code filter, and
/// one semantic question per candidate (the symbol the literal feeds: the called method, or the other operand's type),
/// with no per-file gate. It reports when that symbol's name or type mentions SMTP. Not a rule: it shows what the
/// semantic model costs on a corpus when every candidate asks one question.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LeanStandInAnalyzer : ReferenceAnalyzer
{
    public LeanStandInAnalyzer()
        : base("BENCH002", "Stand-in")
    {
    }

    private protected override void Register(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.NumericLiteralExpression);

    private void Analyze(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        if (literal.Token.Value is not int value || ReplyCodeTable.Find(value) is null)
        {
            return;
        }

        var name = literal.Parent switch
        {
            ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call } =>
                context.SemanticModel.GetSymbolInfo(call, context.CancellationToken).Symbol?.ContainingType?.Name,
            BinaryExpressionSyntax binary =>
                context.SemanticModel.GetTypeInfo(binary.Left == literal ? binary.Right : binary.Left, context.CancellationToken).Type?.Name,
            _ => null,
        };
        if (name is not null && name.Contains("Smtp", System.StringComparison.OrdinalIgnoreCase))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation()));
        }
    }
}
