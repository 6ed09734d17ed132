using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP007: SMTP server code that detects the end of DATA in a way that accepts a bare LF, the SMTP smuggling pattern
/// (RFC 5321 §4.1.1.4; CVE-2023-51764/51765/51766): a line from <c>TextReader.ReadLine</c> (which splits on LF alone)
/// compared with <c>"."</c>, or a search for <c>"\n.\n"</c>, <c>"\n.\r\n"</c> or <c>"\r\n.\n"</c>. Only inside SMTP types
/// (POP3 and NNTP use the same terminator and are never SMTP). No fix: the right way reads raw bytes (see the docs page).
/// </summary>
/// <remarks>
/// Runs alone for tests and benchmarks; the package ships <see cref="SmtpAnalyzer"/>, which calls this rule's logic from
/// <see cref="SmtpRuleAnalyzer"/>.
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs one rule alone for tests and benchmarks; the package ships SmtpAnalyzer, which runs every rule.")]
public sealed class SMTP007DataTerminatorAnalyzer : SmtpRuleAnalyzer
{
    public SMTP007DataTerminatorAnalyzer()
        : base(SmtpRules.SMTP007)
    {
    }

    internal static ImmutableArray<DiagnosticDescriptor> RuleDescriptors { get; } = ImmutableArray.Create(Descriptors.SMTP007DataEndAcceptsBareLf);

    /// <summary>A string or UTF-8 string literal (SyntaxKind.StringLiteralExpression, Utf8StringLiteralExpression).</summary>
    internal static void AnalyzeStringLiteral(NodeContext context, SmtpSemantics smtp, ref TextFacts text)
    {
        var literal = (LiteralExpressionSyntax)text.Node;
        var value = literal.Token.ValueText;
        if (value == ".")
        {
            AnalyzeDotComparison(context, smtp, literal);
        }
        else if (value.Length >= 3 && SmtpLineEndings.ContainsBareLfDataTerminator(value))
        {
            AnalyzeSearch(context, smtp, literal);
        }
    }

    /// <summary><c>line == "."</c>, <c>line.Equals(".")</c>, <c>string.Equals(line, ".")</c>, <c>line is "."</c>, <c>case "."</c> with a line from ReadLine.</summary>
    private static void AnalyzeDotComparison(NodeContext context, SmtpSemantics smtp, LiteralExpressionSyntax literal)
    {
        ExpressionSyntax node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        ExpressionSyntax? other;
        SyntaxNode reportOn;
        switch (node.Parent)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                other = binary.Left == node ? binary.Right : binary.Left;
                reportOn = binary;
                break;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list }
                when invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" } access:
                other = list.Arguments.Count == 1 ? access.Expression
                    : list.Arguments.Count >= 2 ? (list.Arguments[0].Expression == node ? list.Arguments[1].Expression : list.Arguments[0].Expression)
                    : null;
                reportOn = invocation;
                break;
            case ConstantPatternSyntax { Parent: IsPatternExpressionSyntax isPattern }:
                other = isPattern.Expression;
                reportOn = isPattern;
                break;
            case CaseSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax switchStatement }:
                other = switchStatement.Expression;
                reportOn = literal;
                break;
            default:
                return;
        }

        if (other is null || !IsReadLineResult(other, smtp, context.SemanticModel, context.CancellationToken, depth: 0)
            || !smtp.IsInsideSmtpType(literal, context.SemanticModel, smtp.GetOptions(literal.SyntaxTree), context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP007DataEndAcceptsBareLf, reportOn.GetLocation(), "ReadLine"));
    }

    /// <summary>
    /// The value of <c>reader.ReadLine()</c>/<c>ReadLineAsync()</c> on a <c>TextReader</c> that is not a <c>StringReader</c>, a file or
    /// the console, directly, through <c>await</c>, <c>Trim*</c>, <c>(line = reader.ReadLine())</c>, or a local assigned from one.
    /// </summary>
    private static bool IsReadLineResult(ExpressionSyntax expression, SmtpSemantics smtp, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        while (true)
        {
            expression = SmtpSemantics.SkipParentheses(expression);
            switch (expression)
            {
                case AwaitExpressionSyntax awaitExpression:
                    expression = awaitExpression.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = bang.Operand;
                    continue;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment:
                    expression = assignment.Right;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Trim" or "TrimEnd" or "TrimStart" } trim }:
                    expression = trim.Expression;
                    continue;
                case ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Trim" or "TrimEnd" or "TrimStart" } } } conditional:
                    expression = conditional.Expression;
                    continue;
            }

            break;
        }

        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ReadLine" or "ReadLineAsync" } read })
        {
            if (model.GetSymbolInfo(expression, cancellationToken).Symbol is not IMethodSymbol method || !SymbolNames.DerivesFrom(method.ContainingType, "TextReader", "System.IO"))
            {
                return false;
            }

            var readerType = model.GetTypeInfo(read.Expression, cancellationToken).Type;
            if (readerType?.Name == "StringReader")
            {
                return false;
            }

            var facts = smtp.GetWriterFacts(read.Expression, model, cancellationToken);
            return facts.Target is not (WriterTarget.File or WriterTarget.Console or WriterTarget.Memory);
        }

        if (depth < 1 && expression is IdentifierNameSyntax identifier
            && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_String } local)
        {
            // A local assigned from ReadLine anywhere in its method: string line; while ((line = reader.ReadLine()) != null) { if (line == ".") ... }
            var body = identifier.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax);
            if (body is null)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes())
            {
                ExpressionSyntax? source = node switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: var init } declarator when declarator.Identifier.ValueText == local.Name => init,
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment when left.Identifier.ValueText == local.Name => assignment.Right,
                    _ => null,
                };
                if (source is not null && IsReadLineResult(source, smtp, model, cancellationToken, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>data.IndexOf("\n.\n")</c>, <c>text.EndsWith("\r\n.\n")</c>, <c>Split(new[] { "\r\n.\r\n", "\n.\n" }, ...)</c>.</summary>
    private static void AnalyzeSearch(NodeContext context, SmtpSemantics smtp, LiteralExpressionSyntax literal)
    {
        SyntaxNode node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax or InitializerExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
            or CollectionExpressionSyntax or ExpressionElementSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
        {
            return;
        }

        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("IndexOf" or "LastIndexOf" or "Contains" or "EndsWith" or "StartsWith" or "Split" or "IndexOfAny" or "SequenceEqual"))
        {
            return;
        }

        if (!smtp.IsInsideSmtpType(literal, context.SemanticModel, smtp.GetOptions(literal.SyntaxTree), context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP007DataEndAcceptsBareLf, literal.GetLocation(), Escape(literal.Token.ValueText)));
    }

    private static string Escape(string value) => value.Replace("\r", "\\r").Replace("\n", "\\n");
}
