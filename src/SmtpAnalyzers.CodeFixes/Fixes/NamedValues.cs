using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Fixes;

/// <summary>Finds the names a fix may put in place of a reply code: enum members, the user's constants, the bundled constants.</summary>
internal static class NamedValues
{
    private static readonly ConditionalWeakTable<Compilation, Dictionary<int, List<IFieldSymbol>>> UserConstantIndex = new();

    private static readonly string[] NonCodeFieldWords = { "Timeout", "Delay", "Size", "Port", "Length", "Limit", "Max", "Min", "Count", "Interval", "Retry", "Retries", "Buffer", "Millis", "Seconds" };

    /// <summary>The first declared member of an enum with the given value.</summary>
    public static IFieldSymbol? FindEnumMember(INamedTypeSymbol enumType, int value)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant } field
                && Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == value
                && !IsObsolete(field))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The bundled constant for a code, when the compilation has the generated class.</summary>
    public static IFieldSymbol? FindBundledConstant(Compilation compilation, ReplyCode code)
    {
        if (compilation.GetTypeByMetadataName(SmtpSemantics.BundledConstantsMetadataName) is not { } type)
        {
            return null;
        }

        foreach (var member in type.GetMembers(code.Name))
        {
            if (member is IFieldSymbol { IsConst: true } field)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>
    /// A constant the user's own code declares for the value, accessible at the position: an integral const field of an
    /// SMTP type or of a type named for codes (ReplyCodes, StatusCodes, ...), whose name is not a timeout, size or limit.
    /// </summary>
    public static IFieldSymbol? FindUserConstant(SemanticModel model, int position, int value, CancellationToken cancellationToken)
    {
        var index = UserConstantIndex.GetValue(model.Compilation, c => BuildIndex(c, cancellationToken));
        if (!index.TryGetValue(value, out var candidates))
        {
            return null;
        }

        var preferredName = ReplyCodeTable.Find(value)?.Name;
        IFieldSymbol? best = null;
        foreach (var candidate in candidates)
        {
            if (!model.IsAccessible(position, candidate))
            {
                continue;
            }

            if (candidate.Name == preferredName)
            {
                return candidate;
            }

            best ??= candidate;
        }

        return best;
    }

    private static Dictionary<int, List<IFieldSymbol>> BuildIndex(Compilation compilation, CancellationToken cancellationToken)
    {
        var smtp = SmtpSemantics.Create(compilation, options: null);
        var index = new Dictionary<int, List<IFieldSymbol>>();
        foreach (var symbol in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } type
                || SmtpSemantics.IsBundledConstantsType(type)
                || SmtpSemantics.ContainsForeignProtocolWord(type.Name)
                || !(smtp.IsSmtpType(type, SmtpOptions.Empty) || NameSuggestsCodes(type.Name)))
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true, ConstantValue: int value } field
                    && ReplyCodeTable.Find(value) is not null
                    && !ContainsAny(field.Name, NonCodeFieldWords))
                {
                    if (!index.TryGetValue(value, out var list))
                    {
                        index[value] = list = new List<IFieldSymbol>();
                    }

                    list.Add(field);
                }
            }
        }

        foreach (var list in index.Values)
        {
            list.Sort(static (a, b) => string.CompareOrdinal(a.ToDisplayString(), b.ToDisplayString()));
        }

        return index;
    }

    private static readonly string[] CodeTableWords = { "Reply", "Replies", "Status", "Response", "Code" };

    private static bool NameSuggestsCodes(string name) => ContainsAny(name, CodeTableWords);

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsObsolete(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "ObsoleteAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Type.Member</c>, fully qualified and annotated so that the simplifier shortens it and the import adder adds the
    /// <c>using</c> it needs.
    /// </summary>
    public static ExpressionSyntax MemberAccess(INamedTypeSymbol type, string memberName, SemanticModel model, int position)
    {
        // Parsed as an expression, so that the tree is the one the parser gives for the same text.
        var access = SyntaxFactory.ParseExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + memberName)
            .WithAdditionalAnnotations(Simplifier.Annotation);

        // Importing the namespace is safe only when no other type of the same name is in scope here:
        // otherwise the new using would make the user's existing references ambiguous (CS0104).
        return IsNameFreeFor(type, model, position) ? access.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation) : access;
    }

    private static bool IsNameFreeFor(INamedTypeSymbol type, SemanticModel model, int position)
    {
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: type.Name))
        {
            if (!SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, type.OriginalDefinition))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Wraps an expression in parentheses unless it can stand as an operand of <c>==</c> as it is.</summary>
    public static ExpressionSyntax AsOperand(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or ThisExpressionSyntax or ConditionalAccessExpressionSyntax => expression.WithoutTrivia(),
        _ => SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()),
    };

    /// <summary>The SMTP enum a literal is compared with through an integer cast, with the comparison when it is a plain <c>==</c>/<c>!=</c>.</summary>
    public static ComparedEnum? FindComparedEnum(LiteralExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax node = literal;
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        switch (node.Parent)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                var other = binary.Left == node ? binary.Right : binary.Left;
                return IntCastEnum(other, model, cancellationToken) is { } pair ? new ComparedEnum(pair.EnumType, binary, pair.Cast) : null;
            case CaseSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax switchStatement }:
                return FromGoverning(switchStatement.Expression, model, cancellationToken);
            case ConstantPatternSyntax pattern:
                SyntaxNode current = pattern;
                while (current.Parent is BinaryPatternSyntax or ParenthesizedPatternSyntax or UnaryPatternSyntax)
                {
                    current = current.Parent;
                }

                return current.Parent switch
                {
                    IsPatternExpressionSyntax isPattern => FromGoverning(isPattern.Expression, model, cancellationToken),
                    CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax s } => FromGoverning(s.Expression, model, cancellationToken),
                    SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax s } => FromGoverning(s.GoverningExpression, model, cancellationToken),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static ComparedEnum? FromGoverning(ExpressionSyntax governing, SemanticModel model, CancellationToken cancellationToken) =>
        IntCastEnum(governing, model, cancellationToken) is { } pair ? new ComparedEnum(pair.EnumType, null, null) : null;

    private static (INamedTypeSymbol EnumType, CastExpressionSyntax Cast)? IntCastEnum(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (SmtpSemantics.SkipParentheses(expression) is CastExpressionSyntax cast
            && model.GetTypeInfo(cast.Expression, cancellationToken).Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return (enumType, cast);
        }

        return null;
    }

    internal sealed class ComparedEnum
    {
        public ComparedEnum(INamedTypeSymbol enumType, BinaryExpressionSyntax? binary, CastExpressionSyntax? intCast)
        {
            EnumType = enumType;
            Binary = binary;
            IntCast = intCast;
        }

        public INamedTypeSymbol EnumType { get; }

        public BinaryExpressionSyntax? Binary { get; }

        public CastExpressionSyntax? IntCast { get; }
    }
}
