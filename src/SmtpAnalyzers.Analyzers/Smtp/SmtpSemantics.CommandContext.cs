using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers.Smtp;

/// <summary>What SMTP003 found about the place a reply code is used.</summary>
public enum ReplyContextKind
{
    /// <summary>Nothing certain: stay silent.</summary>
    None,

    /// <summary>The reply to a known command (or protocol step).</summary>
    Command,

    /// <summary>The branch for an unrecognized verb (the default of a verb dispatcher).</summary>
    UnrecognizedVerb,

    /// <summary>The server closing the connection on its own (timeout, too many errors, shutdown, cancellation).</summary>
    ServerClose,
}

/// <summary>The command context of one reply code (see <see cref="SmtpSemantics.FindReplyContext"/>).</summary>
public readonly struct ReplyContext
{
    public ReplyContext(ReplyContextKind kind, ImmutableArray<CommandReplies> commands = default, string? evidence = null, bool isClient = false)
    {
        Kind = kind;
        Commands = commands.IsDefault ? ImmutableArray<CommandReplies>.Empty : commands;
        Evidence = evidence;
        IsClient = isClient;
    }

    public ReplyContextKind Kind { get; }

    /// <summary>For <see cref="ReplyContextKind.Command"/>: the commands the code may answer (a code is valid if any allows it).</summary>
    public ImmutableArray<CommandReplies> Commands { get; }

    /// <summary>The name or text that told the context (for messages).</summary>
    public string? Evidence { get; }

    /// <summary>True when found from a command line the code writes (client side).</summary>
    public bool IsClient { get; }
}

public sealed partial class SmtpSemantics
{
    private static readonly string[] CloseWords = { "timeout", "timedout", "idle", "shutdown", "shuttingdown", "stopping", "abort", "cancel", "toomany", "maxerror", "errorlimit", "errorcount" };

    private static readonly string[] WriteWords = { "Send", "Write", "Command", "Exec", "Request", "Transmit", "Issue" };

    private static readonly string[] NotWriteWords = { "Reply", "Respond", "Response", "Log", "Error", "Fail", "Expect", "Read", "Receive" };

    private static readonly string[] VerbTestMethods = { "Equals", "StartsWith", "EqualsIgnoreCase", "Is", "IsCommand", "IsVerb", "Matches" };

    /// <summary>
    /// Finds the SMTP command a reply code answers, from syntax only: the command line written before it in the same
    /// method (client side), else the verb branch, dispatcher registration, handler method or handler class around it
    /// (server side). Returns <see cref="ReplyContextKind.None"/> whenever the command cannot be told for sure.
    /// </summary>
    /// <param name="code">The reply code's expression.</param>
    /// <param name="value">The reply code.</param>
    /// <param name="options">The file's command-context options.</param>
    /// <param name="statements">The file's scans of whole statements, shared by its codes (<see cref="StatementWrites"/>).</param>
    internal static ReplyContext FindReplyContext(SyntaxNode code, int value, CommandContextOptions options, StatementWrites statements)
    {
        var clientScan = true;
        var innermostStatement = true;

        // A branch between the code and a dispatcher's default (else { if (IsKnown(verb)) Reply(502); }) may be the
        // "recognized, not implemented" case: the unrecognized-verb context then says nothing.
        var passedBranch = false;
        SyntaxNode child = code;
        for (var current = code.Parent; current is not null; child = current, current = current.Parent)
        {
            if (clientScan)
            {
                // A call that carries the command line and the expected code together (SendCommand("RCPT TO:...", 250),
                // ExpectAsync("HELO host", 250)) names its own command, whatever came before it.
                if (current is InvocationExpressionSyntax invocation && child is ArgumentListSyntax && (IsWriteLike(invocation) || IsExpectLike(invocation)))
                {
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        if (!argument.Span.Contains(code.Span) && ClientVerb(argument.Expression) is { } row)
                        {
                            return Client(row);
                        }
                    }
                }

                if (current is StatementSyntax statement)
                {
                    if (innermostStatement)
                    {
                        innermostStatement = false;
                        var inside = LastWrite(statement, code.SpanStart);
                        if (inside.Kind == WriteKind.Verb)
                        {
                            return Client(inside.Row!);
                        }

                        if (inside.Kind == WriteKind.Other)
                        {
                            clientScan = false;
                        }
                    }

                    if (clientScan && statement.Parent is BlockSyntax or SwitchSectionSyntax)
                    {
                        var siblings = statement.Parent is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)statement.Parent).Statements;
                        for (var i = siblings.IndexOf(statement) - 1; i >= 0 && clientScan; i--)
                        {
                            var write = statements.LastWrite(siblings[i]);
                            if (write.Kind == WriteKind.Verb)
                            {
                                return Client(write.Row!);
                            }

                            if (write.Kind == WriteKind.Other)
                            {
                                clientScan = false;
                            }
                        }
                    }
                }
            }

            switch (current)
            {
                case SwitchSectionSyntax section when section.Parent is SwitchStatementSyntax switchStatement:
                {
                    var outerBranch = passedBranch;
                    passedBranch = true;
                    var rows = VerbsInLabels(section);
                    if (!rows.IsEmpty)
                    {
                        return Server(rows, rows[0].Verb);
                    }

                    var dispatcherVerbs = 0;
                    foreach (var other in switchStatement.Sections)
                    {
                        dispatcherVerbs += VerbsInLabels(other).Length;
                    }

                    if (dispatcherVerbs == 0)
                    {
                        break;
                    }

                    return HasDefault(section) && dispatcherVerbs >= 2 && !outerBranch ? new ReplyContext(ReplyContextKind.UnrecognizedVerb, evidence: "default") : default;
                }

                case SwitchExpressionArmSyntax arm when arm.Parent is SwitchExpressionSyntax switchExpression && child == arm.Expression:
                {
                    var outerBranch = passedBranch;
                    passedBranch = true;
                    var row = PatternVerb(arm.Pattern);
                    if (row is not null)
                    {
                        return Server(Expand(row), row.Verb);
                    }

                    var dispatcherVerbs = 0;
                    foreach (var other in switchExpression.Arms)
                    {
                        dispatcherVerbs += PatternVerb(other.Pattern) is null ? 0 : 1;
                    }

                    if (dispatcherVerbs == 0)
                    {
                        break;
                    }

                    return arm.Pattern is DiscardPatternSyntax && dispatcherVerbs >= 2 && !outerBranch ? new ReplyContext(ReplyContextKind.UnrecognizedVerb, evidence: "_") : default;
                }

                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                {
                    var test = VerbsInCondition(ifStatement.Condition);
                    if (test.Negated)
                    {
                        return default;
                    }

                    if (!test.Rows.IsEmpty)
                    {
                        return Server(test.Rows, test.Rows[0].Verb);
                    }

                    if (value == 221 && CloseWordIn(ifStatement.Condition) is { } word)
                    {
                        return new ReplyContext(ReplyContextKind.ServerClose, evidence: word);
                    }

                    passedBranch = true;
                    break;
                }

                case IfStatementSyntax ifStatement when child is ElseClauseSyntax:
                {
                    var test = VerbsInCondition(ifStatement.Condition);
                    if (test.Rows.IsEmpty && !test.Negated)
                    {
                        passedBranch = true;
                        break;
                    }

                    if (test.Negated || ifStatement.Else!.Statement is IfStatementSyntax)
                    {
                        return default;
                    }

                    // The final else of an if/else-if chain over verbs: the unrecognized verb.
                    var head = ifStatement;
                    while (head.Parent is ElseClauseSyntax { Parent: IfStatementSyntax outer })
                    {
                        head = outer;
                    }

                    var verbs = 0;
                    for (IfStatementSyntax? link = head; link is not null; link = link.Else?.Statement as IfStatementSyntax)
                    {
                        var linkTest = VerbsInCondition(link.Condition);
                        if (linkTest.Negated)
                        {
                            return default;
                        }

                        verbs += linkTest.Rows.Length;
                    }

                    return verbs >= 2 && !passedBranch ? new ReplyContext(ReplyContextKind.UnrecognizedVerb, evidence: "else") : default;
                }

                case ConditionalExpressionSyntax conditional when child != conditional.Condition:
                    passedBranch = true;
                    break;

                case CatchClauseSyntax catchClause when value == 221 && catchClause.Declaration is { } declaration && child == catchClause.Block:
                {
                    if (CloseWord(declaration.Type.ToString()) is { } word)
                    {
                        return new ReplyContext(ReplyContextKind.ServerClose, evidence: word);
                    }

                    break;
                }

                case AnonymousFunctionExpressionSyntax lambda:
                {
                    clientScan = false;
                    if (RegisteredVerb(lambda, options) is { } row)
                    {
                        return Server(Expand(row), row.Verb);
                    }

                    break;
                }

                case LocalFunctionStatementSyntax localFunction:
                {
                    clientScan = false;
                    var named = FromName(localFunction.Identifier.ValueText, value, options, isType: false);
                    if (named.Kind != ReplyContextKind.None)
                    {
                        return named;
                    }

                    break;
                }

                case MethodDeclarationSyntax method:
                {
                    clientScan = false;
                    var named = FromName(method.Identifier.ValueText, value, options, isType: false);
                    if (named.Kind != ReplyContextKind.None)
                    {
                        return named;
                    }

                    break;
                }

                case TypeDeclarationSyntax type:
                    return FromName(type.Identifier.ValueText, value, options, isType: true);
            }
        }

        return default;
    }

    private static ReplyContext Client(CommandReplies row) => new(ReplyContextKind.Command, ImmutableArray.Create(row), row.Verb, isClient: true);

    private static ReplyContext Server(ImmutableArray<CommandReplies> rows, string evidence) => new(ReplyContextKind.Command, rows, evidence);

    /// <summary>Server side, DATA's handler also sends the reply after the data, so both sets apply there.</summary>
    private static ImmutableArray<CommandReplies> Expand(CommandReplies row) =>
        row.Verb == "DATA" ? ImmutableArray.Create(row, CommandReplyTable.Find("DATA-END")!) : ImmutableArray.Create(row);

    private static ImmutableArray<CommandReplies> Add(ImmutableArray<CommandReplies> rows, CommandReplies row)
    {
        foreach (var added in Expand(row))
        {
            if (!rows.Contains(added))
            {
                rows = rows.Add(added);
            }
        }

        return rows;
    }

    private static bool HasDefault(SwitchSectionSyntax section)
    {
        foreach (var label in section.Labels)
        {
            if (label is DefaultSwitchLabelSyntax || label is CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax })
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<CommandReplies> VerbsInLabels(SwitchSectionSyntax section)
    {
        var rows = ImmutableArray<CommandReplies>.Empty;
        foreach (var label in section.Labels)
        {
            var row = label switch
            {
                CaseSwitchLabelSyntax caseLabel => ServerVerb(caseLabel.Value),
                CasePatternSwitchLabelSyntax { WhenClause: null } patternLabel => PatternVerb(patternLabel.Pattern),
                _ => null,
            };
            if (row is not null)
            {
                rows = Add(rows, row);
            }
        }

        return rows;
    }

    private static CommandReplies? PatternVerb(PatternSyntax pattern) =>
        pattern is ConstantPatternSyntax constant ? ServerVerb(constant.Expression) : null;

    /// <summary>A verb as a server compares it: <c>"RCPT"</c>, <c>"MAIL FROM:"</c>, <c>"."</c> (end of data), <c>SmtpCommand.Rcpt</c>.</summary>
    private static CommandReplies? ServerVerb(ExpressionSyntax expression)
    {
        expression = SkipParentheses(expression);
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return ParseVerb(literal.Token.ValueText, client: false);
        }

        if (expression is MemberAccessExpressionSyntax { Expression: { } owner, Name: { } name } && IsVerbEnumName(owner.ToString()))
        {
            var text = name.Identifier.ValueText;
            return CommandReplyTable.FindVerb(text, 0, text.Length);
        }

        return null;
    }

    private static bool IsVerbEnumName(string name) =>
        name.IndexOf("Command", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Verb", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// A command line: leading letters that form a verb, then the end, a space, CR or a colon. Client side the verb must be
    /// upper case and MAIL/RCPT must be followed by FROM:/TO:. A lone "." (with or without CRLF) is the end of data.
    /// </summary>
    public static CommandReplies? ParseVerb(string text, bool client)
    {
        var start = 0;
        if (text.StartsWith("\r\n", StringComparison.Ordinal))
        {
            start = 2;
        }

        if (text.Length > start && text[start] == '.' && (text.Length == start + 1 || string.CompareOrdinal(text, start + 1, "\r\n", 0, 2) == 0 && text.Length == start + 3))
        {
            return CommandReplyTable.Find("DATA-END");
        }

        if (start != 0)
        {
            return null;
        }

        var end = 0;
        while (end < text.Length && end < 9 && char.IsLetter(text[end]))
        {
            if (client && !char.IsUpper(text[end]))
            {
                return null;
            }

            end++;
        }

        if (end != 4 && end != 8)
        {
            return null;
        }

        if (end < text.Length && text[end] != ' ' && text[end] != '\r' && text[end] != '\n' && text[end] != ':')
        {
            return null;
        }

        var row = CommandReplyTable.FindVerb(text, 0, end);
        if (row is null || !client)
        {
            return row;
        }

        if (row.Verb == "MAIL")
        {
            return string.Compare(text, 4, " FROM:", 0, 6, StringComparison.OrdinalIgnoreCase) == 0 ? row : null;
        }

        if (row.Verb == "RCPT")
        {
            return string.Compare(text, 4, " TO:", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 ? row : null;
        }

        return row;
    }

    private readonly struct VerbTest
    {
        public VerbTest(ImmutableArray<CommandReplies> rows, bool negated)
        {
            Rows = rows;
            Negated = negated;
        }

        public ImmutableArray<CommandReplies> Rows { get; }

        public bool Negated { get; }
    }

    private static VerbTest VerbsInCondition(ExpressionSyntax condition)
    {
        var rows = ImmutableArray<CommandReplies>.Empty;
        var negated = false;
        foreach (var node in condition.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax))
        {
            CommandReplies? row = null;
            var isNegative = false;
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    row = ServerVerb(binary.Right) ?? ServerVerb(binary.Left);
                    isNegative = binary.IsKind(SyntaxKind.NotEqualsExpression);
                    break;
                case InvocationExpressionSyntax invocation when IsVerbTest(invocation):
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        row ??= ServerVerb(argument.Expression);
                    }

                    break;
                case IsPatternExpressionSyntax isPattern:
                    row = PatternVerb(isPattern.Pattern);
                    if (row is null && isPattern.Pattern is UnaryPatternSyntax { Pattern: ConstantPatternSyntax notConstant })
                    {
                        row = PatternVerb(notConstant);
                        isNegative = true;
                    }

                    break;
            }

            if (row is null)
            {
                continue;
            }

            if (isNegative || IsUnderNot(node, condition))
            {
                negated = true;
            }
            else
            {
                rows = Add(rows, row);
            }
        }

        return new VerbTest(rows, negated);
    }

    private static bool IsVerbTest(InvocationExpressionSyntax invocation)
    {
        var name = GetMethodName(invocation);
        foreach (var test in VerbTestMethods)
        {
            if (name == test)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnderNot(SyntaxNode node, SyntaxNode root)
    {
        for (var current = node; current != root && current is not null; current = current.Parent)
        {
            if (current.Parent is PrefixUnaryExpressionSyntax unary && unary.IsKind(SyntaxKind.LogicalNotExpression))
            {
                return true;
            }
        }

        return false;
    }

    private static string GetMethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary><c>Register("RCPT", s => ...)</c>, <c>{ "RCPT", s => ... }</c>, <c>["RCPT"] = s => ...</c>.</summary>
    private static CommandReplies? RegisteredVerb(AnonymousFunctionExpressionSyntax lambda, CommandContextOptions options)
    {
        switch (lambda.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list }:
                if (!options.DispatchMethods.IsEmpty && !options.DispatchMethods.Contains(GetMethodName(invocation)))
                {
                    return null;
                }

                return ExactVerbArgument(list.Arguments);
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax } list }:
                return ExactVerbArgument(list.Arguments);
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression) && initializer.Expressions.Count == 2:
                return ExactVerb(initializer.Expressions[0]);
            case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys } }:
                return ExactVerb(keys[0].Expression);
            default:
                return null;
        }
    }

    private static CommandReplies? ExactVerbArgument(SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        foreach (var argument in arguments)
        {
            if (ExactVerb(argument.Expression) is { } row)
            {
                return row;
            }
        }

        return null;
    }

    private static CommandReplies? ExactVerb(ExpressionSyntax expression) =>
        SkipParentheses(expression) is LiteralExpressionSyntax { Token.ValueText: { } text } literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? CommandReplyTable.FindVerb(text, 0, text.Length)
            : ServerVerb(expression) is { Verb: not "DATA-END" } enumRow && expression is MemberAccessExpressionSyntax ? enumRow : null;

    internal enum WriteKind
    {
        None,
        Verb,
        Reply,
        Other,
    }

    internal readonly struct Write
    {
        public Write(WriteKind kind, CommandReplies? row = null)
        {
            Kind = kind;
            Row = row;
        }

        public WriteKind Kind { get; }

        public CommandReplies? Row { get; }
    }

    /// <summary>The last command-line write in a statement, before a position; lambdas and local functions are not looked into.</summary>
    internal static Write LastWrite(SyntaxNode scope, int before)
    {
        var last = default(Write);

        // A node that starts after the position ends after it, and so does all it holds: not descended into.
        foreach (var node in scope.DescendantNodesAndSelf(n => n.SpanStart <= before && n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax))
        {
            if (node.Span.End > before)
            {
                continue;
            }

            if (node is InvocationExpressionSyntax invocation && IsWriteLike(invocation))
            {
                last = ClassifyWrite(invocation);
            }
        }

        return last;
    }

    private static Write ClassifyWrite(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (FirstString(argument.Expression) is { } text)
            {
                if (ParseVerb(text, client: true) is { } row)
                {
                    return new Write(WriteKind.Verb, row);
                }

                if (ReplyCodeTable.Find(text, 0) is not null)
                {
                    return new Write(WriteKind.Reply);
                }

                return new Write(WriteKind.Other);
            }
        }

        return new Write(WriteKind.Other);
    }

    private static bool IsExpectLike(InvocationExpressionSyntax invocation) =>
        GetMethodName(invocation).StartsWith("Expect", StringComparison.Ordinal);

    private static bool IsWriteLike(InvocationExpressionSyntax invocation)
    {
        var name = GetMethodName(invocation);
        if (name.Length == 0)
        {
            return false;
        }

        var isWrite = false;
        foreach (var word in WriteWords)
        {
            if (name.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                isWrite = true;
                break;
            }
        }

        if (!isWrite)
        {
            return false;
        }

        foreach (var word in NotWriteWords)
        {
            if (name.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The verb of a command line an argument writes: <c>"QUIT"</c>, <c>$"RCPT TO:&lt;{x}&gt;"</c>, <c>"EHLO " + host</c>, <c>GetBytes("DATA\r\n")</c>.</summary>
    private static CommandReplies? ClientVerb(ExpressionSyntax expression) =>
        FirstString(expression) is { } text ? ParseVerb(text, client: true) : null;

    private static string? FirstString(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax))
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                case InterpolatedStringExpressionSyntax interpolated:
                    return interpolated.Contents.Count > 0 && interpolated.Contents[0] is InterpolatedStringTextSyntax first ? first.TextToken.ValueText : string.Empty;
            }
        }

        return null;
    }

    private static string? CloseWordIn(ExpressionSyntax condition)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node is PrefixUnaryExpressionSyntax unary && unary.IsKind(SyntaxKind.LogicalNotExpression))
            {
                return null;
            }

            if (node.IsKind(SyntaxKind.FalseLiteralExpression) || node.IsKind(SyntaxKind.NotEqualsExpression))
            {
                return null;
            }
        }

        foreach (var token in condition.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && CloseWord(token.ValueText) is { } word)
            {
                return word;
            }
        }

        return null;
    }

    private static string? CloseWord(string name)
    {
        foreach (var word in CloseWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Handler names: <c>HandleRcptAsync</c>, <c>OnData</c>, <c>MailFromCommand</c>, <c>class RcptCommand</c>, <c>SendGreeting</c>, <c>OnTimeout</c>.</summary>
    private static ReplyContext FromName(string name, int value, CommandContextOptions options, bool isType)
    {
        if (!isType && name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 5);
        }

        var rest = name;
        var stripped = false;
        if (!isType)
        {
            foreach (var prefix in options.Prefixes)
            {
                if (rest.Length > prefix.Length && rest.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(rest[prefix.Length]))
                {
                    rest = rest.Substring(prefix.Length);
                    stripped = true;
                    break;
                }
            }
        }

        var suffixed = false;
        foreach (var suffix in options.Suffixes)
        {
            if (rest.Length > suffix.Length && rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                rest = rest.Substring(0, rest.Length - suffix.Length);
                stripped = true;
                suffixed = true;
                break;
            }
        }

        if (rest.StartsWith("Smtp", StringComparison.Ordinal) && rest.Length > 4)
        {
            rest = rest.Substring(4);
        }

        if (stripped)
        {
            var row = rest switch
            {
                "MailFrom" or "MAILFROM" => CommandReplyTable.Find("MAIL"),
                "Mail" or "MAIL" when suffixed => CommandReplyTable.Find("MAIL"),
                "RcptTo" or "RCPTTO" => CommandReplyTable.Find("RCPT"),
                "Mail" or "MAIL" => null,
                "EndOfData" or "DataEnd" or "EndData" or "DataComplete" or "DataCompleted" => CommandReplyTable.Find("DATA-END"),
                "StartTls" or "StartTLS" or "STARTTLS" => CommandReplyTable.Find("STARTTLS"),
                _ when rest.Length == 4 && (char.IsUpper(rest[1]) == char.IsUpper(rest[0]) || char.IsLower(rest[1])) => CommandReplyTable.FindVerb(rest, 0, 4),
                _ => null,
            };
            if (row is not null)
            {
                return Server(Expand(row), name);
            }

            if (rest is "Unknown" or "Unrecognized" or "UnknownVerb" or "Unrecognised")
            {
                return new ReplyContext(ReplyContextKind.UnrecognizedVerb, evidence: name);
            }
        }

        if (!isType && (name.IndexOf("Greeting", StringComparison.Ordinal) >= 0 || name.IndexOf("Greet", StringComparison.Ordinal) == 0))
        {
            return Server(ImmutableArray.Create(CommandReplyTable.Find("GREETING")!), name);
        }

        if (value == 221 && !isType && CloseWord(name) is { } word)
        {
            return new ReplyContext(ReplyContextKind.ServerClose, evidence: word);
        }

        return default;
    }
}
