using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP002: a string (literal, or the first text of an interpolated string) that starts with an SMTP reply code, used as SMTP
/// protocol text: written to an SMTP connection, passed as a reply, or compared with a reply line.
/// </summary>
/// <remarks>
/// The diagnostic spans the three code digits inside the string. Runs alone for tests and benchmarks; the package ships
/// <see cref="SmtpAnalyzer"/>, which calls this rule's logic from <see cref="SmtpRuleAnalyzer"/>.
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs one rule alone for tests and benchmarks; the package ships SmtpAnalyzer, which runs every rule.")]
public sealed class SMTP002MagicReplyStringAnalyzer : SmtpRuleAnalyzer
{
    /// <summary>Diagnostic property: the code, as three digits.</summary>
    public const string CodeProperty = "Code";

    /// <summary>Diagnostic property, present and "true" when the string is exactly the three digits.</summary>
    public const string BareProperty = "Bare";

    public SMTP002MagicReplyStringAnalyzer()
        : base(SmtpRules.SMTP002)
    {
    }

    internal static ImmutableArray<DiagnosticDescriptor> RuleDescriptors { get; } = ImmutableArray.Create(Descriptors.SMTP002MagicReplyString);

    /// <summary>A string literal (SyntaxKind.StringLiteralExpression).</summary>
    internal static void AnalyzeStringLiteral(NodeContext context, ref TextFacts text)
    {
        var literal = (LiteralExpressionSyntax)text.Node;

        // O(1) filter before any semantic work: a known code, then a space, hyphen, CR, LF or the end.
        if (ReplyStrings.MatchCodePrefix(literal.Token.ValueText, out var isBare) is not { } code)
        {
            return;
        }

        Report(context, ref text, literal.Token, code, isBare);
    }

    /// <summary>An interpolated string (SyntaxKind.InterpolatedStringExpression).</summary>
    internal static void AnalyzeInterpolatedString(NodeContext context, ref TextFacts text)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)text.Node;
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
        Report(context, ref text, first.TextToken, code, isBare: isBare && interpolated.Contents.Count == 1);
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

    private static void Report(NodeContext context, ref TextFacts facts, SyntaxToken token, ReplyCode code, bool isBare)
    {
        var text = facts.Node;
        if (IsNamedConstantValue(text) || !ReplyStrings.IsAtTextStart(text)
            || ReplyStrings.GetCodeSpan(token, code) is not { } span)
        {
            return;
        }

        if (!facts.IsSmtpText())
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
