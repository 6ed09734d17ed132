using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>How an SMTP reply-code value is used at one place in the code; it decides which fix fits.</summary>
public enum CodeUseKind
{
    /// <summary>No SMTP evidence touches the value.</summary>
    None,

    /// <summary>Cast to an SMTP enum: <c>(SmtpStatusCode)550</c>.</summary>
    CastToSmtpEnum,

    /// <summary>Compared with an SMTP enum cast to an integer: <c>(int)ex.StatusCode == 550</c>.</summary>
    ComparedWithIntCastEnum,

    /// <summary>Any other SMTP use: an argument, an assignment, a comparison, a case label, a return value.</summary>
    SmtpValue,
}

/// <summary>The result of <see cref="SmtpSemantics.ClassifyCodeUse"/>.</summary>
public readonly struct CodeUse
{
    public CodeUse(CodeUseKind kind, INamedTypeSymbol? enumType = null)
    {
        Kind = kind;
        EnumType = enumType;
    }

    public CodeUseKind Kind { get; }

    /// <summary>The SMTP enum involved, for the two enum kinds.</summary>
    public INamedTypeSymbol? EnumType { get; }

    public bool IsSmtp => Kind != CodeUseKind.None;
}

public sealed partial class SmtpSemantics
{
    /// <summary>
    /// Syntax only, cheap: true when the expression is part of a named constant's own declaration
    /// (a const field or local, a static readonly field, an enum member). Such values are the names, not magic numbers.
    /// </summary>
    public static bool IsInNamedConstantDeclaration(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case EnumMemberDeclarationSyntax:
                    return true;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword)
                        || (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword));
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case PropertyDeclarationSyntax property:
                    // static int Ok { get; } = 250; is a named constant in all but keyword.
                    return property.Initializer is not null && property.Modifiers.Any(SyntaxKind.StaticKeyword)
                        && property.AccessorList is { } accessors && accessors.Accessors.Count == 1 && accessors.Accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration);
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Decides whether a value expression (usually an integer literal) is used as an SMTP reply code, and how.
    /// </summary>
    public CodeUse ClassifyCodeUse(ExpressionSyntax value, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (!IsSmtpFile(value.SyntaxTree, cancellationToken))
        {
            return default;
        }

        var node = ClimbValuePosition(value);
        switch (node.Parent)
        {
            case CastExpressionSyntax cast when cast.Expression == node:
                var target = model.GetTypeInfo(cast.Type, cancellationToken).Type;
                return IsSmtpEnum(target, options) ? new CodeUse(CodeUseKind.CastToSmtpEnum, (INamedTypeSymbol)target!) : default;

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                return ClassifyComparand(binary.Left == node ? binary.Right : binary.Left, model, options, cancellationToken);

            case CaseSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax switchStatement }:
                return ClassifyComparand(switchStatement.Expression, model, options, cancellationToken);

            case ConstantPatternSyntax pattern:
                return ClassifyPatternInput(pattern, model, options, cancellationToken);

            case ArgumentSyntax argument:
                return IsSmtpCodeSymbol(FindParameter(argument, model, cancellationToken), options)
                    ? new CodeUse(CodeUseKind.SmtpValue)
                    : ClassifyAssertionArgument(argument, model, options, cancellationToken);

            case AttributeArgumentSyntax attributeArgument:
                return IsSmtpCodeSymbol(FindAttributeParameter(attributeArgument, model, cancellationToken), options) ? new CodeUse(CodeUseKind.SmtpValue) : default;

            case EqualsValueClauseSyntax { Parent: { } declaration }:
                var declared = declaration switch
                {
                    VariableDeclaratorSyntax or ParameterSyntax or PropertyDeclarationSyntax => model.GetDeclaredSymbol(declaration, cancellationToken),
                    _ => null,
                };
                return IsSmtpCodeSymbol(declared, options) ? new CodeUse(CodeUseKind.SmtpValue) : default;

            case AssignmentExpressionSyntax assignment when assignment.Right == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return IsSmtpCodeSymbol(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, options) ? new CodeUse(CodeUseKind.SmtpValue) : default;

            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
                return IsSmtpCodeSymbol(GetReturningMember(node, model, cancellationToken), options) ? new CodeUse(CodeUseKind.SmtpValue) : default;

            default:
                return default;
        }
    }

    /// <summary>Walks up through parentheses, conditional branches, switch-expression arms and <c>??</c>: the places a value passes through unchanged.</summary>
    private static ExpressionSyntax ClimbValuePosition(ExpressionSyntax node)
    {
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    node = parenthesized;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.WhenTrue == node || conditional.WhenFalse == node:
                    node = conditional;
                    continue;
                case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent is SwitchExpressionSyntax switchExpression:
                    node = switchExpression;
                    continue;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == node:
                    node = coalesce;
                    continue;
                case CheckedExpressionSyntax checkedExpression:
                    node = checkedExpression;
                    continue;
                default:
                    return node;
            }
        }
    }

    private CodeUse ClassifyComparand(ExpressionSyntax other, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        if (IsConstantComparand(other, model, cancellationToken))
        {
            return default;
        }

        var enumType = GetIntCastEnum(other, model, options, cancellationToken);
        if (enumType is not null)
        {
            return new CodeUse(CodeUseKind.ComparedWithIntCastEnum, enumType);
        }

        return IsSmtpValued(other, model, options, cancellationToken) ? new CodeUse(CodeUseKind.SmtpValue) : default;
    }

    private CodeUse ClassifyPatternInput(PatternSyntax pattern, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        SyntaxNode current = pattern;
        while (current.Parent is BinaryPatternSyntax or ParenthesizedPatternSyntax or UnaryPatternSyntax)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IsPatternExpressionSyntax isPattern:
                return ClassifyComparand(isPattern.Expression, model, options, cancellationToken);
            case CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax switchStatement }:
                return ClassifyComparand(switchStatement.Expression, model, options, cancellationToken);
            case SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax switchExpression }:
                return ClassifyComparand(switchExpression.GoverningExpression, model, options, cancellationToken);
            case SubpatternSyntax subpattern:
                var member = subpattern.NameColon is { } nameColon
                    ? model.GetSymbolInfo(nameColon.Name, cancellationToken).Symbol
                    : subpattern.ExpressionColon is { } expressionColon ? model.GetSymbolInfo(expressionColon.Expression, cancellationToken).Symbol : null;
                return IsSmtpCodeSymbol(member, options) ? new CodeUse(CodeUseKind.SmtpValue) : default;
            default:
                return default;
        }
    }

    /// <summary>The parameter an argument binds to, by name or position (params included).</summary>
    public static IParameterSymbol? FindParameter(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.Parent is not BaseArgumentListSyntax { Parent: { } call } list)
        {
            return null;
        }

        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        return MatchParameter(method, argument.NameColon?.Name.Identifier.ValueText, list.Arguments.IndexOf(argument));
    }

    private static IParameterSymbol? FindAttributeParameter(AttributeArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.NameEquals is not null || argument.Parent is not AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list)
        {
            return null;
        }

        if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor)
        {
            return null;
        }

        return MatchParameter(constructor, argument.NameColon?.Name.Identifier.ValueText, list.Arguments.IndexOf(argument));
    }

    private static IParameterSymbol? MatchParameter(IMethodSymbol method, string? name, int position)
    {
        var parameters = method.Parameters;
        if (name is not null)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        if (position < parameters.Length)
        {
            return parameters[position];
        }

        return parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? parameters[parameters.Length - 1] : null;
    }

    /// <summary>The method or property whose value a <c>return</c> or <c>=&gt;</c> gives; null inside lambdas.</summary>
    private static ISymbol? GetReturningMember(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case AccessorDeclarationSyntax accessor:
                    return accessor.Parent?.Parent is BasePropertyDeclarationSyntax property ? model.GetDeclaredSymbol(property, cancellationToken) : null;
                case LocalFunctionStatementSyntax:
                case BaseMethodDeclarationSyntax:
                case PropertyDeclarationSyntax:
                    return model.GetDeclaredSymbol(current, cancellationToken);
                case TypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
