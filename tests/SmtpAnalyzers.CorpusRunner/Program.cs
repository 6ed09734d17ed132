using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>
/// Runs every SmtpAnalyzers rule and fix over a folder of C# files: prints each diagnostic, counts per rule, analyzer
/// exceptions, then applies every fix through Fix All (solution scope), recompiles and reports what the fixes did.
/// Exit code 0 when all targets hold, 1 when one fails (exception, fix that breaks the build, fix not idempotent), 2 on bad usage.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = RunnerOptions.Parse(args, out var error);
        if (options is null)
        {
            if (!string.IsNullOrEmpty(error))
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine(RunnerOptions.Usage);
            return 2;
        }

        var cancellationToken = CancellationToken.None;
        var total = Stopwatch.StartNew();
        var components = Components.Load();
        var report = new Report
        {
            Folder = options.Folder,
            RoslynVersion = typeof(Compilation).Assembly.GetName().Version?.ToString() ?? "?",
            Rules = components.RuleIds.ToList(),
        };

        var watch = Stopwatch.StartNew();
        var corpus = Corpus.Load(options.Folder, options.References, components, cancellationToken);
        report.Files = corpus.Files.Length;
        report.Lines = corpus.Lines;
        report.Timings.LoadSeconds = Seconds(watch);
        Console.WriteLine($"Corpus: {options.Folder}: {corpus.Files.Length} files, {corpus.Lines} lines; rules: {string.Join(", ", components.RuleIds)}; "
            + $"{components.Analyzers.Length} analyzers, {components.Fixers.Length} fixers, {components.Generators.Length} generators; Roslyn {report.RoslynVersion}");

        watch.Restart();
        var engine = new Engine(corpus, components);
        var solution = corpus.Workspace.CurrentSolution;
        var project = solution.GetProject(corpus.ProjectId)!;
        var analysis = await engine.AnalyzeAsync(project, cancellationToken);
        report.Timings.AnalyzeSeconds = Seconds(watch);
        report.AnalyzerExceptions = analysis.Exceptions;
        report.AD0001Count = analysis.AD0001Count;
        report.Timings.AnalyzerSeconds = analysis.AnalyzerSeconds;
        foreach (var id in components.RuleIds)
        {
            report.DiagnosticsPerRule[id] = 0;
        }

        foreach (var diagnostic in analysis.Diagnostics)
        {
            report.Diagnostics.Add(ToEntry(diagnostic, options.Folder));
            report.DiagnosticsPerRule[diagnostic.Id]++;
        }

        if (!options.NoFix)
        {
            watch.Restart();
            report.Fixes = await FixAsync(engine, project, analysis, report, options, cancellationToken);
            report.Timings.FixSeconds = Seconds(watch);
        }

        report.Timings.TotalSeconds = Seconds(total);
        report.Failed = report.AnalyzerExceptions.Count > 0 || report.AD0001Count > 0
            || (report.Fixes is { } f && (f.FixerExceptions.Count > 0 || f.NewCompilerErrors > 0 || f.NonIdempotent.Count > 0));

        Print(report, options);
        if (options.JsonPath is not null)
        {
            File.WriteAllText(options.JsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"JSON written to {options.JsonPath}");
        }

        if (options.SarifPath is not null)
        {
            File.WriteAllText(options.SarifPath, Sarif.Write(report, components));
            Console.WriteLine($"SARIF written to {options.SarifPath}");
        }

        return report.Failed ? 1 : 0;
    }

    private static async Task<FixReport> FixAsync(Engine engine, Project project, Engine.AnalysisResult analysis, Report report, RunnerOptions options, CancellationToken cancellationToken)
    {
        var folder = options.Folder;
        var fixes = new FixReport();
        var original = project.Solution;

        // Pass 1: every fixer's Fix All, solution scope.
        var first = await engine.FixPassAsync(original, analysis, cancellationToken);
        fixes.Fixers = first.Fixers;
        fixes.FixerExceptions.AddRange(first.Exceptions);
        foreach (var entry in report.Diagnostics)
        {
            entry.FixOffered = false;
            entry.FixApplied = false;
        }

        for (var i = 0; i < analysis.Diagnostics.Length; i++)
        {
            var diagnostic = analysis.Diagnostics[i];
            if (first.Outcomes.TryGetValue((diagnostic.Location.SourceTree!.FilePath, diagnostic.Location.SourceSpan.Start, diagnostic.Id), out var outcome))
            {
                report.Diagnostics[i].FixOffered = outcome.Offered;
                report.Diagnostics[i].FixApplied = outcome.Applied;
            }
        }

        fixes.FixesOffered = report.Diagnostics.Count(d => d.FixOffered == true);
        fixes.FixesApplied = report.Diagnostics.Count(d => d.FixApplied == true);

        var fixedProject = first.Solution.GetProject(project.Id)!;
        var changed = await engine.ChangesAsync(original, first.Solution, cancellationToken);
        fixes.FilesChanged = changed.Select(c => c.File).Distinct(StringComparer.Ordinal).Count();
        if (changed.Count == 0)
        {
            // Nothing changed: nothing to recompile, and a second pass would see exactly what the first saw.
            return fixes;
        }

        if (options.FixedOutput is { } output)
        {
            foreach (var file in changed.Select(c => c.File).Distinct(StringComparer.Ordinal))
            {
                var document = first.Solution.GetDocument(first.Solution.GetDocumentIdsWithFilePath(file)[0])!;
                var target = Path.Combine(output, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var text = await document.GetTextAsync(cancellationToken);
                File.WriteAllText(target, text.ToString(), text.Encoding ?? new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }

        var before = await Engine.CompilerDiagnosticsAsync(project, cancellationToken);

        // New compiler errors and warnings: compared by id and message, ignoring those present before.
        var after = await Engine.CompilerDiagnosticsAsync(fixedProject, cancellationToken);
        fixes.CompilerDiagnosticsBefore = before.Length;
        fixes.CompilerDiagnosticsAfter = after.Length;
        var remaining = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        foreach (var diagnostic in after.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var key = Key(diagnostic);
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
                continue;
            }

            fixes.NewCompilerDiagnostics.Add(ToEntry(diagnostic, folder));
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                fixes.NewCompilerErrors++;
            }
            else
            {
                fixes.NewCompilerWarnings++;
            }
        }

        // Idempotence: where did pass 1 write (in the fixed text), does any rule still report there, and does pass 2 change anything?
        var written = new Dictionary<string, List<TextSpan>>(StringComparer.Ordinal);
        foreach (var group in changed.GroupBy(c => c.File, StringComparer.Ordinal))
        {
            var delta = 0;
            var spans = new List<TextSpan>();
            foreach (var (_, _, change) in group.OrderBy(c => c.Change.Span.Start))
            {
                spans.Add(new TextSpan(change.Span.Start + delta, change.NewText?.Length ?? 0));
                delta += (change.NewText?.Length ?? 0) - change.Span.Length;
            }

            written[group.Key] = spans;
        }

        var seen = new HashSet<(string, int)>();
        var reanalysis = await engine.AnalyzeAsync(fixedProject, cancellationToken);
        foreach (var diagnostic in reanalysis.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (written.TryGetValue(diagnostic.Location.SourceTree!.FilePath, out var spans) && spans.Any(s => s.OverlapsWith(span) || s.Contains(span.Start))
                && seen.Add((diagnostic.Location.SourceTree.FilePath, span.Start)))
            {
                var entry = ToEntry(diagnostic, folder);
                entry.Message = "still reported on fixed text: " + entry.Message;
                fixes.NonIdempotent.Add(entry);
            }
        }

        var second = await engine.FixPassAsync(first.Solution, reanalysis, cancellationToken);
        fixes.FixerExceptions.AddRange(second.Exceptions);
        foreach (var (file, oldText, change) in second.Changes)
        {
            var line = oldText.Lines.GetLineFromPosition(change.Span.Start);
            if (seen.Add((file, change.Span.Start)))
            {
                fixes.NonIdempotent.Add(new DiagnosticEntry
                {
                    Id = "second-fix-all",
                    Severity = "Error",
                    Message = $"a second Fix All changed '{oldText.ToString(change.Span)}' to '{change.NewText}'",
                    File = Path.GetRelativePath(folder, file),
                    Line = line.LineNumber + 1,
                    Column = change.Span.Start - line.Start + 1,
                    EndLine = line.LineNumber + 1,
                    EndColumn = change.Span.Start - line.Start + 1,
                    SourceLine = line.ToString().Trim(),
                });
            }
        }

        return fixes;
    }

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage();

    private static DiagnosticEntry ToEntry(Diagnostic diagnostic, string folder)
    {
        var span = diagnostic.Location.GetLineSpan();
        var sourceLine = string.Empty;
        var file = diagnostic.Location.SourceTree?.FilePath ?? string.Empty;
        if (diagnostic.Location.SourceTree is { } tree && tree.TryGetText(out var text) && span.StartLinePosition.Line < text.Lines.Count)
        {
            sourceLine = text.Lines[span.StartLinePosition.Line].ToString().Trim();
        }

        return new DiagnosticEntry
        {
            Id = diagnostic.Id,
            Severity = diagnostic.Severity.ToString(),
            Message = diagnostic.GetMessage(),
            File = file.Length == 0 ? string.Empty : Path.GetRelativePath(folder, file),
            Line = span.StartLinePosition.Line + 1,
            Column = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            SourceLine = sourceLine,
        };
    }

    private static void Print(Report report, RunnerOptions options)
    {
        var output = Console.Out;
        if (!options.Quiet)
        {
            output.WriteLine();
            foreach (var d in report.Diagnostics)
            {
                var fix = d.FixApplied switch { true => " [fixed]", false when d.FixOffered == true => " [fix offered, not applied]", false => " [no fix]", _ => string.Empty };
                output.WriteLine($"{d.File}:{d.Line}:{d.Column}: {d.Id} {d.Severity.ToLowerInvariant()}: {d.Message}{fix}");
                output.WriteLine("    " + d.SourceLine);
            }
        }

        output.WriteLine();
        output.WriteLine("Diagnostics per rule:");
        foreach (var (id, count) in report.DiagnosticsPerRule)
        {
            output.WriteLine($"  {id}: {count}");
        }

        output.WriteLine($"Analyzer exceptions: {report.AnalyzerExceptions.Count} (AD0001 diagnostics: {report.AD0001Count})");
        foreach (var e in report.AnalyzerExceptions)
        {
            output.WriteLine($"  {e.Source}: {e.Type}: {e.Message} at {e.File}:{e.Line}");
            output.WriteLine("    " + e.StackTrace.Replace("\n", "\n    ", StringComparison.Ordinal));
        }

        if (report.Fixes is { } fixes)
        {
            output.WriteLine("Fixes:");
            foreach (var f in fixes.Fixers)
            {
                output.WriteLine($"  {f.Fixer} ({f.DiagnosticId}, key {f.EquivalenceKey ?? "-"}): {f.Diagnostics} diagnostics, {f.Offered} offered, {f.Applied} applied");
            }

            output.WriteLine($"  fixes offered: {fixes.FixesOffered}, fixes applied: {fixes.FixesApplied}, files changed: {fixes.FilesChanged}");
            output.WriteLine($"  new compiler errors: {fixes.NewCompilerErrors}, new compiler warnings: {fixes.NewCompilerWarnings} "
                + $"(compiler errors and warnings before the fixes: {fixes.CompilerDiagnosticsBefore}, after: {fixes.CompilerDiagnosticsAfter})");
            foreach (var d in fixes.NewCompilerDiagnostics)
            {
                output.WriteLine($"    {d.File}:{d.Line}:{d.Column}: {d.Id} {d.Severity.ToLowerInvariant()}: {d.Message}");
                output.WriteLine("        " + d.SourceLine);
            }

            output.WriteLine($"  non-idempotent fixes: {fixes.NonIdempotent.Count}");
            foreach (var d in fixes.NonIdempotent)
            {
                output.WriteLine($"    {d.File}:{d.Line}:{d.Column}: {d.Id}: {d.Message}");
                output.WriteLine("        " + d.SourceLine);
            }

            output.WriteLine($"  fixer exceptions: {fixes.FixerExceptions.Count}");
            foreach (var e in fixes.FixerExceptions)
            {
                output.WriteLine($"    {e.Source}: {e.Type}: {e.Message} at {e.File}:{e.Line}");
                output.WriteLine("      " + e.StackTrace.Replace("\n", "\n      ", StringComparison.Ordinal));
            }
        }

        var t = report.Timings;
        output.WriteLine($"Time: load {t.LoadSeconds:0.0}s, analyze {t.AnalyzeSeconds:0.0}s, fix {t.FixSeconds:0.0}s, total {t.TotalSeconds:0.0}s");
        foreach (var (analyzer, seconds) in t.AnalyzerSeconds)
        {
            output.WriteLine($"  inside {analyzer}: {seconds:0.000}s");
        }

        output.WriteLine(report.Failed ? "RESULT: FAILED (see above)" : "RESULT: OK");
    }

    private static double Seconds(Stopwatch watch) => Math.Round(watch.Elapsed.TotalSeconds, 2);
}
