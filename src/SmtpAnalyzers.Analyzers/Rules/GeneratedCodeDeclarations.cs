using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// Which code is generated, decided as the Roslyn driver decides before it drops an analyzer's diagnostic: a declaration whose
/// symbol carries <c>System.CodeDom.Compiler.GeneratedCodeAttribute</c> (a symbol declared in more than one place, such as a
/// partial class, does not count), every declaration when the assembly or module carries it, and a <c>#line hidden</c>
/// region. <see cref="SmtpRuleAnalyzer"/> hands the rules no node inside a generated declaration and reports nothing in a
/// hidden region, so the driver need not check each diagnostic (it would walk every token of the file to do so).
/// </summary>
/// <remarks>
/// The attribute is read from the symbol, so an attribute list that targets something else (<c>[return: ...]</c>,
/// <c>[param: ...]</c>, <c>[field: ...]</c> on an event, a target the compiler ignores), an attribute of another type with the
/// same name, and an alias to the real one are all judged as the compiler applies them. Only a declaration with attribute
/// lists, or a partial one (a partial method's attributes are merged from both parts), is asked for its symbol.
/// </remarks>
internal sealed class GeneratedCodeDeclarations
{
    private readonly INamedTypeSymbol? attribute;

    public GeneratedCodeDeclarations(Compilation compilation)
    {
        attribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        IsWholeCompilation = attribute is not null && (HasAttribute(compilation.Assembly) || HasAttribute(compilation.SourceModule));
    }

    /// <summary><c>[assembly: GeneratedCode(...)]</c> or <c>[module: GeneratedCode(...)]</c>: every declaration is generated.</summary>
    public bool IsWholeCompilation { get; }

    /// <summary>True for a type, member or accessor declaration that is generated code.</summary>
    private bool IsGenerated(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (attribute is null || !MayBeGenerated(node))
        {
            return false;
        }

        var symbol = node switch
        {
            BaseFieldDeclarationSyntax { Declaration.Variables: { Count: > 0 } variables } => model.GetDeclaredSymbol(variables[0], cancellationToken),
            _ => model.GetDeclaredSymbol(node, cancellationToken),
        };

        if (symbol is null || symbol.DeclaringSyntaxReferences.Length > 1 || !HasAttribute(symbol))
        {
            return false;
        }

        // The driver skips a member or type declaration whatever the file spells; inside an accessor it only drops the
        // diagnostics, and only in a file that holds a token spelled GeneratedCode or GeneratedCodeAttribute (an accessor
        // marked through an alias declared in another file is reported).
        return node is not AccessorDeclarationSyntax || HasGeneratedCodeToken(node.SyntaxTree, cancellationToken);
    }

    /// <summary>As the driver tests a file before it looks for generated declarations in it: a token with that name.</summary>
    private static bool HasGeneratedCodeToken(SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.ValueText is "GeneratedCode" or "GeneratedCodeAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a declaration around <paramref name="node"/> is generated code: what the driver asks of each diagnostic's
    /// location. <paramref name="asked"/> keeps the answers for declarations whose symbol had to be read, per file.
    /// </summary>
    public bool IsInside(SyntaxNode node, SemanticModel model, ref Dictionary<SyntaxNode, bool>? asked, CancellationToken cancellationToken)
    {
        if (attribute is null)
        {
            return false;
        }

        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (!MayBeGenerated(ancestor))
            {
                continue;
            }

            asked ??= new Dictionary<SyntaxNode, bool>();
            if (!asked.TryGetValue(ancestor, out var generated))
            {
                generated = IsGenerated(ancestor, model, cancellationToken);
                asked.Add(ancestor, generated);
            }

            if (generated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Syntax only: a declaration whose symbol may carry the attribute (it has attribute lists, or is partial).</summary>
    private static bool MayBeGenerated(SyntaxNode node) => node switch
    {
        AccessorDeclarationSyntax accessor => accessor.AttributeLists.Count > 0,
        MemberDeclarationSyntax member => member.AttributeLists.Count > 0 || member.Modifiers.Any(SyntaxKind.PartialKeyword),
        _ => false,
    };

    /// <summary>
    /// <paramref name="report"/>, less the diagnostics that start in a <c>#line hidden</c> region of <paramref name="tree"/>:
    /// the driver counts those as generated code. A file without such a region gets <paramref name="report"/> itself.
    /// </summary>
    /// <remarks>
    /// As Roslyn's own test of a hidden position: in a file that has a hidden region, the lines before its first
    /// <c>#line</c> directive count as hidden too.
    /// </remarks>
    public static Action<Diagnostic> OutsideHiddenRegions(SyntaxTree tree, Action<Diagnostic> report)
    {
        if (!tree.HasHiddenRegions())
        {
            return report;
        }

        return diagnostic =>
        {
            var visibility = tree.GetLineVisibility(diagnostic.Location.SourceSpan.Start);
            if (visibility is not (LineVisibility.Hidden or LineVisibility.BeforeFirstLineDirective))
            {
                report(diagnostic);
            }
        };
    }

    private bool HasAttribute(ISymbol symbol)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
