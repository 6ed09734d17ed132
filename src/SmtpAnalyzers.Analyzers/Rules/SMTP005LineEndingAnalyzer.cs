using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP005: an SMTP line ended by something other than CR LF (RFC 5321 §2.3.8): a bare <c>\n</c> or lone <c>\r</c> in SMTP text,
/// <c>TextWriter.WriteLine</c>/<c>WriteLineAsync</c> and <c>StringBuilder.AppendLine</c> on SMTP text (they end with
/// <c>Environment.NewLine</c>, a bare LF on Linux and macOS) unless the writer's <c>NewLine</c> is <c>"\r\n"</c>, and
/// <c>Environment.NewLine</c> appended to SMTP text. "SMTP text" is <c>SmtpSemantics.IsSmtpText</c>; file, console and
/// in-memory writers are never SMTP.
/// </summary>
/// <remarks>
/// Runs alone for tests and benchmarks; the package ships <see cref="SmtpAnalyzer"/>, which calls this rule's logic from
/// <see cref="SmtpRuleAnalyzer"/>.
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs one rule alone for tests and benchmarks; the package ships SmtpAnalyzer, which runs every rule.")]
public sealed class SMTP005LineEndingAnalyzer : SmtpRuleAnalyzer
{
    /// <summary>Diagnostic property: which fix applies (a <see cref="FixKind"/> name); absent when there is no fix.</summary>
    public const string FixProperty = "Fix";

    /// <summary>The kinds of place SMTP005 reports, each with its own fix.</summary>
    public enum FixKind
    {
        /// <summary>A regular string literal: every bare <c>\n</c> or lone <c>\r</c> escape becomes <c>\r\n</c>.</summary>
        Literal,

        /// <summary>A regular interpolated string: the same, in every text part.</summary>
        Interpolated,

        /// <summary>A <c>'\n'</c> char literal becomes the string <c>"\r\n"</c>.</summary>
        Char,

        /// <summary><c>w.WriteLine(x)</c> becomes <c>w.Write(x + "\r\n")</c> (Async likewise).</summary>
        WriteLine,

        /// <summary><c>sb.AppendLine(x)</c> becomes <c>sb.Append(x).Append("\r\n")</c>.</summary>
        AppendLine,

        /// <summary><c>Environment.NewLine</c> becomes <c>"\r\n"</c>.</summary>
        NewLine,
    }

    public SMTP005LineEndingAnalyzer()
        : base(SmtpRules.SMTP005)
    {
    }

    internal static ImmutableArray<DiagnosticDescriptor> RuleDescriptors { get; } = ImmutableArray.Create(Descriptors.SMTP005LineNotEndedWithCrLf);

    /// <summary>
    /// The member names <see cref="AnalyzeCalledMember"/> and <see cref="AnalyzeNewLine"/> look for: the walk of an SMTP file
    /// descends to every access so named (<see cref="WalkMarks"/>). A name added to either method belongs here too.
    /// </summary>
    internal static ImmutableArray<string> MemberNames { get; } = ImmutableArray.Create("WriteLine", "WriteLineAsync", "AppendLine", "NewLine");

    /// <summary>A string literal (SyntaxKind.StringLiteralExpression).</summary>
    internal static void AnalyzeStringLiteral(NodeContext context, ref TextFacts text)
    {
        var literal = (LiteralExpressionSyntax)text.Node;
        var value = literal.Token.ValueText;
        var bare = SmtpLineEndings.FindBareLineEnding(value);

        // The DATA-terminator searches ("\n.\n") are SMTP007's: one clear message, not two.
        if (bare < 0 || SmtpLineEndings.ContainsBareLfDataTerminator(value) || !IsProtocolLine(literal, context) || !text.IsSmtpText())
        {
            return;
        }

        var fixable = IsRegularString(literal.Token.Text) && value.IndexOf("\n\r", System.StringComparison.Ordinal) < 0;
        Report(context, literal, value[bare] == '\n' ? "\\n" : "\\r", fixable ? FixKind.Literal : null);
    }

    /// <summary>A char literal (SyntaxKind.CharacterLiteralExpression).</summary>
    internal static void AnalyzeCharacterLiteral(NodeContext context, ref TextFacts text)
    {
        var literal = (LiteralExpressionSyntax)text.Node;
        var value = literal.Token.ValueText;
        if (value != "\n" && value != "\r")
        {
            return;
        }

        if (!IsProtocolLine(literal, context) || !text.IsSmtpText())
        {
            return;
        }

        var parent = literal.Parent;
        var fixable = parent is ArgumentSyntax || parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression };
        Report(context, literal, value == "\n" ? "\\n" : "\\r", fixable ? FixKind.Char : null);
    }

    /// <summary>An interpolated string (SyntaxKind.InterpolatedStringExpression).</summary>
    internal static void AnalyzeInterpolatedString(NodeContext context, ref TextFacts text)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)text.Node;
        string? found = null;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax part)
            {
                var value = part.TextToken.ValueText;
                var bare = SmtpLineEndings.FindBareLineEnding(value);
                if (bare >= 0)
                {
                    if (SmtpLineEndings.ContainsBareLfDataTerminator(value))
                    {
                        return;
                    }

                    found ??= value[bare] == '\n' ? "\\n" : "\\r";
                }
            }
        }

        if (found is null || !IsProtocolLine(interpolated, context) || !text.IsSmtpText())
        {
            return;
        }

        var kind = interpolated.StringStartToken.Kind();
        var fixable = kind == SyntaxKind.InterpolatedStringStartToken;
        if (fixable)
        {
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax part && part.TextToken.ValueText.IndexOf("\n\r", System.StringComparison.Ordinal) >= 0)
                {
                    fixable = false;
                }
            }
        }

        Report(context, interpolated, found, fixable ? FixKind.Interpolated : null);
    }

    /// <summary>
    /// The member a call names (SyntaxKind.SimpleMemberAccessExpression, PointerMemberAccessExpression, MemberBindingExpression):
    /// <c>writer.WriteLine(...)</c>, <c>sb.AppendLine(...)</c>, <c>writer?.WriteLine(...)</c>. The call is reached from its member
    /// access, which the shared analyzer's walk of an SMTP file's member accesses visits anyway for SMTP003 and
    /// <c>Environment.NewLine</c>: a call without a member access or binding (<c>WriteLine(x)</c>) is never reported. Reached
    /// only from that walk, in a file that passes the SMTP gate.
    /// </summary>
    internal static void AnalyzeCalledMember(NodeContext context, SmtpSemantics smtp)
    {
        var member = context.Node;
        if (member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member)
        {
            AnalyzeInvocation(context, smtp, invocation);
        }
    }

    private static void AnalyzeInvocation(NodeContext context, SmtpSemantics smtp, InvocationExpressionSyntax invocation)
    {
        // Name filter on syntax first (every member call of an SMTP file comes here), then any binding.
        SimpleNameSyntax? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };
        var methodName = name?.Identifier.ValueText;
        if (methodName is not ("WriteLine" or "WriteLineAsync" or "AppendLine"))
        {
            return;
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count > 1 && methodName != "WriteLine")
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        var isAppendLine = methodName == "AppendLine";
        if (isAppendLine ? !SymbolNames.IsType(method.ContainingType, "StringBuilder", "System.Text") : !SymbolNames.DerivesFrom(method.ContainingType, "TextWriter", "System.IO"))
        {
            return;
        }

        // WriteLine("250 {0}", domain): the format overloads; the format string is the line.
        var isFormat = !isAppendLine && method.Parameters.Length >= 2 && method.Parameters[0].Name == "format"
            && method.Parameters[0].Type.SpecialType == SpecialType.System_String && arguments.Count >= 2 && arguments[0].NameColon is null;
        if (arguments.Count > 1 && !isFormat)
        {
            return;
        }

        ExpressionSyntax? text;
        if (isFormat)
        {
            text = arguments[0].Expression;
            if (!SmtpLineShape.StartsLikeProtocolLine(text, depth: 0, context.SemanticModel, context.CancellationToken))
            {
                return;
            }
        }
        else if (arguments.Count == 1)
        {
            // WriteLine(string), WriteLineAsync(string), AppendLine(string), AppendLine($"...") (the handler overload).
            var parameterType = method.Parameters.Length == 1 ? method.Parameters[0].Type : null;
            if (parameterType is null || (parameterType.SpecialType != SpecialType.System_String && !(isAppendLine && parameterType.Name == "AppendInterpolatedStringHandler")))
            {
                return;
            }

            text = arguments[0].Expression;
            if (!SmtpLineShape.StartsLikeProtocolLine(text, depth: 0, context.SemanticModel, context.CancellationToken))
            {
                return;
            }
        }
        else if (isAppendLine && FindProtocolAppend(invocation) is { } appended)
        {
            // sb.Append("250 OK").AppendLine(), sb.Append("250-").Append(keyword).AppendLine()
            text = appended;
        }
        else
        {
            return;
        }

        if (!IsSmtpText(text, context, smtp))
        {
            return;
        }

        var receiver = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            _ => null,
        };
        if (receiver is not null)
        {
            var root = receiver;
            while (isAppendLine && root is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner })
            {
                root = inner.Expression;
            }

            if (!isAppendLine && SmtpSemantics.IsDiagnosticWriter(root))
            {
                return;
            }

            var facts = smtp.GetWriterFacts(root, context.SemanticModel, context.CancellationToken);
            if (facts.NewLineIsCrLf || facts.Target is WriterTarget.File or WriterTarget.Console)
            {
                return;
            }
        }

        Report(context, invocation, methodName!, isAppendLine ? FixKind.AppendLine : FixKind.WriteLine, name!.GetLocation());
    }

    /// <summary>
    /// A member access (SyntaxKind.SimpleMemberAccessExpression): <c>Environment.NewLine</c>. Reached only from
    /// <see cref="SmtpRuleAnalyzer"/>'s walk of a file that passes the SMTP gate.
    /// </summary>
    internal static void AnalyzeNewLine(NodeContext context, SmtpSemantics smtp)
    {
        // Every member access of an SMTP file comes here: the name first.
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (access.Name.Identifier.ValueText != "NewLine")
        {
            return;
        }

        var owner = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
        if (owner != "Environment"
            || context.SemanticModel.GetSymbolInfo(access, context.CancellationToken).Symbol is not IPropertySymbol { ContainingType: var type }
            || !SymbolNames.IsType(type, "Environment", "System"))
        {
            return;
        }

        // Only text built from it: "250 OK" + Environment.NewLine, $"250 OK{Environment.NewLine}".
        if (access.Parent is not (BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or InterpolationSyntax or ArgumentSyntax))
        {
            return;
        }

        if (!IsProtocolLine(access, context) || !IsSmtpText(access, context, smtp))
        {
            return;
        }

        Report(context, access, "Environment.NewLine", FixKind.NewLine);
    }

    /// <summary>
    /// Syntax only: the text this is part of starts like a reply or command line (or with a value named for one), and is not written
    /// to a diagnostic writer (a log, trace or console output).
    /// </summary>
    private static bool IsProtocolLine(ExpressionSyntax text, NodeContext context)
    {
        if (!SmtpLineShape.IsPartOfProtocolLine(text, context.SemanticModel, context.CancellationToken))
        {
            return false;
        }

        SyntaxNode node = text;
        while (node.Parent is ExpressionSyntax or InterpolationSyntax or InterpolatedStringContentSyntax or ArgumentSyntax or ArgumentListSyntax)
        {
            if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax write } } }
                && write.Name.Identifier.ValueText.StartsWith("Write", System.StringComparison.Ordinal))
            {
                return !SmtpSemantics.IsDiagnosticWriter(write.Expression);
            }

            node = node.Parent;
        }

        return true;
    }

    /// <summary>In <c>sb.Append(a).Append(b).AppendLine()</c>, the first appended text that starts like a protocol line.</summary>
    private static ExpressionSyntax? FindProtocolAppend(InvocationExpressionSyntax appendLine)
    {
        ExpressionSyntax? found = null;
        var current = (appendLine.Expression as MemberAccessExpressionSyntax)?.Expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } access, ArgumentList.Arguments: { Count: 1 } args })
        {
            if (SmtpLineShape.StartsLikeProtocolLine(args[0].Expression, depth: 0))
            {
                found = args[0].Expression;
            }

            current = access.Expression;
        }

        return found;
    }

    private static bool IsSmtpText(ExpressionSyntax text, NodeContext context, SmtpSemantics smtp) =>
        smtp.IsSmtpText(text, context.SemanticModel, smtp.GetOptions(text.SyntaxTree), context.CancellationToken);

    private static void Report(NodeContext context, SyntaxNode node, string what, FixKind? fix, Location? location = null)
    {
        var properties = fix is { } kind
            ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, kind.ToString())
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP005LineNotEndedWithCrLf, location ?? node.GetLocation(), properties, what));
    }

    /// <summary>A non-verbatim, non-raw string literal token: its line endings are escapes that the fix can rewrite.</summary>
    internal static bool IsRegularString(string tokenText) => tokenText.Length >= 2 && tokenText[0] == '"' && !tokenText.StartsWith("\"\"\"", System.StringComparison.Ordinal);
}
