using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>SMTP001: an integer literal that is an SMTP reply code, used where the code handles SMTP replies.</summary>
/// <remarks>
/// Runs alone for tests and benchmarks; the package ships <see cref="SmtpAnalyzer"/>, which runs every rule in one analyzer
/// and calls <see cref="AnalyzeNumericLiteral"/> from <see cref="SmtpRuleAnalyzer"/>.
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs one rule alone for tests and benchmarks; the package ships SmtpAnalyzer, which runs every rule.")]
public sealed class SMTP001MagicReplyCodeAnalyzer : SmtpRuleAnalyzer
{
    /// <summary>Diagnostic property: the code, as three digits.</summary>
    public const string CodeProperty = "Code";

    /// <summary>Diagnostic property: the <see cref="CodeUseKind"/>.</summary>
    public const string UseProperty = "Use";

    /// <summary>Diagnostic property: the metadata name of the SMTP enum involved, if any.</summary>
    public const string EnumTypeProperty = "EnumType";

    public SMTP001MagicReplyCodeAnalyzer()
        : base(SmtpRules.SMTP001)
    {
    }

    internal static ImmutableArray<DiagnosticDescriptor> RuleDescriptors { get; } = ImmutableArray.Create(Descriptors.SMTP001MagicReplyCode);

    /// <summary>A numeric literal (SyntaxKind.NumericLiteralExpression).</summary>
    internal static void AnalyzeNumericLiteral(NodeContext context, ref NumericLiteralFacts literal)
    {
        // O(1) filter before any semantic work (done once for SMTP001 and SMTP003): three decimal digits that form a known code.
        if (literal.Code is not { } code)
        {
            return;
        }

        if (literal.IsInNamedConstantDeclaration())
        {
            return;
        }

        var use = literal.ClassifyCodeUse();
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
            literal.Literal.GetLocation(),
            properties.ToImmutable(),
            code.ValueText,
            code.LocalizedTitle));
    }
}
