using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>SMTP001: an integer literal that is an SMTP reply code, used where the code handles SMTP replies.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SMTP001MagicReplyCodeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the code, as three digits.</summary>
    public const string CodeProperty = "Code";

    /// <summary>Diagnostic property: the <see cref="CodeUseKind"/>.</summary>
    public const string UseProperty = "Use";

    /// <summary>Diagnostic property: the metadata name of the SMTP enum involved, if any.</summary>
    public const string EnumTypeProperty = "EnumType";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SMTP001MagicReplyCode);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var smtp = SmtpSemantics.Create(start.Compilation, start.Options);
            start.RegisterSyntaxNodeAction(c => Analyze(c, smtp), SyntaxKind.NumericLiteralExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SmtpSemantics smtp)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var text = literal.Token.Text;

        // O(1) filter before any semantic work: exactly three decimal digits that form a known code.
        if (text.Length != 3 || ReplyCodeTable.Find(text, 0) is not { } code)
        {
            return;
        }

        if (!smtp.IsSmtpFile(literal.SyntaxTree, context.CancellationToken) || SmtpSemantics.IsInNamedConstantDeclaration(literal))
        {
            return;
        }

        var options = smtp.GetOptions(literal.SyntaxTree);
        var use = smtp.ClassifyCodeUse(literal, context.SemanticModel, options, context.CancellationToken);
        if (!use.IsSmtp)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(CodeProperty, code.ValueText);
        properties.Add(UseProperty, use.Kind.ToString());
        if (use.EnumType is not null)
        {
            properties.Add(EnumTypeProperty, use.EnumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SMTP001MagicReplyCode,
            literal.GetLocation(),
            properties.ToImmutable(),
            code.ValueText,
            code.LocalizedTitle));
    }
}
