using System.Linq;
using Microsoft.CodeAnalysis;
using SmtpAnalyzers.Smtp;
using SmtpAnalyzers.Tests.Robustness;
using Xunit;

namespace SmtpAnalyzers.Tests.Smtp;

/// <summary>
/// <see cref="SymbolNames"/> answers as comparing <c>ToDisplayString()</c> with the dotted name did, without building the string;
/// a nested type is not the top-level type of the same name.
/// </summary>
public class SymbolNamesTests
{
    private const string Source = @"
namespace System.IO { public class Probe { public class TextWriter { } } }
namespace MySystem.IO { public class Probe { } }
namespace IO { public class Probe { } }
namespace System { public class Probe { } }
namespace Systemic.Tools { public class Probe { } }
public class Probe { }
";

    private static readonly Compilation Compilation = AnalyzerHarness.CreateCompilation(new[] { ("/src/Probe.cs", Source) });

    [Theory]
    [InlineData("System.IO.Probe", "System.IO", true)]
    [InlineData("System.IO.Probe", "IO", false)]
    [InlineData("System.IO.Probe", "System", false)]
    [InlineData("System.IO.Probe", "Some.System.IO", false)]
    [InlineData("System.IO.Probe", "System.IOX", false)]
    [InlineData("MySystem.IO.Probe", "System.IO", false)]
    [InlineData("IO.Probe", "System.IO", false)]
    [InlineData("System.Probe", "System", true)]
    [InlineData("Probe", "System", false)]
    [InlineData("Probe", "", false)]
    public void IsNamespace_matches_the_display_string(string type, string dotted, bool expected)
    {
        var ns = Compilation.GetTypeByMetadataName(type)!.ContainingNamespace;
        Assert.Equal(expected, SymbolNames.IsNamespace(ns, dotted));
        Assert.Equal(expected, ns.ToDisplayString() == dotted);
    }

    [Theory]
    [InlineData("System.IO.Probe", "System", true)]
    [InlineData("Systemic.Tools.Probe", "System", true)]
    [InlineData("MySystem.IO.Probe", "System", false)]
    [InlineData("Probe", "System", false)]
    public void OutermostNamespaceStartsWith_matches_the_display_string(string type, string prefix, bool expected)
    {
        var ns = Compilation.GetTypeByMetadataName(type)!.ContainingNamespace;
        Assert.Equal(expected, SymbolNames.OutermostNamespaceStartsWith(ns, prefix));
        Assert.Equal(expected, !ns.IsGlobalNamespace && ns.ToDisplayString().StartsWith(prefix, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_nested_type_is_not_the_top_level_type_of_its_name()
    {
        var nested = Compilation.GetTypeByMetadataName("System.IO.Probe+TextWriter")!;
        Assert.False(SymbolNames.IsType(nested, "TextWriter", "System.IO"));
        Assert.True(SymbolNames.IsType(Compilation.GetTypeByMetadataName("System.IO.Probe"), "Probe", "System.IO"));
        Assert.False(SymbolNames.IsType(null, "Probe", "System.IO"));
    }

    [Fact]
    public void DerivesFrom_follows_the_base_types()
    {
        var text = Compilation.GetSpecialType(SpecialType.System_String);
        Assert.True(SymbolNames.DerivesFrom(text, "Object", "System"));
        Assert.False(SymbolNames.DerivesFrom(text, "Object", "System.IO"));
    }

    [Fact]
    public void The_probe_code_compiles() =>
        Assert.Empty(Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
}
