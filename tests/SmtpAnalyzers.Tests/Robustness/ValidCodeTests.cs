using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SmtpAnalyzers.Tests.Robustness;

/// <summary>
/// Realistic, already-correct code (tests/SmtpAnalyzers.Tests/ValidCode, embedded): SMTP done right, HTTP, FTP, NNTP,
/// POP3 and general code. It compiles without errors, and every rule reports nothing on it: any diagnostic is a false positive.
/// </summary>
public class ValidCodeTests
{
    internal static IReadOnlyList<(string Path, string Text)> Sources()
    {
        var assembly = typeof(ValidCodeTests).Assembly;
        var sources = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ValidCode/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            sources.Add(("/" + name, reader.ReadToEnd()));
        }

        return sources;
    }

    [Fact]
    public void The_valid_code_is_there_and_compiles_without_errors()
    {
        var sources = Sources();
        Assert.True(sources.Count >= 5, "the ValidCode files are not embedded");

        var errors = AnalyzerHarness.CreateCompilation(sources).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task No_rule_reports_anything_on_valid_code()
    {
        var run = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(Sources()));

        Assert.Empty(run.Exceptions);
        Assert.Empty(AnalyzerHarness.Describe(run.Diagnostics));
    }
}
