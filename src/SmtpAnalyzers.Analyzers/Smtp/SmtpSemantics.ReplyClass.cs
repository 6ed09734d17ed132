using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>What the names around a reply say about its outcome.</summary>
public enum OutcomeWord
{
    None,

    /// <summary>temporary, transient, retry, defer, greylist, try again.</summary>
    Transient,

    /// <summary>permanent, hard bounce, a bare Reject.</summary>
    Permanent,

    /// <summary>Both kinds of word: say nothing.</summary>
    Both,
}

public sealed partial class SmtpSemantics
{
    private static readonly string[] TransientWords = { "temporar", "transient", "retry", "defer", "greylist", "graylist", "tryagain", "tempfail", "temperror", "softfail", "softbounce" };

    /// <summary>Names that speak of retrying to say it is over: MaxRetriesExceeded, RetryLimit, TooManyDeferrals.</summary>
    private static readonly string[] ExhaustedWords = { "exceed", "max", "toomany", "limit", "exhaust", "giveup", "expired" };

    private static readonly string[] PermanentWords = { "permanent", "permfail", "permerror", "hardbounce", "hardfail" };

    /// <summary>Classifies one name (case-insensitive); a bare <c>Reject</c>/<c>Rejected</c> counts as permanent, a longer name with Reject does not.</summary>
    public static OutcomeWord ClassifyOutcomeName(string name)
    {
        var transient = ContainsAny(name, TransientWords) && !ContainsAny(name, ExhaustedWords);
        var permanent = ContainsAny(name, PermanentWords)
            || string.Equals(name, "Reject", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Rejected", StringComparison.OrdinalIgnoreCase);
        return transient ? (permanent ? OutcomeWord.Both : OutcomeWord.Transient) : permanent ? OutcomeWord.Permanent : OutcomeWord.None;
    }

    /// <summary>
    /// For a reply code that is produced (an argument, a return value, an assigned or declared value), the nearest name
    /// that says the outcome: the called method or created type, the declared member, the if-condition, the case label,
    /// the enclosing method. Stops at the first name that says anything.
    /// </summary>
    public static (OutcomeWord Word, string? Name) FindProducedOutcome(SyntaxNode code)
    {
        SyntaxNode child = code;
        for (var current = code.Parent; current is not null; child = current, current = current.Parent)
        {
            string? name = null;
            switch (current)
            {
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                case ConditionalExpressionSyntax conditional when child != conditional.Condition:
                case ArgumentSyntax:
                case ArgumentListSyntax:
                case EqualsValueClauseSyntax:
                case ReturnStatementSyntax:
                case ArrowExpressionClauseSyntax:
                case ExpressionStatementSyntax:
                case BlockSyntax:
                case SwitchExpressionArmSyntax:
                case SwitchExpressionSyntax:
                case ElseClauseSyntax:
                    continue;
                case InvocationExpressionSyntax invocation when child is ArgumentListSyntax:
                    name = GetMethodName(invocation);
                    break;
                case BaseObjectCreationExpressionSyntax creation when child is ArgumentListSyntax:
                    name = creation is ObjectCreationExpressionSyntax { Type: var type } ? type.ToString() : null;
                    break;
                case AssignmentExpressionSyntax assignment when child == assignment.Right:
                    name = assignment.Left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : assignment.Left.ToString();
                    break;
                case VariableDeclaratorSyntax declarator:
                    name = declarator.Identifier.ValueText;
                    break;
                case EnumMemberDeclarationSyntax member:
                    name = member.Identifier.ValueText;
                    break;
                case PropertyDeclarationSyntax property:
                    name = property.Identifier.ValueText;
                    break;
                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                    var fromCondition = OutcomeIn(ifStatement.Condition);
                    if (fromCondition.Word != OutcomeWord.None)
                    {
                        return fromCondition;
                    }

                    continue;
                case SwitchSectionSyntax section:
                    foreach (var label in section.Labels)
                    {
                        var fromLabel = OutcomeIn(label);
                        if (fromLabel.Word != OutcomeWord.None)
                        {
                            return fromLabel;
                        }
                    }

                    continue;
                case MethodDeclarationSyntax method:
                    return Named(method.Identifier.ValueText);
                case LocalFunctionStatementSyntax localFunction:
                    return Named(localFunction.Identifier.ValueText);
                case MemberDeclarationSyntax:
                case AnonymousFunctionExpressionSyntax:
                    return default;
                case StatementSyntax:
                    continue;
                default:
                    return default;
            }

            if (name is not null)
            {
                var named = Named(name);
                if (named.Word != OutcomeWord.None)
                {
                    return named;
                }
            }
        }

        return default;
    }

    private static (OutcomeWord Word, string? Name) Named(string name)
    {
        var word = ClassifyOutcomeName(name);
        return (word, word == OutcomeWord.None ? null : name);
    }

    private static (OutcomeWord Word, string? Name) OutcomeIn(SyntaxNode node)
    {
        var result = (Word: OutcomeWord.None, Name: (string?)null);
        foreach (var token in node.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                continue;
            }

            if (token.Parent?.Parent is PrefixUnaryExpressionSyntax unary && unary.IsKind(SyntaxKind.LogicalNotExpression))
            {
                return default;
            }

            var word = ClassifyOutcomeName(token.ValueText);
            if (word == OutcomeWord.None)
            {
                continue;
            }

            if (result.Word != OutcomeWord.None && result.Word != word)
            {
                return (OutcomeWord.Both, null);
            }

            result = (word, token.ValueText);
        }

        return result;
    }

    /// <summary>
    /// For a value compared in a classifier (<c>bool IsPermanent(int code) =&gt; code == 450 || code &gt;= 500</c>): the
    /// classifier's name when the comparison decides a true result (only through ||, &amp;&amp;, parentheses and
    /// or/and patterns up to the returned expression); otherwise none.
    /// </summary>
    public static (OutcomeWord Word, string? Name) FindClassifierOutcome(SyntaxNode comparison)
    {
        SyntaxNode current = comparison;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.LogicalAndExpression):
                case BinaryPatternSyntax:
                case ParenthesizedPatternSyntax:
                    current = parent;
                    continue;
                case IsPatternExpressionSyntax isPattern when isPattern.Pattern == current:
                    current = parent;
                    continue;
                case ReturnStatementSyntax:
                case ArrowExpressionClauseSyntax:
                    for (var owner = parent.Parent; owner is not null; owner = owner.Parent)
                    {
                        switch (owner)
                        {
                            case MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.BoolKeyword } } method:
                                return Named(method.Identifier.ValueText);
                            case LocalFunctionStatementSyntax { ReturnType: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.BoolKeyword } } local:
                                return Named(local.Identifier.ValueText);
                            case PropertyDeclarationSyntax { Type: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.BoolKeyword } } property:
                                return Named(property.Identifier.ValueText);
                            case AnonymousFunctionExpressionSyntax:
                            case MemberDeclarationSyntax:
                                return default;
                        }
                    }

                    return default;
                default:
                    return default;
            }
        }
    }

    private static bool ContainsAny(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
