using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP002: a string (literal, or the first text of an interpolated string) that starts with an SMTP reply code, used as SMTP
/// protocol text: written to an SMTP connection, passed as a reply, or compared with a reply line.
/// </summary>
/// <remarks>The diagnostic spans the three code digits inside the string.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SMTP002MagicReplyStringAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the code, as three digits.</summary>
    public const string CodeProperty = "Code";

    /// <summary>Diagnostic property, present and "true" when the string is exactly the three digits.</summary>
    public const string BareProperty = "Bare";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SMTP002MagicReplyString);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var smtp = SmtpSemantics.Create(start.Compilation, start.Options);
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, smtp), SyntaxKind.StringLiteralExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeInterpolated(c, smtp), SyntaxKind.InterpolatedStringExpression);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, SmtpSemantics smtp)
    {
        var literal = (LiteralExpressionSyntax)context.Node;

        // O(1) filter before any semantic work: a known code, then a space, hyphen, CR, LF or the end.
        if (ReplyStrings.MatchCodePrefix(literal.Token.ValueText, out var isBare) is not { } code)
        {
            return;
        }

        Report(context, smtp, literal, literal.Token, code, isBare);
    }

    private static void AnalyzeInterpolated(SyntaxNodeAnalysisContext context, SmtpSemantics smtp)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
        if (interpolated.Contents.Count == 0 || interpolated.Contents[0] is not InterpolatedStringTextSyntax first)
        {
            return;
        }

        var value = first.TextToken.ValueText;
        if (ReplyStrings.MatchCodePrefix(value, out var isBare) is not { } code)
        {
            return;
        }

        // $"250{sep}{text}": the code ends the first text part; what follows is an interpolation, so it is not a bare code string.
        Report(context, smtp, interpolated, first.TextToken, code, isBare: isBare && interpolated.Contents.Count == 1);
    }

    /// <summary>
    /// <c>const string OkReply = "250 OK";</c> is the user's named constant. An entry of a reply table stored in a static readonly
    /// field (<c>new Dictionary&lt;int, string&gt; { { 250, "250 OK" } }</c>) is not: the table is named, its entries are not.
    /// </summary>
    private static bool IsNamedConstantValue(ExpressionSyntax text)
    {
        if (!SmtpSemantics.IsInNamedConstantDeclaration(text))
        {
            return false;
        }

        for (var node = text.Parent; node is not null and not EqualsValueClauseSyntax; node = node.Parent)
        {
            if (node is InitializerExpressionSyntax or BaseObjectCreationExpressionSyntax or CollectionExpressionSyntax or ArrayCreationExpressionSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static void Report(SyntaxNodeAnalysisContext context, SmtpSemantics smtp, ExpressionSyntax text, SyntaxToken token, ReplyCode code, bool isBare)
    {
        if (IsNamedConstantValue(text) || !ReplyStrings.IsAtTextStart(text)
            || ReplyStrings.GetCodeSpan(token, code) is not { } span)
        {
            return;
        }

        var options = smtp.GetOptions(text.SyntaxTree);
        if (!smtp.IsSmtpText(text, context.SemanticModel, options, context.CancellationToken))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(CodeProperty, code.ValueText);
        if (isBare)
        {
            properties.Add(BareProperty, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SMTP002MagicReplyString,
            Location.Create(text.SyntaxTree, span),
            properties.ToImmutable(),
            code.ValueText,
            code.LocalizedTitle));
    }
}
