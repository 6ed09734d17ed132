using System;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.Smtp;

/// <summary>
/// Which type or namespace a symbol is, read name by name from the symbol: no display string is built, nothing is allocated.
/// Every rule asks here (<c>ToDisplayString()</c> builds and allocates a string per question, on the hot path).
/// </summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="ns"/> is the namespace spelled <paramref name="dotted"/> (<c>"System.IO"</c>); false for the global namespace.</summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            var name = ns.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return ns.ContainingNamespace is null or { IsGlobalNamespace: true };
            }

            if (dotted[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>True when the outermost namespace of <paramref name="ns"/> starts with <paramref name="prefix"/> (<c>System</c> holds <c>System.IO</c>).</summary>
    public static bool OutermostNamespaceStartsWith(INamespaceSymbol? ns, string prefix)
    {
        INamespaceSymbol? outermost = null;
        for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            outermost = ns;
        }

        return outermost is not null && outermost.Name.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="type"/> is the top-level type <paramref name="name"/> of namespace <paramref name="ns"/>.</summary>
    public static bool IsType(ITypeSymbol? type, string name, string ns) =>
        type is { ContainingType: null } && type.Name == name && IsNamespace(type.ContainingNamespace, ns);

    /// <summary>True when <paramref name="type"/> or one of its base types is the top-level type <paramref name="name"/> of namespace <paramref name="ns"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, string name, string ns)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IsType(t, name, ns))
            {
                return true;
            }
        }

        return false;
    }
}
