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

    [Theory]
    [InlineData("SmtpReplyCode.Ok, \"2.1.0 Sender OK\"", "250, \"2.1.0 Sender OK\"", "SMTP001")]
    [InlineData("SmtpReplyCode.Ok, \"2.1.5 Recipient OK\"", "SmtpReplyCode.Ok, \"5.1.5 Recipient OK\"", "SMTP004")]
    public async Task The_same_code_with_one_mistake_is_reported(string correct, string mistake, string id)
    {
        // The silence above is the rules' judgement, not an accident of the harness: one mistake in the same files is found.
        var sources = Sources().Select(s => (s.Path, s.Text.Replace(correct, mistake))).ToList();
        Assert.Contains(Sources(), s => s.Text.Contains(correct));

        var run = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(sources));

        Assert.Empty(run.Exceptions);
        Assert.Equal(new[] { id }, run.Diagnostics.Select(d => d.Id));
    }
}
