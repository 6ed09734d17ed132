using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP004: an enhanced status code whose class differs from the reply code's first digit, on a 3yz reply, or malformed.
/// SMTP006 (Info): a well-formed enhanced status code whose subject.detail is not in the IANA registry.
/// Both rules read the same text with the same parser (<see cref="EnhancedStatusCodeTable.TryParse"/>), so one analyzer reports both.
/// </summary>
/// <remarks>
/// Places: each line of a reply string (<c>"550 5.1.1 ..."</c>, literal, interpolated or a format string) that is SMTP text by
/// <c>SmtpSemantics.IsSmtpText</c>, and a string argument that starts with an enhanced code next to an SMTP reply-code
/// argument (<c>new SmtpResponse(550, "5.1.1 ...")</c>). Dotted numbers anywhere else (versions, IP addresses) are never read.
/// Runs alone for tests and benchmarks; the package ships <see cref="SmtpAnalyzer"/>, which calls this rule's logic from
/// <see cref="SmtpRuleAnalyzer"/>.
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs one rule alone for tests and benchmarks; the package ships SmtpAnalyzer, which runs every rule.")]
public sealed class SMTP004EnhancedStatusCodeAnalyzer : SmtpRuleAnalyzer
{
    /// <summary>Diagnostic property on a class mismatch: the class digit the reply code requires.</summary>
    public const string ExpectedClassProperty = "ExpectedClass";

    public SMTP004EnhancedStatusCodeAnalyzer()
        : base(SmtpRules.SMTP004)
    {
    }

    internal static ImmutableArray<DiagnosticDescriptor> RuleDescriptors { get; } = ImmutableArray.Create(
        Descriptors.SMTP004EnhancedStatusCode,
        Descriptors.SMTP004Intermediate,
        Descriptors.SMTP004Malformed,
        Descriptors.SMTP006EnhancedCodeNotRegistered);

    /// <summary>A string literal (SyntaxKind.StringLiteralExpression).</summary>
    internal static void AnalyzeStringLiteral(NodeContext context, SmtpSemantics smtp, ref TextFacts text)
    {
        var literal = (LiteralExpressionSyntax)text.Node;
        var token = literal.Token;
        var value = token.ValueText;

        // Cheap filter: an enhanced code needs a dot and at least "d.d.d".
        if (value.Length < 5 || value.IndexOf('.') < 0)
        {
            return;
        }

        // SmtpReplyCode.Text.Ok + " 2.0.0 OK": the code is the left operand (bound only when an enhanced code follows).
        var leading = ReplyStrings.FindLeadingCodeOperand(literal, out _);
        ScanLines(context, ref text, token, value, firstLineStart: leading is null ? 0 : -1, truncatedAtEnd: false, leading);
        ScanPaired(context, smtp, literal, token, value, truncatedAtEnd: false);
    }

    /// <summary>An interpolated string (SyntaxKind.InterpolatedStringExpression).</summary>
    internal static void AnalyzeInterpolatedString(NodeContext context, SmtpSemantics smtp, ref TextFacts text)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)text.Node;
        var contents = interpolated.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is not InterpolatedStringTextSyntax part)
            {
                continue;
            }

            var value = part.TextToken.ValueText;
            if (value.IndexOf('.') < 0)
            {
                continue;
            }

            // A token that runs into a hole ("5.1{x}") is not whole; a line that starts in a hole has an unknown code.
            var truncated = i + 1 < contents.Count;

            // $"{SmtpReplyCode.Ok} 2.0.0 OK": the first line's code is the first hole, when it is a constant reply code.
            var leading = i == 1 ? ReplyStrings.FindLeadingCodeOperand(interpolated, out _) : null;
            ScanLines(context, ref text, part.TextToken, value, firstLineStart: i == 0 ? 0 : -1, truncated, leading);
            if (i == 0)
            {
                ScanPaired(context, smtp, interpolated, part.TextToken, value, truncated);
            }
        }
    }

    private static void ScanLines(
        NodeContext context,
        ref TextFacts text,
        SyntaxToken token,
        string value,
        int firstLineStart,
        bool truncatedAtEnd,
        ExpressionSyntax? leadingCodeOperand)
    {
        // SmtpSemantics.IsSmtpText is asked at most once per string, and only when a line has a finding.
        var expression = text.Node;
        if (leadingCodeOperand is not null && value.Length > 1 && (value[0] == ' ' || value[0] == '-')
            && EnhancedStatusCodeTable.TryParse(value, 1, out var first)
            && !(truncatedAtEnd && first.Start + first.Length == value.Length)
            && ReplyStrings.GetConstantReplyCode(leadingCodeOperand, context.SemanticModel, context.CancellationToken) is { } leadingCode
            && HasFinding(leadingCode.Value, first))
        {
            if (!text.IsSmtpText())
            {
                return;
            }

            Report(context, expression, token, value, leadingCode.Value, first);
        }

        var lineStart = firstLineStart >= 0 ? firstLineStart : NextLine(value, 0);
        while (lineStart >= 0 && lineStart < value.Length)
        {
            var code = EnhancedStatusCodeTable.ParseReplyCode(value, lineStart, out var textStart);
            if (code >= 0 && textStart >= 0 && EnhancedStatusCodeTable.TryParse(value, textStart, out var enhanced)
                && !(truncatedAtEnd && enhanced.Start + enhanced.Length == value.Length)
                && HasFinding(code, enhanced))
            {
                if (!text.IsSmtpText())
                {
                    return;
                }

                Report(context, expression, token, value, code, enhanced);
            }

            lineStart = NextLine(value, lineStart);
        }
    }

    private static int NextLine(string value, int from)
    {
        var lf = value.IndexOf('\n', from);
        return lf < 0 ? -1 : lf + 1;
    }

    /// <summary><c>new SmtpResponse(550, "5.1.1 ...")</c>, <c>Reply(SmtpReplyCode.Ok, "5.7.1 ...")</c>: the text starts with the enhanced code.</summary>
    private static void ScanPaired(NodeContext context, SmtpSemantics smtp, ExpressionSyntax expression, SyntaxToken token, string value, bool truncatedAtEnd)
    {
        if (value.Length < 3 || value[1] != '.' || !EnhancedStatusCodeTable.TryParse(value, 0, out var enhanced)
            || (truncatedAtEnd && enhanced.Length == value.Length))
        {
            return;
        }

        var argumentNode = ClimbParentheses(expression);
        if (argumentNode.Parent is not ArgumentSyntax { Parent: BaseArgumentListSyntax list } argument)
        {
            return;
        }

        var code = FindPairedReplyCode(argument, list, smtp, context.SemanticModel, context.CancellationToken);
        if (code >= 0 && HasFinding(code, enhanced))
        {
            Report(context, expression, token, value, code, enhanced);
        }
    }

    private static int FindPairedReplyCode(ArgumentSyntax textArgument, BaseArgumentListSyntax list, SmtpSemantics smtp, SemanticModel model, CancellationToken cancellationToken)
    {
        var options = smtp.GetOptions(list.SyntaxTree);
        foreach (var other in list.Arguments)
        {
            if (other == textArgument)
            {
                continue;
            }

            var constant = model.GetConstantValue(other.Expression, cancellationToken);
            if (!constant.HasValue || !TryGetReplyCode(constant.Value, out var code))
            {
                continue;
            }

            // The code must be an SMTP reply code: an SMTP code parameter, an SMTP enum, the bundled constants, or an SMTP value.
            if (smtp.IsSmtpCodeSymbol(SmtpSemantics.FindParameter(other, model, cancellationToken), options)
                || smtp.IsSmtpEnum(model.GetTypeInfo(other.Expression, cancellationToken).Type, options)
                || IsBundledConstant(model.GetSymbolInfo(other.Expression, cancellationToken).Symbol)
                || (other.Expression is not LiteralExpressionSyntax && smtp.IsSmtpValued(other.Expression, model, options, cancellationToken)))
            {
                return code;
            }
        }

        return -1;
    }

    private static bool IsBundledConstant(ISymbol? symbol) =>
        symbol is IFieldSymbol { IsConst: true, ContainingType: { } type }
        && SmtpSemantics.IsBundledConstantsType(type);

    private static bool TryGetReplyCode(object? value, out int code)
    {
        code = value switch
        {
            int i => i,
            short s => s,
            ushort us => us,
            long l when l is > 0 and < 1000 => (int)l,
            uint ui when ui < 1000 => (int)ui,
            _ => -1,
        };
        return code >= 200 && code <= 559 && (code / 10 % 10) <= 5;
    }

    private static bool HasFinding(int code, EnhancedStatusCode enhanced)
    {
        if (!enhanced.IsWellFormed)
        {
            return true;
        }

        var replyClass = code / 100;
        return replyClass == 3 || enhanced.Class != replyClass || EnhancedStatusCodeTable.Find(enhanced.Subject, enhanced.Detail) is null;
    }

    private static void Report(NodeContext context, ExpressionSyntax expression, SyntaxToken token, string value, int code, EnhancedStatusCode enhanced)
    {
        var codeText = value.Substring(enhanced.Start, enhanced.Length);
        var replyText = code.ToString(CultureInfo.InvariantCulture);
        var location = GetLocation(expression, token, enhanced, out var exact);

        if (!enhanced.IsWellFormed)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP004Malformed, location, codeText, replyText));
            return;
        }

        var replyClass = code / 100;
        if (replyClass == 3)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP004Intermediate, location, codeText, replyText));
        }
        else if (enhanced.Class != replyClass)
        {
            var expected = replyClass.ToString(CultureInfo.InvariantCulture);
            var properties = exact
                ? ImmutableDictionary<string, string?>.Empty.Add(ExpectedClassProperty, expected)
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SMTP004EnhancedStatusCode, location, properties, codeText, replyText, expected));
        }

        if (EnhancedStatusCodeTable.Find(enhanced.Subject, enhanced.Detail) is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP006EnhancedCodeNotRegistered, location, codeText));
        }
    }

    /// <summary>The exact source span of the enhanced code inside the string when it can be mapped; else the whole string.</summary>
    private static Location GetLocation(ExpressionSyntax expression, SyntaxToken token, EnhancedStatusCode enhanced, out bool exact)
    {
        var start = SmtpLineEndings.MapValueIndex(token, enhanced.Start);
        var end = SmtpLineEndings.MapValueIndex(token, enhanced.Start + enhanced.Length);
        if (start >= 0 && end > start && token.Text[start] == (char)('0' + enhanced.Class))
        {
            exact = true;
            return Location.Create(token.SyntaxTree!, TextSpan.FromBounds(token.SpanStart + start, token.SpanStart + end));
        }

        exact = false;
        return expression.GetLocation();
    }

    private static ExpressionSyntax ClimbParentheses(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }
}
