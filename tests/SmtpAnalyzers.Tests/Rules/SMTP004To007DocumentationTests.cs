using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Rules;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>Every descriptor of SMTP004-SMTP007: help link, docs page starting with its ID, release-tracking row, severity.</summary>
public class SMTP004To007DocumentationTests
{
    public static TheoryData<string, DiagnosticSeverity> Rules => new()
    {
        { "SMTP004", DiagnosticSeverity.Warning },
        { "SMTP005", DiagnosticSeverity.Warning },
        { "SMTP006", DiagnosticSeverity.Info },
        { "SMTP007", DiagnosticSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_has_help_link_docs_page_and_release_row(string id, DiagnosticSeverity severity)
    {
        DiagnosticAnalyzer[] analyzers = { new SMTP004EnhancedStatusCodeAnalyzer(), new SMTP005LineEndingAnalyzer(), new SMTP007DataTerminatorAnalyzer() };
        var descriptor = analyzers.SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);
        Assert.Equal(severity, descriptor.DefaultSeverity);
        Assert.Equal("SMTP", descriptor.Category);
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrEmpty(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrEmpty(descriptor.MessageFormat.ToString(new System.Globalization.CultureInfo("de"))));

        var root = FindRepositoryRoot();
        var page = Path.Combine(root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), page);
        Assert.StartsWith("# " + id + ":", File.ReadAllText(page));
        var release = File.ReadAllText(Path.Combine(root, "src", "SmtpAnalyzers.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | SMTP | " + severity + " |", release);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmtpAnalyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
