using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// Which declarations are generated code, decided as the Roslyn driver decides for syntax-node actions: the declared symbol
/// carries <c>System.CodeDom.Compiler.GeneratedCodeAttribute</c> (a symbol declared in more than one place, such as a partial
/// class, does not count), or the assembly or module does. <see cref="SmtpRuleAnalyzer"/>'s walk does not descend into them.
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

    /// <summary>True for a type or member declaration that is generated code.</summary>
    public bool IsGenerated(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (attribute is null || node is not MemberDeclarationSyntax member || (member.AttributeLists.Count == 0 && !member.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return false;
        }

        var symbol = member is BaseFieldDeclarationSyntax { Declaration.Variables: { Count: > 0 } variables }
            ? model.GetDeclaredSymbol(variables[0], cancellationToken)
            : model.GetDeclaredSymbol(member, cancellationToken);
        return symbol is not null && symbol.DeclaringSyntaxReferences.Length <= 1 && HasAttribute(symbol);
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
