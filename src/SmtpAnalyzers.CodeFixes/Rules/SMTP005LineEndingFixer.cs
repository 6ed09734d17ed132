using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Fixes;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP005 fix: the line ends with an explicit <c>"\r\n"</c>. Literals: bare <c>\n</c> (and lone <c>\r</c>) escapes become
/// <c>\r\n</c>; <c>w.WriteLine(x)</c> becomes <c>w.Write(x + "\r\n")</c> (folded into a literal or interpolated string when x is one);
/// <c>sb.AppendLine(x)</c> becomes <c>sb.Append(x).Append("\r\n")</c>; <c>Environment.NewLine</c> becomes <c>"\r\n"</c>.
/// The bytes sent are unchanged except for the line endings. One equivalence key for every kind.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SMTP005LineEndingFixer))]
[Shared]
public sealed class SMTP005LineEndingFixer : CodeFixProvider
{
    public const string UseCrLfKey = "SMTP005.UseCrLf";

    private const string CrLfEscape = "\\r\\n";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.LineNotEndedWithCrLf);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (GetKind(diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        FixText.Format(Resources.SMTP005FixCrLf),
                        ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        UseCrLfKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

    private static SMTP005LineEndingAnalyzer.FixKind? GetKind(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SMTP005LineEndingAnalyzer.FixProperty, out var text)
        && Enum.TryParse<SMTP005LineEndingAnalyzer.FixKind>(text, out var kind)
            ? kind
            : null;

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Targets first, then one pass that rewrites nested targets too (a literal inside a WriteLine argument).
        var targets = new Dictionary<SyntaxNode, SMTP005LineEndingAnalyzer.FixKind>();
        foreach (var diagnostic in diagnostics)
        {
            if (GetKind(diagnostic) is not { } kind)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? target = kind switch
            {
                SMTP005LineEndingAnalyzer.FixKind.WriteLine or SMTP005LineEndingAnalyzer.FixKind.AppendLine => node.FirstAncestorOrSelf<InvocationExpressionSyntax>(),
                SMTP005LineEndingAnalyzer.FixKind.Interpolated => node.FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>(),
                SMTP005LineEndingAnalyzer.FixKind.NewLine => NewLineTarget(node.FirstAncestorOrSelf<MemberAccessExpressionSyntax>()),
                _ => node as LiteralExpressionSyntax,
            };
            if (target is not null)
            {
                targets[target] = kind;
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(targets.Keys, (original, rewritten) => Rewrite(original, rewritten, targets[original]));
        return document.WithSyntaxRoot(newRoot);
    }

    private static SyntaxNode Rewrite(SyntaxNode original, SyntaxNode rewritten, SMTP005LineEndingAnalyzer.FixKind kind)
    {
        switch (kind)
        {
            case SMTP005LineEndingAnalyzer.FixKind.Literal when rewritten is LiteralExpressionSyntax literal:
                return literal.WithToken(FixStringToken(literal.Token));
            case SMTP005LineEndingAnalyzer.FixKind.Interpolated when rewritten is InterpolatedStringExpressionSyntax interpolated:
                return FixInterpolated(interpolated);
            case SMTP005LineEndingAnalyzer.FixKind.NewLine when rewritten is InterpolationSyntax:
                // $"250 OK{Environment.NewLine}"  ->  $"250 OK\r\n"
                return SyntaxFactory.InterpolatedStringText(TextToken(default, CrLfEscape, "\r\n", default));
            case SMTP005LineEndingAnalyzer.FixKind.Char:
            case SMTP005LineEndingAnalyzer.FixKind.NewLine:
                return CrLfLiteral().WithTriviaFrom(rewritten);
            case SMTP005LineEndingAnalyzer.FixKind.WriteLine when rewritten is InvocationExpressionSyntax invocation:
                return FixWriteLine(invocation);
            case SMTP005LineEndingAnalyzer.FixKind.AppendLine when rewritten is InvocationExpressionSyntax invocation:
                return FixAppendLine(invocation);
            default:
                return rewritten;
        }
    }

    /// <summary>In a hole of a regular interpolated string with no alignment or format, the whole hole; else the member access.</summary>
    private static SyntaxNode? NewLineTarget(MemberAccessExpressionSyntax? access) =>
        access?.Parent is InterpolationSyntax { AlignmentClause: null, FormatClause: null, Parent: InterpolatedStringExpressionSyntax interpolated } hole
        && interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken)
            ? hole
            : access;

    private static LiteralExpressionSyntax CrLfLiteral() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("\"" + CrLfEscape + "\"", "\r\n"));

    /// <summary>In a regular string token, every <c>\n</c> escape not preceded by <c>\r</c>, and every <c>\r</c> not followed by <c>\n</c>, becomes <c>\r\n</c>.</summary>
    private static string FixEscapes(string text, int start, int end)
    {
        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text, 0, start);
        var previousWasCr = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < end)
            {
                var next = text[i + 1];
                if (next == 'n')
                {
                    builder.Append(previousWasCr ? "\\n" : CrLfEscape);
                    previousWasCr = false;
                    i++;
                    continue;
                }

                if (next == 'r')
                {
                    var followedByLf = i + 3 < end && text[i + 2] == '\\' && text[i + 3] == 'n';
                    builder.Append(followedByLf ? "\\r" : CrLfEscape);
                    previousWasCr = followedByLf;
                    i++;
                    continue;
                }

                builder.Append(c).Append(next);
                previousWasCr = false;
                i++;
                continue;
            }

            builder.Append(c);
            previousWasCr = false;
        }

        builder.Append(text, end, text.Length - end);
        return builder.ToString();
    }

    private static SyntaxToken FixStringToken(SyntaxToken token)
    {
        var text = token.Text;
        var suffix = text.EndsWith("u8", StringComparison.Ordinal) ? 2 : 0;
        var newText = FixEscapes(text, 1, text.Length - 1 - suffix);
        var newValue = FixValue(token.ValueText);
        return SyntaxFactory.Literal(token.LeadingTrivia, newText, newValue, token.TrailingTrivia);
    }

    private static string FixValue(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n' && (i == 0 || value[i - 1] != '\r'))
            {
                builder.Append("\r\n");
            }
            else if (c == '\r' && (i + 1 >= value.Length || value[i + 1] != '\n'))
            {
                builder.Append("\r\n");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static InterpolatedStringExpressionSyntax FixInterpolated(InterpolatedStringExpressionSyntax interpolated)
    {
        var contents = new List<InterpolatedStringContentSyntax>(interpolated.Contents.Count);
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                var token = text.TextToken;
                var newText = FixEscapes(token.Text, 0, token.Text.Length);
                contents.Add(text.WithTextToken(TextToken(token.LeadingTrivia, newText, FixValue(token.ValueText), token.TrailingTrivia)));
            }
            else
            {
                contents.Add(content);
            }
        }

        return interpolated.WithContents(SyntaxFactory.List(contents));
    }

    private static SyntaxToken TextToken(SyntaxTriviaList leading, string text, string value, SyntaxTriviaList trailing) =>
        SyntaxFactory.Token(leading, SyntaxKind.InterpolatedStringTextToken, text, value, trailing);

    /// <summary><c>w.WriteLine(x)</c> to <c>w.Write(x + "\r\n")</c>; <c>WriteLineAsync</c> to <c>WriteAsync</c>.</summary>
    private static SyntaxNode FixWriteLine(InvocationExpressionSyntax invocation)
    {
        var newName = GetName(invocation)?.Identifier.ValueText == "WriteLineAsync" ? "WriteAsync" : "Write";
        var renamed = Rename(invocation, newName);
        var arguments = renamed.ArgumentList.Arguments;
        if (arguments.Count == 0)
        {
            return invocation;
        }

        // The single value, or the format string of WriteLine(format, args): the other arguments stay as they are.
        var argument = arguments[0];
        return renamed.WithArgumentList(renamed.ArgumentList.WithArguments(arguments.Replace(argument, argument.WithExpression(AppendCrLf(argument.Expression)))));
    }

    /// <summary><c>sb.AppendLine(x)</c> to <c>sb.Append(x).Append("\r\n")</c>; <c>sb.Append(x).AppendLine()</c> to <c>sb.Append(x).Append("\r\n")</c>.</summary>
    private static SyntaxNode FixAppendLine(InvocationExpressionSyntax invocation)
    {
        var renamed = Rename(invocation, "Append");
        var crlfArgument = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(CrLfLiteral())));
        if (renamed.ArgumentList.Arguments.Count == 0)
        {
            return renamed.WithArgumentList(crlfArgument.WithTriviaFrom(renamed.ArgumentList));
        }

        var first = renamed.WithoutTrailingTrivia();
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, first, SyntaxFactory.IdentifierName("Append")),
                crlfArgument)
            .WithTrailingTrivia(invocation.GetTrailingTrivia());
    }

    private static SimpleNameSyntax? GetName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => null,
    };

    private static InvocationExpressionSyntax Rename(InvocationExpressionSyntax invocation, string newName)
    {
        var identifier = SyntaxFactory.IdentifierName(newName);
        return invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => invocation.WithExpression(access.WithName(identifier.WithTriviaFrom(access.Name))),
            MemberBindingExpressionSyntax binding => invocation.WithExpression(binding.WithName(identifier.WithTriviaFrom(binding.Name))),
            _ => invocation,
        };
    }

    /// <summary><c>"250 OK"</c> to <c>"250 OK\r\n"</c>, <c>$"250 {x}"</c> to <c>$"250 {x}\r\n"</c>, anything else <c>x + "\r\n"</c>.</summary>
    private static ExpressionSyntax AppendCrLf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal when SMTP005LineEndingAnalyzer.IsRegularString(literal.Token.Text):
                var token = literal.Token;
                var text = token.Text.Substring(0, token.Text.Length - 1) + CrLfEscape + "\"";
                return literal.WithToken(SyntaxFactory.Literal(token.LeadingTrivia, text, token.ValueText + "\r\n", token.TrailingTrivia));
            case InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken):
                var contents = interpolated.Contents;
                if (contents.Count > 0 && contents[contents.Count - 1] is InterpolatedStringTextSyntax last)
                {
                    var lastToken = last.TextToken;
                    var newLast = last.WithTextToken(TextToken(lastToken.LeadingTrivia, lastToken.Text + CrLfEscape, lastToken.ValueText + "\r\n", lastToken.TrailingTrivia));
                    return interpolated.WithContents(contents.Replace(last, newLast));
                }

                return interpolated.WithContents(contents.Add(SyntaxFactory.InterpolatedStringText(TextToken(default, CrLfEscape, "\r\n", default))));
            default:
                var operand = NeedsParentheses(expression) ? SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()) : expression.WithoutTrivia();
                return SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, operand, CrLfLiteral()).WithTriviaFrom(expression);
        }
    }

    private static bool NeedsParentheses(ExpressionSyntax expression) => expression is not (
        IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
        or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or InterpolatedStringExpressionSyntax or ConditionalAccessExpressionSyntax
        or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression });
}
