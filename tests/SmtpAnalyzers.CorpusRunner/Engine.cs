using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>Runs the analyzers over the corpus, then every fixer's Fix All (solution scope) twice, and measures what happened.</summary>
internal sealed class Engine
{
    private readonly Corpus corpus;
    private readonly Components components;

    public Engine(Corpus corpus, Components components)
    {
        this.corpus = corpus;
        this.components = components;
    }

    public sealed class AnalysisResult
    {
        public ImmutableArray<Diagnostic> Diagnostics { get; init; }

        public List<ExceptionEntry> Exceptions { get; init; } = new();

        public int AD0001Count { get; init; }

        /// <summary>Time spent inside each analyzer's callbacks (summed over threads), as the compiler measures it.</summary>
        public SortedDictionary<string, double> AnalyzerSeconds { get; init; } = new();
    }

    /// <summary>Every rule over the whole project at once, with concurrent execution, as a build runs them.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("no compilation");
        var exceptions = new ConcurrentQueue<ExceptionEntry>();
        var options = new CompilationWithAnalyzersOptions(
            corpus.AnalyzerOptions,
            (exception, analyzer, diagnostic) => exceptions.Enqueue(ToEntry(analyzer.GetType().Name, exception, diagnostic.Location)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(components.Analyzers, options);
        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var times = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in components.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
            times[analyzer.GetType().Name] = Math.Round(telemetry.ExecutionTime.TotalSeconds, 3);
        }

        var ours = all
            .Where(d => components.RuleIds.Contains(d.Id) && d.Location.IsInSource && !Corpus.IsGenerated(d.Location.SourceTree?.FilePath))
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalysisResult
        {
            Diagnostics = ours,
            Exceptions = exceptions.ToList(),
            AD0001Count = all.Count(d => d.Id == "AD0001"),
            AnalyzerSeconds = times,
        };
    }

    /// <summary>Compiler errors and warnings of the project, for the before/after comparison.</summary>
    public static async Task<ImmutableArray<Diagnostic>> CompilerDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("no compilation");
        return compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .ToImmutableArray();
    }

    public sealed class FixPassResult
    {
        public Solution Solution { get; set; } = null!;

        public List<FixerEntry> Fixers { get; } = new();

        /// <summary>Per diagnostic (by file and start) of the pass's first analysis of its rule: offered, applied.</summary>
        public Dictionary<(string File, int Start, string Id), (bool Offered, bool Applied)> Outcomes { get; } = new();

        /// <summary>Text changes each step made, in the coordinates of the text before that step.</summary>
        public List<(string File, SourceText OldText, TextChange Change)> Changes { get; } = new();

        public List<ExceptionEntry> Exceptions { get; } = new();
    }

    /// <summary>One pass: for each fixer and each id it fixes, analyze the current solution and apply Fix All in solution scope.</summary>
    /// <remarks><paramref name="analysisOfSolution"/>, when given, is the analysis of <paramref name="solution"/> as it is (saves one run).</remarks>
    public async Task<FixPassResult> FixPassAsync(Solution solution, AnalysisResult? analysisOfSolution, CancellationToken cancellationToken)
    {
        var result = new FixPassResult { Solution = solution };
        foreach (var fixer in components.Fixers)
        {
            foreach (var id in fixer.FixableDiagnosticIds.Where(components.RuleIds.Contains).OrderBy(i => i, StringComparer.Ordinal))
            {
                var project = result.Solution.GetProject(corpus.ProjectId)!;
                var analysis = analysisOfSolution is not null && result.Solution == solution
                    ? analysisOfSolution
                    : await AnalyzeAsync(project, cancellationToken).ConfigureAwait(false);
                var diagnostics = analysis.Diagnostics.Where(d => d.Id == id).ToImmutableArray();
                var entry = new FixerEntry { Fixer = fixer.GetType().Name, DiagnosticId = id, Diagnostics = diagnostics.Length };
                result.Fixers.Add(entry);
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                // Which diagnostics get a fix, and the first action's equivalence key (what dotnet format uses).
                var offered = new HashSet<Diagnostic>();
                Document? firstDocument = null;
                foreach (var diagnostic in diagnostics)
                {
                    var document = FindDocument(result.Solution, diagnostic);
                    if (document is null)
                    {
                        continue;
                    }

                    var actions = new List<CodeAction>();
                    try
                    {
                        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        result.Exceptions.Add(ToEntry(fixer.GetType().Name + ".RegisterCodeFixesAsync", e, diagnostic.Location));
                        continue;
                    }

                    if (actions.Count > 0)
                    {
                        offered.Add(diagnostic);
                        if (entry.EquivalenceKey is null)
                        {
                            entry.EquivalenceKey = actions[0].EquivalenceKey;
                            firstDocument = document;
                        }
                    }
                }

                entry.Offered = offered.Count;
                var newSolution = result.Solution;
                if (firstDocument is not null && fixer.GetFixAllProvider() is { } fixAllProvider)
                {
                    try
                    {
                        var fixAllContext = new FixAllContext(
                            firstDocument,
                            fixer,
                            FixAllScope.Solution,
                            entry.EquivalenceKey,
                            new[] { id },
                            new FixedDiagnostics(offered.ToImmutableArray()),
                            cancellationToken);
                        var action = await fixAllProvider.GetFixAsync(fixAllContext).ConfigureAwait(false);
                        if (action is not null)
                        {
                            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
                            {
                                if (operation is ApplyChangesOperation apply)
                                {
                                    newSolution = apply.ChangedSolution;
                                }
                            }
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        result.Exceptions.Add(ToEntry(fixer.GetType().Name + ".FixAll", e, null));
                    }
                }

                var changes = await ChangesAsync(result.Solution, newSolution, cancellationToken).ConfigureAwait(false);
                result.Changes.AddRange(changes);
                foreach (var diagnostic in diagnostics)
                {
                    var file = diagnostic.Location.SourceTree!.FilePath;
                    var span = diagnostic.Location.SourceSpan;
                    var applied = changes.Any(c => c.File == file && (c.Change.Span.OverlapsWith(span) || (c.Change.Span.IsEmpty && span.Contains(c.Change.Span.Start))));
                    if (applied)
                    {
                        entry.Applied++;
                    }

                    result.Outcomes[(file, span.Start, id)] = (offered.Contains(diagnostic), applied);
                }

                result.Solution = newSolution;
            }
        }

        return result;
    }

    /// <summary>The text changes from one solution to the next, per document, as a syntax diff (small edits, not whole files).</summary>
    public async Task<List<(string File, SourceText OldText, TextChange Change)>> ChangesAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        var list = new List<(string, SourceText, TextChange)>();
        var oldProject = before.GetProject(corpus.ProjectId)!;
        var newProject = after.GetProject(corpus.ProjectId)!;
        foreach (var newDocument in newProject.Documents)
        {
            var oldDocument = oldProject.GetDocument(newDocument.Id);
            if (oldDocument is null)
            {
                continue;
            }

            var oldText = await oldDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newText = await newDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (oldText.ContentEquals(newText))
            {
                continue;
            }

            var oldTree = await oldDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var newTree = await newDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            foreach (var change in newTree!.GetChanges(oldTree!))
            {
                list.Add((newDocument.FilePath!, oldText, change));
            }
        }

        return list;
    }

    private static Document? FindDocument(Solution solution, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.SourceTree?.FilePath;
        if (path is null)
        {
            return null;
        }

        var ids = solution.GetDocumentIdsWithFilePath(path);
        return ids.IsEmpty ? null : solution.GetDocument(ids[0]);
    }

    public static ExceptionEntry ToEntry(string source, Exception exception, Location? location)
    {
        var entry = new ExceptionEntry
        {
            Source = source,
            Type = exception.GetType().FullName ?? exception.GetType().Name,
            Message = exception.Message,
            StackTrace = exception.StackTrace ?? string.Empty,
        };
        if (location is { IsInSource: true })
        {
            entry.File = location.SourceTree!.FilePath;
            entry.Line = location.GetLineSpan().StartLinePosition.Line + 1;
        }

        return entry;
    }

    /// <summary>Hands Fix All exactly the diagnostics that were analyzed (and offered a fix), per document.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => string.Equals(d.Location.SourceTree?.FilePath, document.FilePath, StringComparison.Ordinal)).ToList());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
