using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Rules;
using SmtpAnalyzers.Tests.Docs;
using SmtpAnalyzers.Tests.Robustness;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>
/// The shipped <see cref="SmtpAnalyzer"/> runs every rule in one analyzer (<see cref="SmtpRuleAnalyzer"/>): it must report exactly
/// what the per-rule analyzers report one by one, at the same places with the same messages and properties; and a rule turned
/// off for the whole compilation does no work.
/// </summary>
public class SmtpAnalyzerTests
{
    /// <summary>One file that triggers every rule, each through the syntax kinds the rules share (literals, strings, member access).</summary>
    private const string EveryRule = @"
using System;
using System.IO;
using System.Net.Mail;
using System.Text;
using System.Threading.Tasks;

class SmtpSession
{
    private readonly StreamWriter writer;
    private readonly StreamReader reader;
    private readonly StringBuilder reply = new StringBuilder();

    public SmtpSession(StreamWriter writer, StreamReader reader) { this.writer = writer; this.reader = reader; }

    void Reply(int code, string text) => writer.Write(code.ToString() + "" "" + text + ""\r\n"");
    void Ok() => Reply(250, ""OK"");
    void Greet(string host) => writer.Write($""220 {host} ready\r\n"");
    void Busy() => writer.Write(""452 5.5.3 Too many recipients\r\n"");
    void Unregistered() => writer.Write(""550 5.1.20 Mailbox unavailable\r\n"");
    void Help() => writer.Write(""214 Commands: HELO EHLO MAIL RCPT DATA QUIT\n"");
    void Hello(string domain) => writer.Write($""250 {domain}{Environment.NewLine}"");
    void Line(string text) => writer.Write(""250 "" + text + '\n');
    void Ehlo() { reply.AppendLine(""250-SIZE""); writer.Write(reply.ToString()); }
    void ReplyTemporaryFailure() => writer.Write(""554 Local error in processing, try again later\r\n"");
    void Close() => Reply(221, ""Timeout, closing connection"");
    bool IsHardBounce(int replyCode) => replyCode >= 400;
    bool ShouldRetry(SmtpStatusCode code) => code == SmtpStatusCode.MailboxUnavailable;
    async Task ReadDataAsync() { string line; while ((line = await reader.ReadLineAsync()) != ""."") { } }
    int Find(ReadOnlySpan<byte> data) => data.IndexOf(""\n.\n""u8);
    int Find(string data) => data.IndexOf(""\n.\n"");
}
";

    public static TheoryData<string> SourceSets() => new() { "every rule", "sample", "robustness corpus" };

    private static IReadOnlyList<(string Path, string Text)> Sources(string set) => set switch
    {
        "every rule" => new[] { ("/src/EveryRule.cs", EveryRule) },
        "sample" => SampleSources(),

        // The very deep expressions are left out: how far Roslyn binds them depends on the stack left on the thread.
        "robustness corpus" => RobustnessCorpus.Sources().Where(s => !s.Path.StartsWith("/src/Deep", StringComparison.Ordinal)).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    private static IReadOnlyList<(string Path, string Text)> SampleSources() =>
        Directory.EnumerateFiles(Repository.PathOf("samples/SmtpSample"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/samples/SmtpSample/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

    [Theory]
    [MemberData(nameof(SourceSets))]
    public async Task The_shipped_analyzer_reports_exactly_the_union_of_the_per_rule_analyzers(string set)
    {
        var compilation = AnalyzerHarness.CreateCompilation(Sources(set));

        var shipped = await AnalyzerHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpAnalyzer()));
        var union = new List<Diagnostic>();
        foreach (var analyzer in AnalyzerHarness.CreateRuleAnalyzers())
        {
            // Each rule alone, on its own fresh compilation: nothing is shared with the other rules' runs.
            var alone = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(Sources(set)), ImmutableArray.Create(analyzer));
            Assert.Empty(alone.Exceptions);
            Assert.All(alone.Diagnostics, d => Assert.Contains(d.Descriptor, analyzer.SupportedDiagnostics));
            union.AddRange(alone.Diagnostics);
        }

        Assert.Empty(shipped.Exceptions);
        var expected = AnalyzerHarness.Describe(union);
        var actual = AnalyzerHarness.Describe(shipped.Diagnostics);
        Assert.NotEmpty(expected);
        Assert.True(
            expected.SequenceEqual(actual),
            "only from the per-rule analyzers:\n" + string.Join("\n", expected.Except(actual)) + "\nonly from SmtpAnalyzer:\n" + string.Join("\n", actual.Except(expected)));
    }

    [Fact]
    public async Task The_file_with_every_rule_has_a_finding_of_every_rule()
    {
        var run = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(Sources("every rule")));

        Assert.Empty(run.Exceptions);
        Assert.Equal(RuleCatalog.Rules.Select(r => r.Id), run.Diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_sample_gives_the_warnings_the_README_promises()
    {
        var run = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(SampleSources()));

        var warnings = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + g.Count());
        Assert.Equal(new[] { "SMTP001=42", "SMTP002=13", "SMTP003=4", "SMTP004=1", "SMTP005=1", "SMTP007=1" }, warnings);
    }

    [Fact]
    public async Task A_span_asked_for_alone_gets_exactly_the_diagnostics_of_the_whole_file_in_that_span()
    {
        // The IDE asks for a span at a time (a light bulb, the visible region): the walk covers only that span.
        var compilation = AnalyzerHarness.CreateCompilation(Sources("every rule"));
        var tree = compilation.SyntaxTrees.First();
        var whole = (await AnalyzerHarness.AnalyzeAsync(compilation)).Diagnostics;
        var text = tree.GetText().ToString();
        var start = text.IndexOf("void Busy()", StringComparison.Ordinal);
        var end = text.IndexOf("void Close()", StringComparison.Ordinal);
        var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end);

        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpAnalyzer()));
        var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), span, CancellationToken.None);
        var inSpan = result.GetAllDiagnostics();

        var expected = AnalyzerHarness.Describe(whole.Where(d => d.Location.SourceTree == tree && span.Contains(d.Location.SourceSpan)));
        Assert.Equal(new[] { "SMTP002", "SMTP003", "SMTP004", "SMTP005", "SMTP006" }, expected.Select(d => d.Split(' ')[1]).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        var actual = AnalyzerHarness.Describe(inSpan);
        Assert.True(
            expected.SequenceEqual(actual),
            "only in the whole-file run:\n" + string.Join("\n", expected.Except(actual)) + "\nonly in the span's run:\n" + string.Join("\n", actual.Except(expected)));
    }

    [Fact]
    public void A_rule_whose_every_ID_is_off_for_the_compilation_is_not_run()
    {
        var compilation = AnalyzerHarness.CreateCompilation(Sources("every rule"));
        Assert.Equal(SmtpRules.All, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, compilation, CancellationToken.None));

        // /nowarn or a rule set: SpecificDiagnosticOptions.
        var off001 = WithSpecific(compilation, ("SMTP001", ReportDiagnostic.Suppress));
        Assert.Equal(SmtpRules.All & ~SmtpRules.SMTP001, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, off001, CancellationToken.None));

        // SMTP004 and SMTP006 are one rule: it runs while either is on.
        var off004 = WithSpecific(compilation, ("SMTP004", ReportDiagnostic.Suppress));
        Assert.Equal(SmtpRules.All, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, off004, CancellationToken.None));
        var off004And006 = WithSpecific(compilation, ("SMTP004", ReportDiagnostic.Suppress), ("SMTP006", ReportDiagnostic.Suppress));
        Assert.Equal(SmtpRules.All & ~SmtpRules.SMTP004, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, off004And006, CancellationToken.None));

        // Another severity, or a rule the analyzer does not run, changes nothing.
        var error001 = WithSpecific(compilation, ("SMTP001", ReportDiagnostic.Error));
        Assert.Equal(SmtpRules.All, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, error001, CancellationToken.None));
        Assert.Equal(SmtpRules.SMTP002, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.SMTP002, off001, CancellationToken.None));

        // A global config: off unless a file's own section turns it back on.
        var tree = compilation.SyntaxTrees.First();
        var global = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new Provider(("SMTP002", ReportDiagnostic.Suppress))));
        Assert.Equal(SmtpRules.All & ~SmtpRules.SMTP002, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, global, CancellationToken.None));
        var onInOneFile = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new Provider(("SMTP002", ReportDiagnostic.Suppress)) { InTree = (tree, "SMTP002", ReportDiagnostic.Warn) }));
        Assert.Equal(SmtpRules.All, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, onInOneFile, CancellationToken.None));

        // A command-line entry beats the config files.
        var warnOnCommandLine = WithSpecific(global, ("SMTP002", ReportDiagnostic.Warn));
        Assert.Equal(SmtpRules.All, SmtpRuleAnalyzer.WithoutSuppressed(SmtpRules.All, warnOnCommandLine, CancellationToken.None));
    }

    [Fact]
    public async Task With_a_rule_off_the_others_report_exactly_as_before()
    {
        var sources = Sources("every rule").Concat(SampleSources()).ToList();
        var all = AnalyzerHarness.Describe((await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(sources))).Diagnostics);

        foreach (var id in new[] { "SMTP001", "SMTP003" })
        {
            var run = await AnalyzerHarness.AnalyzeAsync(WithSpecific(AnalyzerHarness.CreateCompilation(sources), (id, ReportDiagnostic.Suppress)));

            Assert.Empty(run.Exceptions);
            Assert.Equal(all.Where(d => !d.Contains(" " + id + " ", StringComparison.Ordinal)), AnalyzerHarness.Describe(run.Diagnostics));
        }
    }

    private static Compilation WithSpecific(Compilation compilation, params (string Id, ReportDiagnostic Report)[] entries) =>
        compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItems(entries.Select(e => new KeyValuePair<string, ReportDiagnostic>(e.Id, e.Report)))));

    /// <summary>What a global config (and optionally one file's .editorconfig section) gives the compiler.</summary>
    private sealed class Provider : SyntaxTreeOptionsProvider
    {
        private readonly (string Id, ReportDiagnostic Report) global;

        public Provider((string Id, ReportDiagnostic Report) global) => this.global = global;

        public (SyntaxTree Tree, string Id, ReportDiagnostic Report)? InTree { get; init; }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (InTree is { } entry && entry.Tree == tree && entry.Id == diagnosticId)
            {
                severity = entry.Report;
                return true;
            }

            severity = default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = global.Report;
            return diagnosticId == global.Id;
        }
    }
}
