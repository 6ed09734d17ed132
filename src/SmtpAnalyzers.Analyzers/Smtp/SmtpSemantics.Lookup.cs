using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>What a name in a member body denotes, found without binding the member (see SmtpSemantics.Lookup.cs).</summary>
internal readonly struct NameMeaning
{
    public NameMeaning(ISymbol symbol)
    {
        Symbol = symbol;
        Type = SmtpSemantics.ValueType(symbol);
        Name = symbol.Name;
        LocalOwner = null;
        LocalInitializer = null;
        IsConstLocal = false;
    }

    public NameMeaning(string name, ITypeSymbol type, INamedTypeSymbol? owner, ExpressionSyntax? initializer, bool isConst)
    {
        Symbol = null;
        Type = type;
        Name = name;
        LocalOwner = owner;
        LocalInitializer = initializer;
        IsConstLocal = isConst;
    }

    /// <summary>A parameter, field, property, type or namespace; null for a local.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>The type of the value (locals, parameters, fields, properties); null for types and namespaces.</summary>
    public ITypeSymbol? Type { get; }

    public string Name { get; }

    public bool IsLocal => Symbol is null;

    /// <summary>For a local: the type whose member declares it.</summary>
    public INamedTypeSymbol? LocalOwner { get; }

    /// <summary>For a local: its initializer, if any.</summary>
    public ExpressionSyntax? LocalInitializer { get; }

    public bool IsConstLocal { get; }
}

/// <summary>
/// Name lookup without binding, for the questions the rules ask most: "what does this name denote?", "which methods can
/// this call reach?", "which type does this type syntax name?".
/// </summary>
/// <remarks>
/// <para>
/// Any semantic question about a node inside a member body (<c>GetSymbolInfo</c>, <c>GetTypeInfo</c>, <c>GetConstantValue</c>,
/// and even <c>LookupSymbols</c> or a speculative bind at a position in the body) makes the semantic model bind the whole
/// member and, with nullable reference types on, run nullable analysis over it: that was nearly all of the rules' cost
/// (measured with <c>--probe</c>/<c>--profile</c> in tests/SmtpAnalyzers.Benchmarks). Declared symbols (a method's
/// parameters, a type) and lookups at a position between members need no body.
/// </para>
/// <para>
/// So a name is resolved here from the syntax of its member: a parameter of that member, a local declared with an explicit
/// type (a declaration statement, a <c>catch</c>, a <c>foreach</c>) whose scope holds the name, or, when the member declares
/// nothing of that name, a member of the enclosing types or a type, looked up at the enclosing type's closing brace. Every
/// method answers only when the answer is the one binding gives for code that compiles, and says "unknown" otherwise
/// (a name declared twice in the member, lambda and local-function parameters, <c>var</c>, <c>value</c> in accessors,
/// primary-constructor parameters, generic methods, calls through delegates or <c>base</c>): the callers then bind as before.
/// </para>
/// </remarks>
public sealed partial class SmtpSemantics
{
    /// <summary>The type of a value symbol, or null for other symbols.</summary>
    internal static ITypeSymbol? ValueType(ISymbol? symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    /// <summary>
    /// What a simple name or member-access chain denotes (<c>code</c>, <c>this.code</c>, <c>ex.StatusCode</c>,
    /// <c>SmtpStatusCode.Ok</c>, <c>System.Net.Mail.SmtpStatusCode.Ok</c>), without binding; false when unknown.
    /// </summary>
    internal static bool TryResolve(ExpressionSyntax expression, SemanticModel model, out NameMeaning meaning)
    {
        meaning = default;
        expression = SkipParentheses(expression);
        if (!IsWholeExpression(expression) || !TryGetScope(expression, model, out var scope))
        {
            return false;
        }

        return TryResolve(expression, model, scope, out meaning);
    }

    /// <summary>The member around a node, its enclosing type, and a position outside every member where lookups bind nothing.</summary>
    private readonly struct LookupScope
    {
        public LookupScope(MemberDeclarationSyntax member, INamedTypeSymbol type, int position)
        {
            Member = member;
            Type = type;
            Position = position;
        }

        public MemberDeclarationSyntax Member { get; }

        public INamedTypeSymbol Type { get; }

        public int Position { get; }
    }

    /// <summary>The <see cref="AppContext"/> switch that turns name lookup off (<see cref="LookupEnabled"/>).</summary>
    internal const string BindOnlySwitch = "SmtpAnalyzers.BindOnly";

    /// <summary>
    /// Off only in the benchmark's equivalence check (<c>--equivalence</c>), which compares every diagnostic with lookup on
    /// and, in a second process that sets <see cref="BindOnlySwitch"/> before the analyzers load, off: with it off, every
    /// question is answered by binding, as before lookup existed. Read once per process.
    /// </summary>
    internal static readonly bool LookupEnabled = !(AppContext.TryGetSwitch(BindOnlySwitch, out var bindOnly) && bindOnly);

    private static bool TryGetScope(SyntaxNode node, SemanticModel model, out LookupScope scope)
    {
        scope = default;
        if (!LookupEnabled)
        {
            return false;
        }

        MemberDeclarationSyntax? member = null;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case QueryExpressionSyntax:
                    return false;
                case AccessorDeclarationSyntax accessor when node is IdentifierNameSyntax { Identifier.ValueText: "value" }
                    && !accessor.IsKind(SyntaxKind.GetAccessorDeclaration):
                    // The implicit parameter of set, init, add and remove.
                    return false;
                case TypeDeclarationSyntax type:
                    if (member is null || type.CloseBraceToken.IsMissing || HasPrimaryConstructor(type))
                    {
                        return false;
                    }

                    if (model.GetDeclaredSymbol(type) is not INamedTypeSymbol typeSymbol)
                    {
                        return false;
                    }

                    // At the closing brace the binder is the type's own: its members, outer types, usings; no member body.
                    scope = new LookupScope(member, typeSymbol, type.CloseBraceToken.SpanStart);
                    return true;
                case BaseNamespaceDeclarationSyntax:
                case CompilationUnitSyntax:
                    return false;
                case MemberDeclarationSyntax declaration when member is null:
                    member = declaration;
                    break;
            }
        }

        return false;
    }

    private static bool HasPrimaryConstructor(TypeDeclarationSyntax type) => type.ParameterList is not null;

    private static bool TryResolve(ExpressionSyntax expression, SemanticModel model, in LookupScope scope, out NameMeaning meaning)
    {
        meaning = default;
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                return TryResolveSimpleName(identifier, model, scope, out meaning);

            case ThisExpressionSyntax:
                meaning = new NameMeaning(scope.Type);
                return true;

            case PredefinedTypeSyntax predefined when PredefinedType(predefined, model.Compilation) is { } special:
                meaning = new NameMeaning(special);
                return true;

            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access:
                if (ReceiverContainer(SkipParentheses(access.Expression), model, scope) is not { } container)
                {
                    return false;
                }

                return TryLookupSingle(model, scope.Position, container, name.Identifier.ValueText, out meaning);

            default:
                return false;
        }
    }

    /// <summary>The namespace or type whose members the right side of <c>x.Name</c> is looked up in: a name, or any expression whose type is known.</summary>
    private static INamespaceOrTypeSymbol? ReceiverContainer(ExpressionSyntax receiver, SemanticModel model, in LookupScope scope)
    {
        if (receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax or PredefinedTypeSyntax)
        {
            return TryResolve(receiver, model, scope, out var meaning) ? ContainerOf(meaning) : null;
        }

        return TryGetType(receiver, model, scope, depth: 0) is { } type and not (ITypeParameterSymbol or IErrorTypeSymbol or IDynamicTypeSymbol or IPointerTypeSymbol) ? type : null;
    }

    /// <summary>
    /// The type of an expression where it follows from lookup alone: names, literals, keyword casts, <c>new T(...)</c>,
    /// calls whose candidate methods all return the same type, <c>await</c> of Task&lt;T&gt;/ValueTask&lt;T&gt; (also through
    /// <c>ConfigureAwait</c>). Null when unknown.
    /// </summary>
    private static ITypeSymbol? TryGetType(ExpressionSyntax expression, SemanticModel model, in LookupScope scope, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        expression = SkipParentheses(expression);
        switch (expression)
        {
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return TryResolve(expression, model, scope, out var meaning) ? meaning.Type : null;

            case LiteralExpressionSyntax literal:
                return literal.Kind() switch
                {
                    SyntaxKind.StringLiteralExpression => model.Compilation.GetSpecialType(SpecialType.System_String),
                    SyntaxKind.CharacterLiteralExpression => model.Compilation.GetSpecialType(SpecialType.System_Char),
                    SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => model.Compilation.GetSpecialType(SpecialType.System_Boolean),
                    SyntaxKind.NumericLiteralExpression when literal.Token.Value is int => model.Compilation.GetSpecialType(SpecialType.System_Int32),
                    _ => null,
                };

            case CastExpressionSyntax cast:
                return TryLookupType(cast.Type, model, scope);

            case ObjectCreationExpressionSyntax creation:
                return TryLookupType(creation.Type, model, scope);

            case InvocationExpressionSyntax invocation:
                var candidates = LookupCandidateMethods(invocation, model, scope, depth + 1);
                if (candidates.IsDefault)
                {
                    return null;
                }

                ITypeSymbol? returned = null;
                foreach (var candidate in candidates)
                {
                    if (returned is null)
                    {
                        returned = candidate.ReturnType;
                    }
                    else if (!SymbolEqualityComparer.Default.Equals(returned, candidate.ReturnType))
                    {
                        return null;
                    }
                }

                return returned;

            case AwaitExpressionSyntax awaitExpression:
                return AwaitResult(TryGetType(awaitExpression.Expression, model, scope, depth + 1));

            case InterpolatedStringExpressionSyntax:
                // Its natural type; ChooseMethod does not use it where a candidate takes an interpolated-string handler.
                return model.Compilation.GetSpecialType(SpecialType.System_String);

            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                // String concatenation: a string operand, and the other a string or a keyword type (no user-defined + can apply).
                var left = TryGetType(add.Left, model, scope, depth + 1);
                var right = TryGetType(add.Right, model, scope, depth + 1);
                if (left is null || right is null)
                {
                    return null;
                }

                var isLeftString = left.SpecialType == SpecialType.System_String;
                var isRightString = right.SpecialType == SpecialType.System_String;
                return (isLeftString && IsKeywordType(right)) || (isRightString && IsKeywordType(left)) ? (isLeftString ? left : right) : null;

            case ConditionalExpressionSyntax conditional:
                var whenTrue = TryGetType(conditional.WhenTrue, model, scope, depth + 1);
                return whenTrue is not null && SymbolEqualityComparer.Default.Equals(whenTrue, TryGetType(conditional.WhenFalse, model, scope, depth + 1)) ? whenTrue : null;

            case ElementAccessExpressionSyntax element when ReceiverContainer(SkipParentheses(element.Expression), model, scope) is ITypeSymbol indexed:
                if (indexed is IArrayTypeSymbol array)
                {
                    return array.ElementType;
                }

                ITypeSymbol? item = null;
                foreach (var indexer in model.LookupSymbols(scope.Position, indexed, WellKnownMemberNames.Indexer))
                {
                    if (indexer is not IPropertySymbol property || (item is not null && !SymbolEqualityComparer.Default.Equals(item, property.Type)))
                    {
                        return null;
                    }

                    item = property.Type;
                }

                return item;

            default:
                return null;
        }
    }

    private static bool IsKeywordType(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_Object and <= SpecialType.System_String;

    /// <summary>
    /// The method a call binds to, by lookup when it is certain for code that compiles: the only candidate that can take
    /// the call's number of arguments, or the only one whose parameter types are exactly the arguments' types (an exact
    /// match beats every other conversion in overload resolution); else by binding the call.
    /// </summary>
    internal static IMethodSymbol? ChooseMethod(SyntaxNode call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (TryGetScope(call, model, out var scope) && ChooseMethodByLookup(call, model, scope) is { } chosen)
        {
            return chosen;
        }

        return model.GetSymbolInfo(call, cancellationToken).Symbol as IMethodSymbol;
    }

    private static IMethodSymbol? ChooseMethodByLookup(SyntaxNode call, SemanticModel model, in LookupScope scope)
    {
        var candidates = LookupCandidateMethods(call, model, scope, depth: 0);
        if (candidates.IsDefault)
        {
            return null;
        }

        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        var arguments = call switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            ObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Arguments,
            _ => default,
        };

        var types = new ITypeSymbol[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None) || TryGetType(argument.Expression, model, scope, depth: 0) is not { } type)
            {
                return null;
            }

            if (argument.Expression is InterpolatedStringExpressionSyntax && AnyTakesHandler(candidates, i))
            {
                return null;
            }

            types[i] = type;
        }

        IMethodSymbol? exact = null;
        var hasInstance = false;
        foreach (var candidate in candidates)
        {
            hasInstance |= candidate.ReducedFrom is null;
            if (!IsExactMatch(candidate, types))
            {
                continue;
            }

            if (exact is not null)
            {
                return null;
            }

            exact = candidate;
        }

        // An extension method is considered only when no instance method applies: an exact extension is not enough.
        return exact is not null && (exact.ReducedFrom is null || !hasInstance) ? exact : null;
    }

    private static bool IsExactMatch(IMethodSymbol method, ITypeSymbol[] types)
    {
        var parameters = method.Parameters;
        if (parameters.Length != types.Length)
        {
            return false;
        }

        for (var i = 0; i < types.Length; i++)
        {
            if (parameters[i].IsParams || parameters[i].RefKind is not (RefKind.None or RefKind.In) || !SymbolEqualityComparer.Default.Equals(parameters[i].Type, types[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyTakesHandler(ImmutableArray<IMethodSymbol> candidates, int position)
    {
        foreach (var candidate in candidates)
        {
            if (position < candidate.Parameters.Length && candidate.Parameters[position].Type is { IsValueType: true } type && type.SpecialType == SpecialType.None)
            {
                // A struct parameter where an interpolated string goes: perhaps an interpolated-string handler.
                return true;
            }
        }

        return false;
    }

    /// <summary>What <c>await</c> gives for Task&lt;T&gt;, ValueTask&lt;T&gt; and their ConfigureAwait forms; null otherwise.</summary>
    private static ITypeSymbol? AwaitResult(ITypeSymbol? awaited)
    {
        if (awaited is INamedTypeSymbol { IsGenericType: true, TypeArguments: { Length: 1 } arguments } named
            && named.Name is "Task" or "ValueTask" or "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable"
            && named.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" or "System.Runtime.CompilerServices")
        {
            return arguments[0];
        }

        return null;
    }

    /// <summary>The namespace or type whose members the right side of <c>x.Name</c> is looked up in.</summary>
    private static INamespaceOrTypeSymbol? ContainerOf(in NameMeaning receiver)
    {
        var container = receiver.Symbol as INamespaceOrTypeSymbol ?? receiver.Type;
        return container is ITypeParameterSymbol or IErrorTypeSymbol or IDynamicTypeSymbol or IPointerTypeSymbol ? null : container;
    }

    private static bool TryResolveSimpleName(IdentifierNameSyntax identifier, SemanticModel model, in LookupScope scope, out NameMeaning meaning)
    {
        meaning = default;
        var name = identifier.Identifier.ValueText;
        var declarations = FindDeclarations(scope.Member, name, identifier, out var declaration);
        if (declarations == 0)
        {
            // Nothing of that name in the member: a member of the enclosing types, a type or a namespace, as at the type's closing brace.
            return TryLookupSingle(model, scope.Position, container: null, name, out meaning);
        }

        if (declarations > 1)
        {
            return false;
        }

        switch (declaration)
        {
            case ParameterSyntax { Parent: BaseParameterListSyntax { Parent: var owner } } parameter when owner == scope.Member:
                // A parameter of the member itself (not of a lambda or local function inside it): its declared symbol needs no body.
                if (model.GetDeclaredSymbol(parameter) is not IParameterSymbol parameterSymbol)
                {
                    return false;
                }

                meaning = new NameMeaning(parameterSymbol);
                return true;

            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax block } statement } variables } declarator
                when block.Span.Contains(identifier.Span) && !declarator.Span.Contains(identifier.Span):
                if (variables.Type.IsVar)
                {
                    // var: the initializer's type, where lookup alone knows it (a name, a call, await of a call, a cast, new T()).
                    if (declarator.Initializer?.Value is not { } value || TryGetType(value, model, scope, depth: 0) is not { } inferred
                        || inferred is ITypeParameterSymbol or IErrorTypeSymbol || inferred.SpecialType == SpecialType.System_Void)
                    {
                        return false;
                    }

                    meaning = new NameMeaning(name, inferred, scope.Type, value, isConst: false);
                    return true;
                }

                return TryLocal(name, variables.Type, declarator.Initializer?.Value, statement.IsConst, model, scope, out meaning);

            case CatchDeclarationSyntax catchDeclaration when catchDeclaration.Parent is CatchClauseSyntax clause && clause.Span.Contains(identifier.Span):
                return TryLocal(name, catchDeclaration.Type, initializer: null, isConst: false, model, scope, out meaning);

            case ForEachStatementSyntax forEach when forEach.Statement.Span.Contains(identifier.Span) && !forEach.Type.IsVar:
                return TryLocal(name, forEach.Type, initializer: null, isConst: false, model, scope, out meaning);

            default:
                return false;
        }
    }

    private static bool TryLocal(string name, TypeSyntax typeSyntax, ExpressionSyntax? initializer, bool isConst, SemanticModel model, in LookupScope scope, out NameMeaning meaning)
    {
        meaning = default;
        if (TryLookupType(typeSyntax, model, scope) is not { } type)
        {
            return false;
        }

        meaning = new NameMeaning(name, type, scope.Type, initializer, isConst);
        return true;
    }

    /// <summary>
    /// Counts the declarations of a name in a member (parameters, locals, pattern and out variables, catch and foreach
    /// variables, local functions, type parameters, range variables) whose scope may hold <paramref name="use"/>, returning the
    /// first. A declaration whose scope surely does not hold the use (a local of another block, the variable of another
    /// <c>catch</c>) is not counted; one whose scope is not worked out here is.
    /// </summary>
    private static int FindDeclarations(MemberDeclarationSyntax member, string name, SyntaxNode use, out SyntaxNode? first)
    {
        first = null;
        var count = 0;
        foreach (var node in member.DescendantNodes(static n => n is not TypeDeclarationSyntax))
        {
            SyntaxNode? scope;
            SyntaxToken declared;
            switch (node)
            {
                case ParameterSyntax parameter:
                    declared = parameter.Identifier;
                    scope = parameter.Parent?.Parent;
                    break;
                case VariableDeclaratorSyntax variable:
                    declared = variable.Identifier;
                    // A local of a switch section is in scope in the whole switch block.
                    scope = variable.Parent?.Parent is LocalDeclarationStatementSyntax statement
                        ? statement.Parent is SwitchSectionSyntax section ? section.Parent : statement.Parent
                        : variable.Parent?.Parent;
                    break;
                case CatchDeclarationSyntax catchDeclaration:
                    declared = catchDeclaration.Identifier;
                    scope = catchDeclaration.Parent;
                    break;
                case ForEachStatementSyntax forEach:
                    declared = forEach.Identifier;
                    scope = forEach;
                    break;
                case SingleVariableDesignationSyntax designation:
                    declared = designation.Identifier;
                    scope = null;
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    declared = localFunction.Identifier;
                    scope = null;
                    break;
                case TypeParameterSyntax typeParameter:
                    declared = typeParameter.Identifier;
                    scope = null;
                    break;
                case FromClauseSyntax from:
                    declared = from.Identifier;
                    scope = null;
                    break;
                case LetClauseSyntax let:
                    declared = let.Identifier;
                    scope = null;
                    break;
                case JoinClauseSyntax join:
                    declared = join.Identifier;
                    scope = null;
                    break;
                case JoinIntoClauseSyntax into:
                    declared = into.Identifier;
                    scope = null;
                    break;
                case QueryContinuationSyntax continuation:
                    declared = continuation.Identifier;
                    scope = null;
                    break;
                default:
                    continue;
            }

            if (declared.IsKind(SyntaxKind.None) || declared.ValueText != name || (scope is not null && !scope.Span.Contains(use.Span)))
            {
                continue;
            }

            first ??= node;
            count++;
        }

        return count;
    }

    private static bool TryLookupSingle(SemanticModel model, int position, INamespaceOrTypeSymbol? container, string name, out NameMeaning meaning)
    {
        meaning = default;
        if (NonGeneric(model.LookupSymbols(position, container, name)) is not { } found
            || found is not (IParameterSymbol or IFieldSymbol or IPropertySymbol or INamespaceOrTypeSymbol) || found is ITypeParameterSymbol or IErrorTypeSymbol)
        {
            return false;
        }

        meaning = new NameMeaning(found);
        return true;
    }

    /// <summary>
    /// The one symbol a name without type arguments can denote: generic types are left out (<c>Task</c> finds Task and
    /// Task&lt;TResult&gt;; the name alone means Task). Null when none or more than one remain.
    /// </summary>
    private static ISymbol? NonGeneric<T>(ImmutableArray<T> found)
        where T : ISymbol
    {
        ISymbol? single = null;
        foreach (var symbol in found)
        {
            if (symbol is INamedTypeSymbol { Arity: > 0 })
            {
                continue;
            }

            if (single is not null)
            {
                return null;
            }

            single = symbol;
        }

        return single;
    }

    /// <summary>
    /// Every method a call can bind to, by name lookup on the receiver's type (extension methods included) or in scope; the
    /// call binds to one of them when it compiles. Only methods that can take the call's number of arguments are kept.
    /// Default when unknown.
    /// </summary>
    internal static ImmutableArray<IMethodSymbol> LookupCandidateMethods(SyntaxNode call, SemanticModel model) =>
        TryGetScope(call, model, out var scope) ? LookupCandidateMethods(call, model, scope, depth: 0) : default;

    private static ImmutableArray<IMethodSymbol> LookupCandidateMethods(SyntaxNode call, SemanticModel model, in LookupScope scope, int depth)
    {
        ImmutableArray<ISymbol> found;
        BaseArgumentListSyntax? arguments;
        switch (call)
        {
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } invocation:
                if (FindDeclarations(scope.Member, name.Identifier.ValueText, name, out _) != 0)
                {
                    return default;
                }

                found = model.LookupSymbols(scope.Position, container: null, name.Identifier.ValueText);
                arguments = invocation.ArgumentList;
                break;

            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access } invocation:
                if (depth > 4 || ReceiverContainer(SkipParentheses(access.Expression), model, scope) is not ITypeSymbol receiverType)
                {
                    return default;
                }

                found = model.LookupSymbols(scope.Position, receiverType, name.Identifier.ValueText, includeReducedExtensionMethods: true);
                arguments = invocation.ArgumentList;
                break;

            case ObjectCreationExpressionSyntax creation:
                if (TryLookupType(creation.Type, model, scope) is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } created)
                {
                    return default;
                }

                found = ImmutableArray<ISymbol>.CastUp(created.InstanceConstructors);
                arguments = creation.ArgumentList;
                break;

            default:
                return default;
        }

        if (found.IsDefaultOrEmpty || arguments is null)
        {
            return default;
        }

        var count = arguments.Arguments.Count;
        var builder = ImmutableArray.CreateBuilder<IMethodSymbol>(found.Length);
        foreach (var symbol in found)
        {
            // A field or property of delegate type, a type: not a plain method call. Generic methods: inference decides the types.
            if (symbol is not IMethodSymbol method || method.IsGenericMethod)
            {
                return default;
            }

            if (CanTakeArgumentCount(method, count))
            {
                builder.Add(method);
            }
        }

        return builder.Count == 0 ? default : builder.ToImmutable();
    }

    private static bool CanTakeArgumentCount(IMethodSymbol method, int count)
    {
        var parameters = method.Parameters;
        var required = 0;
        foreach (var parameter in parameters)
        {
            if (!parameter.IsOptional && !parameter.IsParams)
            {
                required++;
            }
        }

        return count >= required && (count <= parameters.Length || (parameters.Length > 0 && parameters[parameters.Length - 1].IsParams));
    }

    /// <summary>The type a type syntax names, looked up at the enclosing type's closing brace: keywords, simple and qualified names, <c>T?</c> of those.</summary>
    private static ITypeSymbol? TryLookupType(TypeSyntax type, SemanticModel model, in LookupScope scope)
    {
        switch (type)
        {
            case PredefinedTypeSyntax predefined:
                return PredefinedType(predefined, model.Compilation);
            case NullableTypeSyntax { ElementType: var element } when TryLookupType(element, model, scope) is { IsValueType: true } underlying:
                return model.Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(underlying);
            case IdentifierNameSyntax identifier:
                if (FindDeclarations(scope.Member, identifier.Identifier.ValueText, identifier, out _) != 0)
                {
                    return null;
                }

                return SingleType(model.LookupNamespacesAndTypes(scope.Position, container: null, identifier.Identifier.ValueText));
            case QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified:
                return TryLookupNamespaceOrType(qualified.Left, model, scope) is { } left
                    ? SingleType(model.LookupNamespacesAndTypes(scope.Position, left, right.Identifier.ValueText))
                    : null;
            default:
                return null;
        }
    }

    private static INamespaceOrTypeSymbol? TryLookupNamespaceOrType(NameSyntax name, SemanticModel model, in LookupScope scope)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier:
                return NonGeneric(model.LookupNamespacesAndTypes(scope.Position, container: null, identifier.Identifier.ValueText)) is INamespaceOrTypeSymbol single and not ITypeParameterSymbol
                    ? single
                    : null;
            case QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified when TryLookupNamespaceOrType(qualified.Left, model, scope) is { } left:
                return NonGeneric(model.LookupNamespacesAndTypes(scope.Position, left, right.Identifier.ValueText)) is INamespaceOrTypeSymbol innerSingle and not ITypeParameterSymbol
                    ? innerSingle
                    : null;
            default:
                return null;
        }
    }

    private static ITypeSymbol? SingleType(ImmutableArray<ISymbol> found) =>
        NonGeneric(found) is ITypeSymbol type and not (ITypeParameterSymbol or IErrorTypeSymbol) ? type : null;

    /// <summary>The type a type syntax names: by lookup where it can, else by binding.</summary>
    private static ITypeSymbol? LookupType(TypeSyntax type, SemanticModel model, CancellationToken cancellationToken)
    {
        if (type is PredefinedTypeSyntax predefined && PredefinedType(predefined, model.Compilation) is { } special)
        {
            return special;
        }

        if (TryGetScope(type, model, out var scope) && TryLookupType(type, model, scope) is { } found)
        {
            return found;
        }

        return model.GetTypeInfo(type, cancellationToken).Type;
    }

    /// <summary>False for a name that is only the right part of something (<c>x.Code</c>, <c>?.Code</c>, <c>A.B</c>, <c>Code:</c>).</summary>
    private static bool IsWholeExpression(ExpressionSyntax expression) => expression.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name != expression,
        MemberBindingExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax => false,
        _ => true,
    };

    /// <summary>True when a resolved name holds an SMTP reply code (<see cref="IsSmtpCodeSymbol"/>, for locals too).</summary>
    private bool IsSmtpCodeMeaning(in NameMeaning meaning, SmtpOptions options) =>
        meaning.IsLocal
            ? IsIntegral(meaning.Type) && IsCodeLikeName(meaning.Name) && IsSmtpType(meaning.LocalOwner, options)
            : IsSmtpCodeSymbol(meaning.Symbol, options);

    /// <summary>The symbol of an assignment target by lookup, else by binding; a local found by lookup is judged by <see cref="IsSmtpCodeMeaning"/>.</summary>
    private bool IsSmtpCodeTarget(ExpressionSyntax target, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (TryResolve(target, model, out var meaning))
        {
            return IsSmtpCodeMeaning(meaning, options);
        }

        // Only a name like a code (or a configured member) can hold a code: x.Timeout = 250 needs no binding.
        if (RightmostName(target) is { } name && !CouldBeCodeSymbolName(name, options))
        {
            return false;
        }

        return IsSmtpCodeSymbol(model.GetSymbolInfo(target, cancellationToken).Symbol, options);
    }

    /// <summary>
    /// False when no symbol of this name can hold or return an SMTP reply code: without <c>smtp_analyzers.code_members</c>,
    /// <see cref="IsSmtpCodeSymbol"/> accepts only names like a code.
    /// </summary>
    internal static bool CouldBeCodeSymbolName(string? name, SmtpOptions options) =>
        name is null || !options.CodeMembers.IsEmpty || IsCodeLikeName(name) || IsCodeLikeMethodName(name);

    private static string? DeclaredName(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
        ParameterSyntax parameter => parameter.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        _ => null,
    };

    private static string? RightmostName(ExpressionSyntax expression) => SkipParentheses(expression) switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
        MemberBindingExpressionSyntax { Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether an expression is a compile-time constant, by lookup: a const field or local, an enum member, a keyword cast
    /// of one; null when lookup cannot tell.
    /// </summary>
    private static bool? IsConstantByLookup(ExpressionSyntax expression, SemanticModel model)
    {
        expression = SkipParentheses(expression);
        switch (expression)
        {
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                if (!TryResolve(expression, model, out var meaning))
                {
                    return null;
                }

                return meaning.Symbol switch
                {
                    null => meaning.IsConstLocal,
                    IFieldSymbol field => field.HasConstantValue,
                    IParameterSymbol or IPropertySymbol => false,
                    _ => null,
                };

            case CastExpressionSyntax { Type: PredefinedTypeSyntax } cast:
                return IsConstantByLookup(cast.Expression, model);

            default:
                return null;
        }
    }

    private static ITypeSymbol? PredefinedType(PredefinedTypeSyntax predefined, Compilation compilation)
    {
        var special = predefined.Keyword.Kind() switch
        {
            SyntaxKind.StringKeyword => SpecialType.System_String,
            SyntaxKind.IntKeyword => SpecialType.System_Int32,
            SyntaxKind.LongKeyword => SpecialType.System_Int64,
            SyntaxKind.ShortKeyword => SpecialType.System_Int16,
            SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
            SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
            SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
            SyntaxKind.ByteKeyword => SpecialType.System_Byte,
            SyntaxKind.SByteKeyword => SpecialType.System_SByte,
            SyntaxKind.CharKeyword => SpecialType.System_Char,
            SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
            SyntaxKind.ObjectKeyword => SpecialType.System_Object,
            SyntaxKind.DoubleKeyword => SpecialType.System_Double,
            SyntaxKind.FloatKeyword => SpecialType.System_Single,
            SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
            _ => SpecialType.None,
        };
        return special == SpecialType.None ? null : compilation.GetSpecialType(special);
    }
}
