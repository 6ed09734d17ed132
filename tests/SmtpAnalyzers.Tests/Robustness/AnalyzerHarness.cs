using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Constants;
using SmtpAnalyzers.Rules;

namespace SmtpAnalyzers.Tests.Robustness;

/// <summary>
/// Runs the analyzer and every fixer the package ships (found by reflection, so a new rule is covered without editing
/// this file) over arbitrary sources with concurrent execution on, and records every analyzer or fixer exception.
/// The shipped analyzer is <see cref="SmtpAnalyzer"/> (every rule); the per-rule analyzers can be run alone too.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "Microsoft.CSharp.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The analyzers the package ships: every concrete analyzer type with [DiagnosticAnalyzer] (<see cref="SmtpAnalyzer"/>).</summary>
    public static ImmutableArray<Type> AnalyzerTypes { get; } = typeof(SMTP001MagicReplyCodeAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The per-rule analyzers: every concrete analyzer type without [DiagnosticAnalyzer], each running one rule alone.</summary>
    public static ImmutableArray<Type> RuleAnalyzerTypes { get; } = typeof(SMTP001MagicReplyCodeAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length == 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Every concrete code-fix provider type in the code-fix assembly.</summary>
    public static ImmutableArray<Type> FixerTypes { get; } = typeof(SMTP001MagicReplyCodeFixer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> CreateRuleAnalyzers() =>
        RuleAnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CreateFixers() =>
        FixerTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>The sources plus the bundled constants, as the generator adds them to user code.</summary>
    public static IEnumerable<(string Path, string Text)> WithBundledConstants(IEnumerable<(string Path, string Text)> sources) =>
        sources.Concat(new[]
        {
            ("/gen/" + ReplyCodeConstantsGenerator.ConstantsHintName, ReplyCodeConstantsGenerator.GetConstantsSource()),
            ("/gen/" + ReplyCodeConstantsGenerator.EmbeddedAttributeHintName, ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource()),
        });

    public static CSharpCompilation CreateCompilation(IEnumerable<(string Path, string Text)> sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var trees = WithBundledConstants(sources).Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), ParseOptions, s.Path));
        return CSharpCompilation.Create(
            "Robustness",
            trees,
            References,
            new CSharpCompilationOptions(kind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs the shipped analyzer with concurrent execution; returns the diagnostics and every exception thrown.</summary>
    public static Task<AnalysisRun> AnalyzeAsync(Compilation compilation, CancellationToken cancellationToken = default) =>
        AnalyzeAsync(compilation, CreateAnalyzers(), cancellationToken);

    /// <summary>Runs the given analyzers with concurrent execution; returns the diagnostics and every exception thrown.</summary>
    public static async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        foreach (var d in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(d.ToString());
        }

        return new AnalysisRun(diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>A project in an ad-hoc workspace holding the sources (and the bundled constants).</summary>
    public static Project CreateProject(IEnumerable<(string Path, string Text)> sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Robustness", "Robustness", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(kind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: ParseOptions,
                metadataReferences: References));
        foreach (var (path, text) in WithBundledConstants(sources))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        return solution.GetProject(projectId)!;
    }

    /// <summary>
    /// Runs every fixer on every diagnostic it claims: registers the fixes, applies each offered action, and applies
    /// Fix All in each document for each equivalence key offered. Returns what was applied and every exception.
    /// </summary>
    public static async Task<FixRun> FixAsync(Project project, CancellationToken cancellationToken = default)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var analysis = await AnalyzeAsync(compilation, cancellationToken);
        var exceptions = new List<string>(analysis.Exceptions);
        var offered = 0;
        var applied = 0;
        var fixAllApplied = 0;
        foreach (var fixer in CreateFixers())
        {
            foreach (var document in project.Documents)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                var diagnostics = analysis.Diagnostics
                    .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceTree == tree)
                    .ToImmutableArray();
                var keys = new HashSet<string?>();
                foreach (var diagnostic in diagnostics)
                {
                    var actions = new List<CodeAction>();
                    try
                    {
                        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
                        await fixer.RegisterCodeFixesAsync(context);
                    }
                    catch (Exception e)
                    {
                        exceptions.Add($"{fixer.GetType().Name} registering for {diagnostic}: {e}");
                        continue;
                    }

                    offered += actions.Count;
                    foreach (var action in actions)
                    {
                        keys.Add(action.EquivalenceKey);
                        try
                        {
                            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
                            {
                                if (operation is ApplyChangesOperation apply)
                                {
                                    var changed = apply.ChangedSolution.GetDocument(document.Id);
                                    _ = await changed!.GetSyntaxRootAsync(cancellationToken);
                                    applied++;
                                }
                            }
                        }
                        catch (Exception e)
                        {
                            exceptions.Add($"{fixer.GetType().Name} applying '{action.Title}' for {diagnostic}: {e}");
                        }
                    }
                }

                if (fixer.GetFixAllProvider() is not { } fixAll)
                {
                    continue;
                }

                foreach (var key in keys)
                {
                    try
                    {
                        var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds,
                            new FixedDiagnosticProvider(analysis.Diagnostics), cancellationToken);
                        if (await fixAll.GetFixAsync(context) is { } action)
                        {
                            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
                            {
                                if (operation is ApplyChangesOperation apply)
                                {
                                    _ = await apply.ChangedSolution.GetDocument(document.Id)!.GetSyntaxRootAsync(cancellationToken);
                                    fixAllApplied++;
                                }
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        exceptions.Add($"{fixer.GetType().Name} Fix All '{key}' in {document.FilePath}: {e}");
                    }
                }
            }
        }

        return new FixRun(analysis.Diagnostics, offered, applied, fixAllApplied, exceptions.ToImmutableArray());
    }

    /// <summary>One line per diagnostic, in a stable order, to compare runs.</summary>
    public static ImmutableArray<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d => $"{d.Location.SourceTree?.FilePath}{d.Location.GetLineSpan().Span} {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} "
            + string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToImmutableArray();

    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}

internal sealed record AnalysisRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions);

internal sealed record FixRun(ImmutableArray<Diagnostic> Diagnostics, int Offered, int Applied, int FixAllApplied, ImmutableArray<string> Exceptions);
