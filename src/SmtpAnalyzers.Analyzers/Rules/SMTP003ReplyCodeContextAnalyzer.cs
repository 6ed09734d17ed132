using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// SMTP003: a reply code used where the RFCs do not allow it: as the reply to a command whose reply list lacks it, 221 on a
/// server-initiated close, 502 for an unrecognized verb, a 5yz reply where the names say temporary (or a 4yz where they say
/// permanent).
/// </summary>
/// <remarks>
/// Runs alone for tests and benchmarks; the package ships <see cref="SmtpAnalyzer"/>, which calls this rule's logic from
/// <see cref="SmtpRuleAnalyzer"/> (numeric literals, strings, and the members of the SMTP enums and bundled constants).
/// </remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Runs one rule alone for tests and benchmarks; the package ships SmtpAnalyzer, which runs every rule.")]
public sealed class SMTP003ReplyCodeContextAnalyzer : SmtpRuleAnalyzer
{
    /// <summary>Diagnostic property: the code the fix puts in place (421, 500 or 221); absent when there is no single right answer.</summary>
    public const string FixCodeProperty = "FixCode";

    /// <summary>Diagnostic property: the code found, as three digits.</summary>
    public const string CodeProperty = "Code";

    private static readonly string[] NotProducingCalls = { "Expect", "Check", "Assert", "Ensure", "Wait", "Read", "Verify", "Compare", "Equals", "Contains", "Is", "Has" };

    public SMTP003ReplyCodeContextAnalyzer()
        : base(SmtpRules.SMTP003)
    {
    }

    internal static ImmutableArray<DiagnosticDescriptor> RuleDescriptors { get; } = ImmutableArray.Create(
        Descriptors.SMTP003ReplyCodeContext,
        Descriptors.SMTP003ServerClose,
        Descriptors.SMTP003UnrecognizedVerb,
        Descriptors.SMTP003ReplyClass,
        Descriptors.SMTP003ClassifierThreshold);

    /// <summary>The SMTP003 options per syntax tree, read once and only for trees that reach a candidate code; one per compilation.</summary>
    internal sealed class OptionsCache
    {
        private readonly AnalyzerOptions analyzerOptions;
        private readonly ConcurrentDictionary<SyntaxTree, CommandContextOptions> cache = new();

        public OptionsCache(AnalyzerOptions analyzerOptions) => this.analyzerOptions = analyzerOptions;

        public CommandContextOptions Get(SyntaxTree tree) =>
            cache.TryGetValue(tree, out var cached)
                ? cached
                : cache.GetOrAdd(tree, CommandContextOptions.Read(analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree)));
    }

    /// <summary>A numeric literal (SyntaxKind.NumericLiteralExpression).</summary>
    internal static void AnalyzeNumericLiteral(NodeContext context, SmtpSemantics smtp, ref NumericLiteralFacts facts, OptionsCache commandOptions)
    {
        var literal = facts.Literal;
        var text = facts.Text;
        if (text.Length != 3)
        {
            return;
        }

        if (text == "400" || text == "399")
        {
            AnalyzeThreshold(context, smtp, literal);

            return;
        }

        // O(1) filter before any semantic work (done once for SMTP001 and SMTP003).
        if (facts.Code is not { } code)
        {
            return;
        }

        if (facts.IsInNamedConstantDeclaration())
        {
            // enum SmtpOutcome { TemporaryFailure = 550 }: the name is the only context there is.
            if (IsSmtpNamedConstant(literal, context.SemanticModel, smtp, context))
            {
                CheckProducedClass(context, literal, code);
            }

            return;
        }

        if (!facts.ClassifyCodeUse().IsSmtp)
        {
            return;
        }

        Check(context, literal, code, commandOptions.Get(literal.SyntaxTree));
    }

    /// <summary>
    /// Reply strings (SyntaxKind.StringLiteralExpression, InterpolatedStringExpression): <c>"354 Start mail input"</c>,
    /// <c>$"221 {host} closing"</c>, <c>line.StartsWith("354")</c>.
    /// </summary>
    internal static void AnalyzeString(NodeContext context, SmtpSemantics smtp, ref TextFacts facts, OptionsCache commandOptions)
    {
        var expression = facts.Node;
        if (ReplyStrings.FindLeadingCodeOperand(expression, out _) is { } leading)
        {
            AnalyzeConstantCodeString(context, smtp, ref facts, leading);
            return;
        }

        string text;
        if (expression is LiteralExpressionSyntax literal)
        {
            text = literal.Token.ValueText;
        }
        else if (expression is InterpolatedStringExpressionSyntax { Contents: { Count: > 0 } contents } && contents[0] is InterpolatedStringTextSyntax first)
        {
            text = first.TextToken.ValueText;
        }
        else
        {
            return;
        }

        // O(1) filter: three digits of a known code, then the end, a space, a hyphen or CR.
        if (ReplyCodeTable.Find(text, 0) is not { } code
            || (text.Length > 3 && text[3] != ' ' && text[3] != '-' && text[3] != '\r'))
        {
            return;
        }

        if (expression.Parent is InterpolationSyntax || SmtpSemantics.IsInNamedConstantDeclaration(expression))
        {
            return;
        }

        if (!facts.IsSmtpText())
        {
            return;
        }

        Check(context, expression, code, commandOptions.Get(expression.SyntaxTree));
    }

    /// <summary>
    /// <c>$"{SmtpReplyCode.TransactionFailed} Try again later"</c>, <c>SmtpReplyCode.Text.X + " ..."</c>: only the reply-class check;
    /// the command context of an <c>SmtpReplyCode</c>/enum member is <see cref="AnalyzeMember"/>'s, and is not reported twice.
    /// </summary>
    private static void AnalyzeConstantCodeString(NodeContext context, SmtpSemantics smtp, ref TextFacts facts, ExpressionSyntax leading)
    {
        // The reply is the + expression when the code is its left operand.
        var expression = facts.Node;
        var node = expression is LiteralExpressionSyntax ? (ExpressionSyntax)expression.Parent! : expression;
        if (node.Parent is InterpolationSyntax || !IsProduced(node))
        {
            return;
        }

        var outcome = SmtpSemantics.FindProducedOutcome(node);
        if (outcome.Word == OutcomeWord.None
            || ReplyStrings.GetConstantReplyCode(leading, context.SemanticModel, context.CancellationToken) is not { Class: 4 or 5 } code
            || !(node == expression ? facts.IsSmtpText() : smtp.IsSmtpText(node, context.SemanticModel, smtp.GetOptions(node.SyntaxTree), context.CancellationToken)))
        {
            return;
        }

        ReportClass(context, node, code, outcome);
    }

    /// <summary>
    /// A member access (SyntaxKind.SimpleMemberAccessExpression): <c>SmtpReplyCode.Ok</c>, <c>SmtpStatusCode.MailboxBusy</c>.
    /// Reached only from <see cref="SmtpRuleAnalyzer"/>'s walk of a file that passes the SMTP gate.
    /// </summary>
    internal static void AnalyzeMember(NodeContext context, SmtpSemantics smtp, OptionsCache commandOptions)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (access.Parent is MemberAccessExpressionSyntax { Expression: var e } && e == access
            || !smtp.CodeMemberNames.Contains(access.Name.Identifier.ValueText))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(access, context.CancellationToken).Symbol is not IFieldSymbol { HasConstantValue: true, ConstantValue: var constant } field)
        {
            return;
        }

        var owner = field.ContainingType;
        var options = smtp.GetOptions(access.SyntaxTree);
        var isCode = owner is not null
            && (smtp.IsSmtpEnum(owner, options) || SmtpSemantics.IsBundledConstantsType(owner));
        if (!isCode || constant is null)
        {
            return;
        }

        int value;
        try
        {
            value = Convert.ToInt32(constant, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException)
        {
            return;
        }

        if (ReplyCodeTable.Find(value) is { } code)
        {
            Check(context, access, code, commandOptions.Get(access.SyntaxTree));
        }
    }

    private static bool IsSmtpNamedConstant(LiteralExpressionSyntax literal, SemanticModel model, SmtpSemantics smtp, NodeContext context)
    {
        var options = smtp.GetOptions(literal.SyntaxTree);
        for (SyntaxNode? node = literal.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case EnumDeclarationSyntax enumDeclaration:
                    return smtp.IsSmtpEnum(model.GetDeclaredSymbol(enumDeclaration, context.CancellationToken), options);
                case TypeDeclarationSyntax type:
                    return smtp.IsSmtpType(model.GetDeclaredSymbol(type, context.CancellationToken), options);
            }
        }

        return false;
    }

    private static void Check(NodeContext context, ExpressionSyntax node, ReplyCode code, CommandContextOptions options)
    {
        var replyContext = SmtpSemantics.FindReplyContext(node, code.Value, options, context.StatementWrites);
        switch (replyContext.Kind)
        {
            case ReplyContextKind.ServerClose when code.Value == 221:
                Report(context, Descriptors.SMTP003ServerClose, node, code, fixCode: 421, code.ValueText, code.LocalizedTitle, replyContext.Evidence);
                return;
            case ReplyContextKind.UnrecognizedVerb when code.Value == 502:
                Report(context, Descriptors.SMTP003UnrecognizedVerb, node, code, fixCode: 500, code.ValueText, code.LocalizedTitle);
                return;
            case ReplyContextKind.Command:
                if (!IsAllowed(replyContext.Commands, code.Value, options))
                {
                    var first = replyContext.Commands[0];
                    var fix = first.Verb == "QUIT" && code.Class <= 3 ? 221 : 0;
                    Report(
                        context,
                        Descriptors.SMTP003ReplyCodeContext,
                        node,
                        code,
                        fix,
                        code.ValueText,
                        code.LocalizedTitle,
                        new LocalizedText(JoinNames(replyContext.Commands, german: false), JoinNames(replyContext.Commands, german: true)),
                        new LocalizedText(first.Rfc + " section " + first.Section, first.Rfc + " Abschnitt " + first.Section),
                        FormatAllowed(replyContext.Commands, options));
                    return;
                }

                break;
        }

        if (code.Class == 4 || code.Class == 5)
        {
            if (IsProduced(node))
            {
                CheckProducedClass(context, node, code);
            }
            else if (IsComparison(node) is { } comparison)
            {
                var outcome = SmtpSemantics.FindClassifierOutcome(comparison);
                ReportClass(context, node, code, outcome);
            }
        }
    }

    private static bool IsAllowed(ImmutableArray<CommandReplies> commands, int value, CommandContextOptions options)
    {
        foreach (var command in commands)
        {
            if ((command.Extension & options.Disabled) != 0 || command.Allows(value, options.Disabled))
            {
                // A command of a switched-off extension: its context says nothing.
                return true;
            }
        }

        return false;
    }

    /// <summary>"HELO/EHLO"; DATA's server-side pair is named DATA.</summary>
    private static string JoinNames(ImmutableArray<CommandReplies> commands, bool german)
    {
        if (commands.Length == 1 || (commands.Length == 2 && commands[0].Verb == "DATA" && commands[1].Verb == "DATA-END"))
        {
            return german ? commands[0].GermanName : commands[0].EnglishName;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var command in commands)
        {
            if (command.Verb == "DATA-END")
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            builder.Append(german ? command.GermanName : command.EnglishName);
        }

        return builder.ToString();
    }

    /// <summary>The codes the commands' own rows allow (the codes any command may get are left out, as in RFC 5321 §4.3.2).</summary>
    private static string FormatAllowed(ImmutableArray<CommandReplies> commands, CommandContextOptions options)
    {
        var builder = new System.Text.StringBuilder();
        for (var value = 200; value < 600; value++)
        {
            var listed = false;
            foreach (var command in commands)
            {
                foreach (var reply in command.Replies)
                {
                    listed |= reply.Code.Value == value && (reply.Extension & options.Disabled) == 0;
                }
            }

            if (listed)
            {
                if (builder.Length > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(value);
            }
        }

        return builder.ToString();
    }

    private static void CheckProducedClass(NodeContext context, ExpressionSyntax node, ReplyCode code) =>
        ReportClass(context, node, code, SmtpSemantics.FindProducedOutcome(node));

    private static void ReportClass(NodeContext context, ExpressionSyntax node, ReplyCode code, (OutcomeWord Word, string? Name) outcome)
    {
        var contradicts = (outcome.Word == OutcomeWord.Transient && code.Class == 5) || (outcome.Word == OutcomeWord.Permanent && code.Class == 4);
        if (!contradicts)
        {
            return;
        }

        Report(
            context,
            Descriptors.SMTP003ReplyClass,
            node,
            code,
            fixCode: 0,
            code.ValueText,
            code.LocalizedTitle,
            new LocalizedText(code.Class == 4 ? "transient (4yz)" : "permanent (5yz)", code.Class == 4 ? "vorübergehende (4yz)" : "dauerhafte (5yz)"),
            outcome.Name,
            new LocalizedText(outcome.Word == OutcomeWord.Transient ? "temporary" : "permanent", outcome.Word == OutcomeWord.Transient ? "vorübergehend" : "dauerhaft"));
    }

    /// <summary><c>bool IsHardBounce(int code) =&gt; code &gt;= 400;</c> counts every 4yz reply as permanent.</summary>
    private static void AnalyzeThreshold(NodeContext context, SmtpSemantics smtp, LiteralExpressionSyntax literal)
    {
        if (literal.Parent is not BinaryExpressionSyntax binary || binary.Right != literal)
        {
            return;
        }

        var lowerBound = (binary.IsKind(SyntaxKind.GreaterThanOrEqualExpression) && literal.Token.Text == "400")
            || (binary.IsKind(SyntaxKind.GreaterThanExpression) && literal.Token.Text == "399");
        if (!lowerBound)
        {
            return;
        }

        var outcome = SmtpSemantics.FindClassifierOutcome(binary);
        if (outcome.Word != OutcomeWord.Permanent)
        {
            return;
        }

        var options = smtp.GetOptions(literal.SyntaxTree);
        if (!smtp.IsSmtpValued(binary.Left, context.SemanticModel, options, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SMTP003ClassifierThreshold, binary.GetLocation(), outcome.Name));
    }

    /// <summary>An argument (not of an expectation or check), a returned, assigned or initialized value.</summary>
    private static bool IsProduced(ExpressionSyntax node)
    {
        var current = Climb(node);
        switch (current.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => string.Empty,
                };
                foreach (var word in NotProducingCalls)
                {
                    if (name.StartsWith(word, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return name.Length > 0;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax } }:
            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
            case EqualsValueClauseSyntax:
                return true;
            case AssignmentExpressionSyntax assignment when assignment.Right == current:
                return true;
            default:
                return false;
        }
    }

    private static SyntaxNode? IsComparison(ExpressionSyntax node)
    {
        var current = Climb(node);
        return current.Parent switch
        {
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) => binary,
            ConstantPatternSyntax pattern when pattern.Parent is not UnaryPatternSyntax => pattern,
            _ => null,
        };
    }

    private static ExpressionSyntax Climb(ExpressionSyntax node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
            || (node.Parent is ConditionalExpressionSyntax conditional && conditional.Condition != node))
        {
            node = (ExpressionSyntax)node.Parent!;
        }

        return node;
    }

    private static void Report(NodeContext context, DiagnosticDescriptor descriptor, ExpressionSyntax node, ReplyCode code, int fixCode, params object?[] args)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(CodeProperty, code.ValueText);
        if (fixCode != 0 && (node.IsKind(SyntaxKind.NumericLiteralExpression) || node is MemberAccessExpressionSyntax
            || (node is LiteralExpressionSyntax { Token.Text: { } tokenText } && tokenText.StartsWith("\"", StringComparison.Ordinal))))
        {
            properties.Add(FixCodeProperty, fixCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), properties.ToImmutable(), args));
    }
}
