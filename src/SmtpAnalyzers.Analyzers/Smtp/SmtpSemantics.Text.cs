using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// The string side of "is this SMTP?": whether a string expression is SMTP protocol text (a reply or command line
/// written to a connection, or compared with a line read from one).
/// </summary>
/// <remarks>
/// Evidence (every kind needs an SMTP type, by name or <c>smtp_analyzers.smtp_types</c>, around it or as its target):
/// <list type="bullet">
/// <item>written to a network writer, stream or socket (<c>Write</c>, <c>WriteLine</c>, <c>Send</c>, ... and their Async forms,
/// also through <c>Encoding.X.GetBytes</c>) by code inside an SMTP type;</item>
/// <item>passed to a string parameter named like reply/response/line/text/command/message, or like a code
/// (<see cref="IsCodeLikeName"/>), of a method or constructor of an SMTP type (exceptions and logging methods excluded);</item>
/// <item>assigned to, initializing or returned as a string member, local or table named like a reply (<see cref="IsReplyTextName"/>)
/// inside an SMTP type;</item>
/// <item>compared (<c>==</c>, <c>Equals</c>, <c>StartsWith</c>, a <c>switch</c> or pattern) with a reply line
/// (<see cref="IsReplyLineSource(ExpressionSyntax, SemanticModel, SmtpOptions, CancellationToken)"/>).</item>
/// </list>
/// The walk climbs through parentheses, <c>+</c> concatenation, conditional branches, <c>??</c>, switch-expression arms,
/// interpolation holes, <c>string.Format</c>/<c>Concat</c>/<c>Join</c>, <c>StringBuilder.Append*</c> and one local variable.
/// Console output, loggers, <c>Debug</c>/<c>Trace</c>, exception messages and HTTP/FTP/NNTP/POP3/IMAP types are never SMTP text.
/// </remarks>
public sealed partial class SmtpSemantics
{
    private static readonly string[] WriteVerbs = { "Write", "Send", "Reply", "Respond", "Transmit", "Emit", "Put" };

    private static readonly string[] UserSinkVerbs =
    {
        "Write", "WriteLine", "Send", "SendLine", "SendReply", "SendResponse", "Reply", "Respond", "WriteReply", "WriteResponse", "SendRaw", "WriteRaw",
    };

    private static readonly string[] NonProtocolMethodPrefixes = { "Log", "Trace", "Debug", "Print", "Show", "Display", "Assert", "Warn", "Info", "Notify", "Throw", "Fail", "Alert" };

    private static readonly string[] NonProtocolTypeWords = { "Console", "Logger", "Log", "Trace", "Debug", "EventSource", "Exception", "Assert" };

    private static readonly string[] ReplyTextWords = { "Reply", "Replies", "Response", "Greeting", "Banner" };

    private static readonly string[] LineParameterNames = { "line", "text", "message", "msg", "command", "cmd", "data", "content", "value", "s", "str" };

    private static readonly string[] LineReadingMethods = { "ReadLine", "ReadLineAsync", "ReadToEnd", "ReadToEndAsync" };

    /// <summary>
    /// True when the string expression (a literal, an interpolated string, a concatenation, a format string) is SMTP
    /// protocol text: it is written to an SMTP connection, passed to a reply/line parameter of an SMTP type, stored in a
    /// reply member of an SMTP type, or compared with a reply line. See the remarks on this file for the evidence.
    /// </summary>
    public bool IsSmtpText(ExpressionSyntax text, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken) =>
        IsSmtpFile(text.SyntaxTree, cancellationToken) && IsSmtpText(text, model, options, depth: 0, cancellationToken);

    /// <summary>
    /// True when an expression is (a prefix of) a reply line read from an SMTP connection: the result of
    /// <c>ReadLine</c>/<c>ReadLineAsync</c> inside an SMTP type, a method of an SMTP type named like ReadReply/GetResponse
    /// that returns a string, or a string member, parameter or local named like reply/response/line inside an SMTP type
    /// (also through <c>Substring(0, 3)</c>, <c>[..3]</c>, <c>Trim</c>, <c>await</c> and one local initializer).
    /// </summary>
    public bool IsReplyLineSource(ExpressionSyntax expression, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken) =>
        IsSmtpFile(expression.SyntaxTree, cancellationToken) && IsReplyLineSource(expression, model, options, depth: 0, cancellationToken);

    /// <summary>Names that hold reply text: containing Reply, Replies, Response, Greeting or Banner (any case).</summary>
    public static bool IsReplyTextName(string name)
    {
        foreach (var word in ReplyTextWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Names of string parameters that carry a protocol line: reply-like names, code-like names, line, text, message, command.</summary>
    public static bool IsLineParameterName(string name)
    {
        if (IsReplyTextName(name) || IsCodeLikeName(name))
        {
            return true;
        }

        var n = StripFieldPrefix(name);
        foreach (var candidate in LineParameterNames)
        {
            if (EqualsIgnoreCase(n, candidate))
            {
                return true;
            }
        }

        return EndsWithIgnoreCase(n, "Line") || EndsWithIgnoreCase(n, "Text") || EndsWithIgnoreCase(n, "Command");
    }

    /// <summary>True when <paramref name="node"/> is inside a member of an SMTP type.</summary>
    public bool IsInsideSmtpType(SyntaxNode node, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken) =>
        IsSmtpFile(model.SyntaxTree, cancellationToken) && IsSmtpType(GetEnclosingType(node, model, cancellationToken), options);

    private bool IsSmtpText(ExpressionSyntax text, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        var node = ClimbTextPosition(text, model, cancellationToken);
        if (node is InvocationExpressionSyntax builderCall && IsBuilderCall(builderCall, model, cancellationToken))
        {
            return IsSmtpBuilderText(builderCall, model, options, depth, cancellationToken);
        }

        switch (node.Parent)
        {
            case ArgumentSyntax argument:
                return IsSmtpTextArgument(argument, model, options, depth, cancellationToken);

            case AttributeArgumentSyntax attributeArgument:
                // [SmtpReply("250 OK")]: a string parameter of an SMTP attribute, named for a line, a reply or a code.
                return FindAttributeParameter(attributeArgument, model, cancellationToken) is { } attributeParameter
                    && IsStringLike(attributeParameter.Type) && IsLineParameterName(attributeParameter.Name)
                    && IsSmtpType(attributeParameter.ContainingType, options);

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                return IsReplyLineSource(binary.Left == node ? binary.Right : binary.Left, model, options, cancellationToken);

            case CaseSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax switchStatement }:
                return IsReplyLineSource(switchStatement.Expression, model, options, cancellationToken);

            case ConstantPatternSyntax pattern:
                return GetPatternInput(pattern) is { } input && IsReplyLineSource(input, model, options, cancellationToken);

            case EqualsValueClauseSyntax { Parent: { } declaration }:
                var declared = declaration switch
                {
                    VariableDeclaratorSyntax or PropertyDeclarationSyntax or ParameterSyntax => model.GetDeclaredSymbol(declaration, cancellationToken),
                    _ => null,
                };
                return IsReplyTextSymbol(declared, options)
                    || (declared is ILocalSymbol local && depth < 2 && IsLocalUsedAsSmtpText(local, declaration, model, options, depth, cancellationToken));

            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                if (assignment.Left is ImplicitElementAccessSyntax && assignment.Parent is InitializerExpressionSyntax indexInitializer)
                {
                    // new Dictionary<int, string> { [250] = "250 OK" }
                    return IsReplyTable(indexInitializer, model, options, cancellationToken);
                }

                return IsReplyTextSymbol(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, options);

            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Parent: InitializerExpressionSyntax collection }:
                // new Dictionary<int, string> { { 250, "250 OK" } }
                return IsReplyTable(collection, model, options, cancellationToken);

            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
                return IsReplyTextSymbol(GetReturningMember(node, model, cancellationToken), options);

            default:
                return false;
        }
    }

    /// <summary>Climbs through the places a string passes through into a longer string or unchanged.</summary>
    private static ExpressionSyntax ClimbTextPosition(ExpressionSyntax node, SemanticModel model, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                    node = binary;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.WhenTrue == node || conditional.WhenFalse == node:
                    node = conditional;
                    continue;
                case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent is SwitchExpressionSyntax switchExpression:
                    node = switchExpression;
                    continue;
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax outer }:
                    node = outer;
                    continue;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                    when IsStringComposition(invocation, model, cancellationToken):
                    node = invocation;
                    continue;
                default:
                    return node;
            }
        }
    }

    /// <summary><c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>, <c>Encoding.GetBytes</c>, <c>sb.Append*</c> (chained).</summary>
    private static bool IsStringComposition(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = GetInvokedName(invocation);
        if (name is not ("Format" or "Concat" or "Join" or "GetBytes" or "Append" or "AppendLine" or "AppendFormat" or "Insert"))
        {
            return false;
        }

        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var type = method.ContainingType;
        switch (name)
        {
            case "Format":
            case "Concat":
            case "Join":
                return type?.SpecialType == SpecialType.System_String;
            case "GetBytes":
                return SymbolNames.IsType(type, "Encoding", "System.Text") || SymbolNames.DerivesFrom(type, "Encoding", "System.Text");
            default:
                return SymbolNames.IsType(type, "StringBuilder", "System.Text");
        }
    }

    private bool IsSmtpTextArgument(ArgumentSyntax argument, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        if (argument.Parent is not BaseArgumentListSyntax { Parent: { } call })
        {
            return false;
        }

        var parameter = FindParameter(argument, model, cancellationToken);
        if (parameter?.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        var containingType = method.ContainingType;
        if (containingType is null || IsNonProtocolType(containingType) || StartsWithAny(method.Name, NonProtocolMethodPrefixes))
        {
            return false;
        }

        // line.StartsWith("354"), line.Equals("250 OK"), "250".Equals(code), string.Equals(a, b), line.EndsWith? (no: a suffix is not a code).
        if (call is InvocationExpressionSyntax invocation && containingType.SpecialType == SpecialType.System_String)
        {
            switch (method.Name)
            {
                case "StartsWith":
                case "Equals" when !method.IsStatic:
                    return invocation.Expression is MemberAccessExpressionSyntax access
                        && IsReplyLineSource(access.Expression, model, options, cancellationToken);
                case "Equals" when method.IsStatic && invocation.ArgumentList.Arguments.Count >= 2:
                    var args = invocation.ArgumentList.Arguments;
                    var other = args[0] == argument ? args[1] : args[0];
                    return IsReplyLineSource(other.Expression, model, options, cancellationToken);
                default:
                    return false;
            }
        }

        // A string parameter of a method of an SMTP type, named for a line, a reply or a code: session.Reply("250 OK"), CheckReply(r, "221").
        if (IsStringLike(parameter.Type) && IsSmtpType(containingType, options) && IsLineParameterName(parameter.Name))
        {
            return true;
        }

        // Written to a writer, stream or socket by code inside an SMTP type: writer.WriteLineAsync("250 OK"), stream.Write(bytes).
        if (call is InvocationExpressionSyntax writeCall && StartsWithAny(method.Name, WriteVerbs)
            && (IsStringLike(parameter.Type) || IsBytes(parameter.Type) || SymbolNames.IsType(parameter.Type, "StringBuilder", "System.Text"))
            && IsNetworkSink(containingType, method.Name) && !IsConsoleStream(writeCall)
            && IsInsideSmtpType(argument, model, options, cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>A use of a local that holds text, bytes or a builder: the text itself, or <c>sb.ToString()</c>.</summary>
    private bool IsSmtpUse(IdentifierNameSyntax use, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        if (use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access && access.Expression == use
            && access.Parent is InvocationExpressionSyntax toString)
        {
            return IsSmtpText(toString, model, options, depth, cancellationToken);
        }

        return IsSmtpText(use, model, options, depth, cancellationToken);
    }

    private static bool IsBuilderCall(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        GetInvokedName(invocation) is "Append" or "AppendLine" or "AppendFormat" or "Insert"
        && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType: var type } && SymbolNames.IsType(type, "StringBuilder", "System.Text");

    /// <summary>
    /// Text appended to a <c>StringBuilder</c>: follows the call chain; SMTP text when the chain ends in <c>ToString()</c> that is SMTP
    /// text, or the builder is a reply-named member/local of an SMTP type, or (one step) the builder local's <c>ToString()</c> is SMTP text.
    /// </summary>
    private bool IsSmtpBuilderText(InvocationExpressionSyntax call, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        ExpressionSyntax receiver = call;
        while (receiver.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } access && access.Expression == receiver)
        {
            if (access.Name.Identifier.ValueText == "ToString")
            {
                return IsSmtpText(next, model, options, depth, cancellationToken);
            }

            receiver = next;
        }

        // The root of the chain: sb in sb.Append(...).Append(...).
        ExpressionSyntax root = call;
        while (root is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner })
        {
            root = SkipParentheses(inner.Expression);
        }

        var symbol = model.GetSymbolInfo(root, cancellationToken).Symbol;
        if (symbol is IFieldSymbol or IPropertySymbol or IParameterSymbol or ILocalSymbol)
        {
            if (IsReplyTextName(symbol.Name) && IsSmtpType(symbol.ContainingType ?? symbol.ContainingSymbol?.ContainingType, options))
            {
                return true;
            }

            if (symbol is ILocalSymbol local && depth < 2)
            {
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == root.SyntaxTree && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator)
                    {
                        return IsLocalUsedAsSmtpText(local, declarator, model, options, depth, cancellationToken);
                    }
                }
            }
        }

        return false;
    }

    private static bool IsBytes(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
        || (type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } args } named
            && args[0].SpecialType == SpecialType.System_Byte
            && (named.Name is "ReadOnlySpan" or "ReadOnlyMemory" or "Span" or "Memory" or "ArraySegment"));

    /// <summary>TextWriter/StreamWriter, Stream/NetworkStream/SslStream, Socket, PipeWriter and the user's SMTP connection types.</summary>
    private bool IsNetworkSink(INamedTypeSymbol type, string methodName)
    {
        if (SymbolNames.DerivesFrom(type, "TextWriter", "System.IO") || SymbolNames.DerivesFrom(type, "Stream", "System.IO") || SymbolNames.DerivesFrom(type, "Socket", "System.Net.Sockets")
            || SymbolNames.IsType(type, "PipeWriter", "System.IO.Pipelines") || SymbolNames.IsType(type, "TcpClient", "System.Net.Sockets"))
        {
            return true;
        }

        if (SymbolNames.OutermostNamespaceStartsWith(type.ContainingNamespace, "System") || SymbolNames.OutermostNamespaceStartsWith(type.ContainingNamespace, "Microsoft"))
        {
            return false;
        }

        // The user's own connection wrapper: Connection.WriteLineAsync(string), channel.Send(string) called from an SMTP type;
        // only the plain protocol verbs, so that WriteEntry, SendMail or ReplyToAll are not taken for a connection.
        if (GetFacts(type).IsForeign)
        {
            return false;
        }

        var verb = EndsWithIgnoreCase(methodName, "Async") ? methodName.Substring(0, methodName.Length - 5) : methodName;
        return Array.IndexOf(UserSinkVerbs, verb) >= 0;
    }

    private static bool IsConsoleStream(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Console" } } };

    private bool IsNonProtocolType(INamedTypeSymbol type)
    {
        if (GetFacts(type).IsForeign || SymbolNames.DerivesFrom(type, "Exception", "System"))
        {
            return true;
        }

        foreach (var word in NonProtocolTypeWords)
        {
            if (type.Name.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return SymbolNames.IsNamespace(type.ContainingNamespace, "System.Diagnostics") || SymbolNames.IsNamespace(type.ContainingNamespace, "Microsoft.Extensions.Logging");
    }

    /// <summary>A string field, property, local, parameter or method named like a reply, inside (or of) an SMTP type.</summary>
    private bool IsReplyTextSymbol(ISymbol? symbol, SmtpOptions options)
    {
        ITypeSymbol? type;
        switch (symbol)
        {
            case IFieldSymbol field:
                type = field.Type;
                break;
            case IPropertySymbol property:
                type = property.Type;
                break;
            case ILocalSymbol local:
                type = local.Type;
                break;
            case IParameterSymbol parameter:
                type = parameter.Type;
                break;
            case IMethodSymbol method:
                type = UnwrapTask(method.ReturnType);
                break;
            default:
                return false;
        }

        if (!IsStringLike(type) && !IsReplyTableType(type))
        {
            return false;
        }

        return IsReplyTextName(symbol.Name) && IsSmtpType(symbol.ContainingType ?? symbol.ContainingSymbol?.ContainingType, options);
    }

    /// <summary>A collection initializer of a dictionary/list of reply texts stored in a reply-named member of an SMTP type.</summary>
    private bool IsReplyTable(InitializerExpressionSyntax initializer, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (initializer.Parent is not BaseObjectCreationExpressionSyntax creation)
        {
            return false;
        }

        ExpressionSyntax node = creation;
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax } clause:
                return IsReplyTextSymbol(model.GetDeclaredSymbol(clause.Parent!, cancellationToken), options);
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return IsReplyTextSymbol(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, options);
            case ArrowExpressionClauseSyntax:
            case ReturnStatementSyntax:
                return IsReplyTextSymbol(GetReturningMember(node, model, cancellationToken), options);
            default:
                return false;
        }
    }

    /// <summary>One step of data flow: <c>var reply = "250 OK\r\n"; await writer.WriteAsync(reply);</c>.</summary>
    private bool IsLocalUsedAsSmtpText(ILocalSymbol local, SyntaxNode declaration, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        if (!IsStringLike(local.Type) && !IsBytes(local.Type) && !SymbolNames.IsType(local.Type, "StringBuilder", "System.Text"))
        {
            return false;
        }

        var body = declaration.FirstAncestorOrSelf<SyntaxNode>(static n => n is BlockSyntax or ArrowExpressionClauseSyntax or SwitchSectionSyntax);
        if (body is null)
        {
            return false;
        }

        foreach (var identifier in body.DescendantNodes())
        {
            if (identifier is IdentifierNameSyntax { Identifier.ValueText: var name } use && name == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local)
                && IsSmtpUse(use, model, options, depth + 1, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsReplyLineSource(ExpressionSyntax expression, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        expression = SkipParentheses(expression);
        while (true)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaitExpression:
                    expression = SkipParentheses(awaitExpression.Expression);
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                    expression = SkipParentheses(bang.Operand);
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                    when IsThreeCharPrefix(call) || GetInvokedName(call) is "Trim" or "TrimStart" or "TrimEnd" or "ToString" or "ToUpperInvariant" or "ToLowerInvariant":
                    expression = SkipParentheses(access.Expression);
                    continue;
                case ElementAccessExpressionSyntax element when IsThreeCharPrefix(element):
                    expression = SkipParentheses(element.Expression);
                    continue;
            }

            break;
        }

        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        switch (symbol)
        {
            case IMethodSymbol method when expression is InvocationExpressionSyntax:
                if (!IsStringLike(UnwrapTask(method.ReturnType)))
                {
                    return false;
                }

                if (Array.IndexOf(LineReadingMethods, method.Name) >= 0)
                {
                    return IsInsideSmtpType(expression, model, options, cancellationToken) && !IsNonProtocolType(method.ContainingType);
                }

                return (IsCodeLikeMethodName(method.Name) || IsReplyTextName(method.Name)) && IsSmtpType(method.ContainingType, options);

            case ILocalSymbol local when IsStringLike(local.Type):
                if (IsReplyTextName(local.Name) || IsLineName(local.Name))
                {
                    return IsSmtpType(local.ContainingSymbol?.ContainingType, options);
                }

                if (depth < 2)
                {
                    foreach (var reference in local.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree == expression.SyntaxTree
                            && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                        {
                            return IsReplyLineSource(initializer, model, options, depth + 1, cancellationToken);
                        }
                    }
                }

                return false;

            case IParameterSymbol parameter when IsStringLike(parameter.Type):
                return (IsReplyTextName(parameter.Name) || IsLineName(parameter.Name)) && IsSmtpType(parameter.ContainingSymbol?.ContainingType, options);

            case IFieldSymbol or IPropertySymbol:
                var type = symbol is IFieldSymbol f ? f.Type : ((IPropertySymbol)symbol).Type;
                return IsStringLike(type) && (IsReplyTextName(symbol.Name) || IsLineName(symbol.Name)) && IsSmtpType(symbol.ContainingType, options);

            default:
                return false;
        }
    }

    private static bool IsLineName(string name)
    {
        var n = StripFieldPrefix(name);
        return EqualsIgnoreCase(n, "line") || EndsWithIgnoreCase(n, "Line") || EqualsIgnoreCase(n, "code") || EndsWithIgnoreCase(n, "Code");
    }

    private static ExpressionSyntax? GetPatternInput(PatternSyntax pattern)
    {
        SyntaxNode current = pattern;
        while (current.Parent is BinaryPatternSyntax or ParenthesizedPatternSyntax or UnaryPatternSyntax)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IsPatternExpressionSyntax isPattern => isPattern.Expression,
            CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax s } => s.Expression,
            SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax s } => s.GoverningExpression,
            _ => null,
        };
    }

    private static string? GetInvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsStringLike(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        // ReadOnlySpan<char>, ReadOnlyMemory<char>: overloads of Write/Send that take text.
        return type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } args } named
            && args[0].SpecialType == SpecialType.System_Char
            && (named.Name == "ReadOnlySpan" || named.Name == "ReadOnlyMemory");
    }

    /// <summary>IDictionary/Dictionary/List/array of strings: a table of reply texts.</summary>
    private static bool IsReplyTableType(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType == SpecialType.System_String;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            var args = named.TypeArguments;
            return args.Length > 0 && args[args.Length - 1].SpecialType == SpecialType.System_String;
        }

        return false;
    }

    private static bool StartsWithAny(string name, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
