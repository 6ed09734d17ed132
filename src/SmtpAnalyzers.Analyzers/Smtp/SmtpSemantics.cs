using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// The one place that decides "is this SMTP?". Built once per compilation; every rule asks it.
/// </summary>
/// <remarks>
/// Evidence, strongest first: the SMTP reply-code enums of the known libraries (matched by name, never referenced);
/// types named for SMTP/LMTP (or listed in <c>smtp_analyzers.smtp_types</c>), with members and parameters named
/// like a reply code; members listed in <c>smtp_analyzers.code_members</c>; a code parsed from the first three
/// characters of a line inside an SMTP type. Types named for HTTP, FTP, NNTP, POP3 or IMAP, and ASP.NET types,
/// are never SMTP.
/// </remarks>
public sealed partial class SmtpSemantics
{
    /// <summary>Reply-code enums of .NET SMTP libraries, matched by metadata name.</summary>
    public static readonly ImmutableArray<string> KnownEnumMetadataNames = ImmutableArray.Create(
        "System.Net.Mail.SmtpStatusCode",
        "MailKit.Net.Smtp.SmtpStatusCode",
        "SmtpServer.Protocol.SmtpReplyCode",
        "Rnwood.SmtpServer.StandardSmtpResponseCode");

    /// <summary>The metadata name of the bundled constants class.</summary>
    public const string BundledConstantsMetadataName = "SmtpAnalyzers.SmtpReplyCode";

    /// <summary>True for the bundled constants class (<see cref="BundledConstantsMetadataName"/>).</summary>
    public static bool IsBundledConstantsType(ITypeSymbol? type) => SymbolNames.IsType(type, "SmtpReplyCode", "SmtpAnalyzers");

    private static readonly string[] CodeReadingVerbs = { "Read", "Get", "Receive", "Parse", "Wait", "Expect" };

    private static readonly string[] ForeignProtocolWords = { "Http", "Ftp", "Nntp", "Pop3", "Imap", "Grpc" };

    /// <summary>Foreign words that are also parts of ordinary words ("Rest" in Interest, Restore, SmtpRestartHandler): matched only as a whole word.</summary>
    private static readonly string[] ForeignProtocolWholeWords = { "Rest", "Restful" };

    // Looked up at the first question that needs them, never at compilation start: the first GetTypeByMetadataName of a
    // compilation waits for its merged declaration tree, and a compilation whose files never pass the gate needs neither.
    private readonly Lazy<ImmutableHashSet<INamedTypeSymbol>> knownEnums;
    private readonly Lazy<ImmutableHashSet<string>> codeMemberNames;
    private readonly AnalyzerOptions? analyzerOptions;
    private readonly ConcurrentDictionary<ITypeSymbol, TypeFacts> typeFacts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SmtpOptions> treeOptions = new();
    private readonly ConcurrentDictionary<SyntaxTree, bool> smtpFiles = new();
    private readonly ConcurrentDictionary<WriterKey, WriterFacts> writerSources = new();

    private SmtpSemantics(Compilation compilation, AnalyzerOptions? options)
    {
        knownEnums = new Lazy<ImmutableHashSet<INamedTypeSymbol>>(() => FindKnownEnums(compilation));
        codeMemberNames = new Lazy<ImmutableHashSet<string>>(() => CollectCodeMemberNames(compilation, knownEnums.Value));
        analyzerOptions = options;
    }

    /// <summary>
    /// The names of the constants of the SMTP library enums and of the bundled constants class in this compilation
    /// (<c>Ok</c>, <c>MailboxBusy</c>, <c>StartMailInput</c> ...): an O(1) filter on member accesses before any semantic work.
    /// Computed once per compilation, at the first call; ask only in files that pass <see cref="IsSmtpFile"/>.
    /// </summary>
    public ImmutableHashSet<string> CodeMemberNames => codeMemberNames.Value;

    private static ImmutableHashSet<INamedTypeSymbol> FindKnownEnums(Compilation compilation)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in KnownEnumMetadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { TypeKind: TypeKind.Enum } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableHashSet<string> CollectCodeMemberNames(Compilation compilation, ImmutableHashSet<INamedTypeSymbol> enums)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var type in enums)
        {
            Add(type);
        }

        Add(compilation.GetTypeByMetadataName(BundledConstantsMetadataName));
        return names.ToImmutable();

        void Add(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true })
                {
                    names.Add(member.Name);
                }
            }
        }
    }

    public static SmtpSemantics Create(Compilation compilation, AnalyzerOptions? options) => new(compilation, options);

    /// <summary>The options in force for a syntax tree (cached per tree).</summary>
    public SmtpOptions GetOptions(SyntaxTree tree)
    {
        if (analyzerOptions is null)
        {
            return SmtpOptions.Empty;
        }

        if (treeOptions.TryGetValue(tree, out var cached))
        {
            return cached;
        }

        return treeOptions.GetOrAdd(tree, SmtpOptions.Read(analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree)));
    }

    /// <summary>
    /// The gate every rule passes before any semantic work, computed once per file: true when the file's text mentions
    /// SMTP or LMTP (in any case: a type, a namespace, a library enum, a comment), or when <c>smtp_analyzers.smtp_types</c>
    /// or <c>smtp_analyzers.code_members</c> is set for it. All SMTP evidence the rules accept carries such a name, except a
    /// type that reaches a file only through <c>var</c>; naming it in <c>smtp_analyzers.smtp_types</c> opens the file again.
    /// </summary>
    /// <remarks>
    /// Binding a method body is what costs: without this gate every method holding a 250 or a 500 in ordinary code
    /// (timeouts, HTTP status, sizes) would be bound just to learn that it is not SMTP.
    /// </remarks>
    public bool IsSmtpFile(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (smtpFiles.TryGetValue(tree, out var known))
        {
            return known;
        }

        var result = !GetOptions(tree).IsEmpty || MentionsSmtpCached(tree.GetText(cancellationToken), cancellationToken);
        return smtpFiles.GetOrAdd(tree, result);
    }

    /// <summary>
    /// <see cref="MentionsSmtp"/>, scanned once per source text for all rules and all compilations that share it (each rule
    /// has its own <see cref="SmtpSemantics"/>, and an edit elsewhere in the solution keeps this file's text).
    /// </summary>
    private static bool MentionsSmtpCached(Microsoft.CodeAnalysis.Text.SourceText text, CancellationToken cancellationToken)
    {
        if (ScannedTexts.TryGetValue(text, out var known))
        {
            return ReferenceEquals(known, Mentions);
        }

        var result = MentionsSmtp(text, cancellationToken);
        ScannedTexts.GetValue(text, _ => result ? Mentions : DoesNotMention);
        return result;
    }

    private static readonly object Mentions = new();
    private static readonly object DoesNotMention = new();
    private static readonly ConditionalWeakTable<Microsoft.CodeAnalysis.Text.SourceText, object> ScannedTexts = new();

    /// <summary>Scans text for "smtp" or "lmtp" in any case (<see cref="SmtpMentionScanner"/>: no copy, no allocation).</summary>
    internal static bool MentionsSmtp(Microsoft.CodeAnalysis.Text.SourceText text, CancellationToken cancellationToken = default) =>
        SmtpMentionScanner.Scan(text, cancellationToken);

    /// <summary>True for a reply-code enum of an SMTP library, or an enum the user's SMTP types declare for codes.</summary>
    public bool IsSmtpEnum(ITypeSymbol? type, SmtpOptions options)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named)
        {
            return false;
        }

        if (knownEnums.Value.Contains(named.OriginalDefinition))
        {
            return true;
        }

        return IsSmtpType(named, options) && IsCodeLikeTypeName(named.Name);
    }

    /// <summary>True for a type named for SMTP or LMTP (or nested in one, or in such a namespace), or configured as SMTP.</summary>
    public bool IsSmtpType(INamedTypeSymbol? type, SmtpOptions options)
    {
        if (type is null)
        {
            return false;
        }

        var facts = GetFacts(type);
        if (facts.IsForeign)
        {
            return false;
        }

        if (facts.IsNamedSmtp)
        {
            return true;
        }

        if (!options.SmtpTypes.IsEmpty)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            {
                var tf = GetFacts(t);
                if (options.SmtpTypes.Contains(t.Name) || options.SmtpTypes.Contains(tf.FullName))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when a field, property, local, parameter or method holds or returns an SMTP reply code.</summary>
    public bool IsSmtpCodeSymbol(ISymbol? symbol, SmtpOptions options)
    {
        switch (symbol)
        {
            case IFieldSymbol field:
                return IsIntegral(field.Type) && (IsConfiguredMember(field, options) || (IsCodeLikeName(field.Name) && IsSmtpType(field.ContainingType, options)));
            case IPropertySymbol property:
                return IsIntegral(property.Type) && (IsConfiguredMember(property, options) || (IsCodeLikeName(property.Name) && IsSmtpType(property.ContainingType, options)));
            case IParameterSymbol parameter:
                if (!IsIntegral(parameter.Type))
                {
                    return false;
                }

                if (parameter.ContainingSymbol is IMethodSymbol owner && IsConfiguredMember(owner, options))
                {
                    return true;
                }

                return IsCodeLikeName(parameter.Name) && IsSmtpType(parameter.ContainingType ?? parameter.ContainingSymbol?.ContainingType, options);
            case ILocalSymbol local:
                return IsIntegral(local.Type) && IsCodeLikeName(local.Name) && IsSmtpType(local.ContainingType ?? local.ContainingSymbol?.ContainingType, options);
            case IMethodSymbol method:
                return IsIntegral(UnwrapTask(method.ReturnType))
                    && (IsConfiguredMember(method, options) || (IsCodeLikeMethodName(method.Name) && IsSmtpType(method.ContainingType, options)));
            default:
                return false;
        }
    }

    /// <summary>
    /// True when an expression carries an SMTP reply code: it has an SMTP enum type, is such an enum cast to an integer,
    /// is a symbol that holds a code, or is a code parsed from the first three characters of a reply line in SMTP code.
    /// </summary>
    public bool IsSmtpValued(ExpressionSyntax expression, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken) =>
        IsSmtpValued(expression, model, options, depth: 0, cancellationToken);

    private bool IsSmtpValued(ExpressionSyntax expression, SemanticModel model, SmtpOptions options, int depth, CancellationToken cancellationToken)
    {
        expression = SkipParentheses(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax:
                return false;
            case AwaitExpressionSyntax awaitExpression:
                return IsSmtpValued(awaitExpression.Expression, model, options, depth, cancellationToken);
            case CastExpressionSyntax cast:
                return GetIntCastEnum(cast, model, options, cancellationToken) is not null
                    || IsSmtpValued(cast.Expression, model, options, depth, cancellationToken);
        }

        var typeInfo = model.GetTypeInfo(expression, cancellationToken);
        if (IsSmtpEnum(typeInfo.Type, options))
        {
            return true;
        }

        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        if (symbol is null)
        {
            return false;
        }

        if (IsSmtpCodeSymbol(symbol, options))
        {
            return true;
        }

        if (symbol is IMethodSymbol method && expression is InvocationExpressionSyntax invocation)
        {
            return IsReplyPrefixParse(method, invocation, model, options, cancellationToken);
        }

        // One step of data flow: a local whose initializer carries a code (int code = (int)ex.StatusCode;).
        if (symbol is ILocalSymbol { IsConst: false } local && depth < 2 && IsIntegral(local.Type))
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == expression.SyntaxTree
                    && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                {
                    return IsSmtpValued(initializer, model, options, depth + 1, cancellationToken);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// For <c>(int)x</c> where <c>x</c> has an SMTP enum type, returns that enum type; otherwise null.
    /// </summary>
    public INamedTypeSymbol? GetIntCastEnum(ExpressionSyntax expression, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (SkipParentheses(expression) is not CastExpressionSyntax cast)
        {
            return null;
        }

        var target = model.GetTypeInfo(cast.Type, cancellationToken).Type;
        if (!IsIntegral(target))
        {
            return null;
        }

        var operandType = model.GetTypeInfo(cast.Expression, cancellationToken).Type;
        return IsSmtpEnum(operandType, options) ? (INamedTypeSymbol)operandType! : null;
    }

    /// <summary><c>int.Parse(line.Substring(0, 3))</c> and its kin, inside SMTP code.</summary>
    private bool IsReplyPrefixParse(IMethodSymbol method, InvocationExpressionSyntax invocation, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (!IsIntegral(method.ReturnType) || invocation.ArgumentList.Arguments.Count == 0)
        {
            return false;
        }

        var isParse = method.Name == "Parse" && IsIntegral(method.ContainingType);
        var isConvert = method.Name.StartsWith("ToInt", StringComparison.Ordinal) && SymbolNames.IsType(method.ContainingType, "Convert", "System");
        if (!isParse && !isConvert)
        {
            return false;
        }

        if (!IsThreeCharPrefix(invocation.ArgumentList.Arguments[0].Expression))
        {
            return false;
        }

        return IsSmtpType(GetEnclosingType(invocation, model, cancellationToken), options);
    }

    /// <summary>
    /// The type whose member holds <paramref name="node"/> (through lambdas and local functions): the type
    /// <see cref="SemanticModel.GetEnclosingSymbol"/> would give, or contain, at the node.
    /// </summary>
    /// <remarks>
    /// Read from the declaration around the member, which costs a symbol lookup; the semantic model would build the binders
    /// down to the node, about 10 µs a call. Elsewhere (a primary constructor's base arguments, top-level statements, a
    /// delegate declaration) the semantic model answers.
    /// </remarks>
    internal static INamedTypeSymbol? GetEnclosingType(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is DelegateDeclarationSyntax)
            {
                // Its parameters' defaults and its attributes' arguments (erroneous code): the delegate type encloses them.
                break;
            }

            if (parent is BaseTypeDeclarationSyntax type)
            {
                // Of a type declaration's children, only its members are member declarations.
                if (child is MemberDeclarationSyntax)
                {
                    return model.GetDeclaredSymbol(type, cancellationToken);
                }

                break;
            }
        }

        var enclosing = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        return enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
    }

    /// <summary>Syntax only: <c>s.Substring(0, 3)</c>, <c>s[..3]</c>, <c>s[0..3]</c>, <c>s.AsSpan(0, 3)</c>, <c>s.Remove(3)</c>.</summary>
    public static bool IsThreeCharPrefix(ExpressionSyntax expression)
    {
        expression = SkipParentheses(expression);
        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: var args }:
                var name = access.Name.Identifier.ValueText;
                if ((name == "Substring" || name == "AsSpan" || name == "Slice") && args.Count == 2)
                {
                    return IsIntLiteral(args[0].Expression, 0) && IsIntLiteral(args[1].Expression, 3);
                }

                if (name == "Remove" && args.Count == 1)
                {
                    return IsIntLiteral(args[0].Expression, 3);
                }

                return false;
            case ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } elementArgs }
                when elementArgs[0].Expression is RangeExpressionSyntax range:
                return (range.LeftOperand is null || IsIntLiteral(range.LeftOperand, 0)) && range.RightOperand is not null && IsIntLiteral(range.RightOperand, 3);
            default:
                return false;
        }
    }

    private static bool IsIntLiteral(ExpressionSyntax expression, int value) =>
        SkipParentheses(expression) is LiteralExpressionSyntax { Token.Value: int v } && v == value;

    public static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    public static bool IsIntegral(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } args })
        {
            type = args[0];
        }

        switch (type?.SpecialType)
        {
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return true;
            default:
                return false;
        }
    }

    private static ITypeSymbol UnwrapTask(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } args } named
            && (named.Name == "Task" || named.Name == "ValueTask")
            && SymbolNames.IsNamespace(named.ContainingNamespace, "System.Threading.Tasks"))
        {
            return args[0];
        }

        return type;
    }

    private bool IsConfiguredMember(ISymbol member, SmtpOptions options)
    {
        if (options.CodeMembers.IsEmpty)
        {
            return false;
        }

        if (options.CodeMembers.Contains(member.Name))
        {
            return true;
        }

        if (member.ContainingType is { } type)
        {
            var facts = GetFacts(type);
            return options.CodeMembers.Contains(type.Name + "." + member.Name) || options.CodeMembers.Contains(facts.FullName + "." + member.Name);
        }

        return false;
    }

    private TypeFacts GetFacts(ITypeSymbol type) => typeFacts.GetOrAdd(type, static t => TypeFacts.Compute(t));

    /// <summary>
    /// Names that hold a reply code: <c>code</c>, <c>reply</c>, <c>status</c>, <c>response</c>, <c>expected</c>,
    /// and names ending in ReplyCode, StatusCode, ResponseCode, SmtpCode or ReplyStatus (with any prefix such as expected/last).
    /// </summary>
    public static bool IsCodeLikeName(string name)
    {
        var n = StripFieldPrefix(name);
        if (EqualsIgnoreCase(n, "code") || EqualsIgnoreCase(n, "reply") || EqualsIgnoreCase(n, "status") || EqualsIgnoreCase(n, "response")
            || EqualsIgnoreCase(n, "expected") || EqualsIgnoreCase(n, "expectedCode") || EqualsIgnoreCase(n, "smtpStatus") || EqualsIgnoreCase(n, "smtpReply"))
        {
            return true;
        }

        return EndsWithIgnoreCase(n, "ReplyCode") || EndsWithIgnoreCase(n, "StatusCode") || EndsWithIgnoreCase(n, "ResponseCode")
            || EndsWithIgnoreCase(n, "SmtpCode") || EndsWithIgnoreCase(n, "ReplyStatus");
    }

    /// <summary>Methods that return a code: GetReplyCode, ReadReply, ReadResponseAsync, ReceiveReply, ParseReplyCode, ...</summary>
    public static bool IsCodeLikeMethodName(string name)
    {
        if (EndsWithIgnoreCase(name, "Async"))
        {
            name = name.Substring(0, name.Length - 5);
        }

        if (IsCodeLikeName(name))
        {
            return true;
        }

        foreach (var verb in CodeReadingVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                var rest = name.Substring(verb.Length);
                if (EqualsIgnoreCase(rest, "Reply") || EqualsIgnoreCase(rest, "Response") || EqualsIgnoreCase(rest, "Code") || IsCodeLikeName(rest))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCodeLikeTypeName(string name) =>
        name.IndexOf("Code", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Status", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Reply", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Response", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string StripFieldPrefix(string name)
    {
        if (name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal) || name.StartsWith("t_", StringComparison.Ordinal))
        {
            return name.Substring(2);
        }

        return name.TrimStart('_');
    }

    private static bool EqualsIgnoreCase(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithIgnoreCase(string a, string b) => a.EndsWith(b, StringComparison.OrdinalIgnoreCase);

    internal static bool ContainsSmtpWord(string name) =>
        name.IndexOf("Smtp", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Lmtp", StringComparison.OrdinalIgnoreCase) >= 0;

    internal static bool ContainsForeignProtocolWord(string name)
    {
        foreach (var word in ForeignProtocolWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        foreach (var word in ForeignProtocolWholeWords)
        {
            if (ContainsWholeWord(name, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="word"/> (PascalCase, e.g. "Rest") is one whole word of an identifier: PascalCase or camelCase
    /// (RestClient, IRestApi, restClient, MyRest), all capitals (REST_API, RESTClient), or between separators (rest_api).
    /// Not when it is part of a longer word (Interest, Restore, SmtpRestartHandler, RESTORE).
    /// </summary>
    internal static bool ContainsWholeWord(string name, string word)
    {
        for (var start = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); start >= 0; start = name.IndexOf(word, start + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (IsWordStart(name, start) && IsWordEnd(name, start, word.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordStart(string name, int start)
    {
        if (start == 0 || !char.IsLetter(name[start - 1]))
        {
            return true;
        }

        // "myRest", "IRest": an upper-case letter after a lower-case one, or before one (the last capital of an acronym).
        var first = name[start];
        return char.IsUpper(first) && (char.IsLower(name[start - 1]) || (start + 1 < name.Length && char.IsLower(name[start + 1])));
    }

    private static bool IsWordEnd(string name, int start, int length)
    {
        var end = start + length;
        if (end == name.Length || !char.IsLetter(name[end]))
        {
            return true;
        }

        var last = name[end - 1];
        var next = name[end];
        if (char.IsLower(last))
        {
            // "RestClient" ends the word; "Restore" and "Restart" do not.
            return char.IsUpper(next);
        }

        // All capitals: "RESTClient" (the next capital starts a PascalCase word), not "RESTORE".
        return char.IsUpper(next) && end + 1 < name.Length && char.IsLower(name[end + 1]);
    }

    /// <summary>What the name-based rules say about one type, computed once.</summary>
    private sealed class TypeFacts
    {
        private readonly Lazy<string> fullName;

        private TypeFacts(ITypeSymbol type, bool isNamedSmtp, bool isForeign)
        {
            IsNamedSmtp = isNamedSmtp;
            IsForeign = isForeign;
            fullName = new Lazy<string>(() => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)));
        }

        /// <summary>The name with its namespace and containing types, without type arguments; made when first asked (only options that name types or members ask).</summary>
        public string FullName => fullName.Value;

        public bool IsNamedSmtp { get; }

        public bool IsForeign { get; }

        public static TypeFacts Compute(ITypeSymbol type)
        {
            var isForeign = ContainsForeignProtocolWord(type.Name) || DerivesFromWebFramework(type);
            var isSmtp = false;
            for (ISymbol? s = type; s is not null && !isSmtp; s = s.ContainingSymbol)
            {
                if (s is INamedTypeSymbol t)
                {
                    isSmtp = ContainsSmtpWord(t.Name);
                }
                else if (s is INamespaceSymbol { IsGlobalNamespace: false } ns)
                {
                    isSmtp = ContainsSmtpWord(ns.Name);
                }
            }

            return new TypeFacts(type, isSmtp, isForeign);
        }

        private static bool DerivesFromWebFramework(ITypeSymbol type)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (IsWebFrameworkNamespace(t.ContainingNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A namespace whose name starts with Microsoft.AspNetCore, System.Web or System.Net.Http, read without building the name.</summary>
        private static bool IsWebFrameworkNamespace(INamespaceSymbol? ns)
        {
            // The first three names below the global namespace, outermost first.
            INamespaceSymbol? first = null, second = null, third = null;
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                third = second;
                second = first;
                first = ns;
            }

            return first?.Name switch
            {
                "Microsoft" => second is not null && second.Name.StartsWith("AspNetCore", StringComparison.Ordinal),
                "System" => second is not null
                    && (second.Name.StartsWith("Web", StringComparison.Ordinal) || (second.Name == "Net" && third is not null && third.Name.StartsWith("Http", StringComparison.Ordinal))),
                _ => false,
            };
        }
    }
}
