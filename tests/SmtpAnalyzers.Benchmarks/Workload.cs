using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Constants;
using SmtpAnalyzers.Rules;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>Where the corpus comes from: generated (seed, size) or a folder of C# files.</summary>
/// <param name="ExecutionAsBuild">
/// Execution times are read from a pass run as a build runs it (<c>--execution-as-build</c>): analyzers and compiler on
/// every core, garbage collections allowed. By default that pass is isolated: one thread, no garbage collection (see
/// <see cref="Workload.MeasureExecutionTime"/>).
/// </param>
public sealed record BenchSettings(string? CorpusFolder, int Seed, int MinLines, bool ExecutionAsBuild = false)
{
    public const string CorpusEnvironmentVariable = "SMTP_BENCH_CORPUS";

    public static BenchSettings Current { get; set; } = new(Environment.GetEnvironmentVariable(CorpusEnvironmentVariable) is { Length: > 0 } folder ? folder : null, CorpusGenerator.DefaultSeed, CorpusGenerator.DefaultMinLines);
}

/// <summary>One rule of SmtpAnalyzers, found by reflection.</summary>
public sealed record RuleInfo(string Id, Type Type)
{
    public DiagnosticAnalyzer Create() => (DiagnosticAnalyzer)Activator.CreateInstance(Type)!;
}

/// <summary>
/// Everything built once ([GlobalSetup]): the parsed corpus, the references and the base compilation. Every measured
/// run gets a fresh clone of the compilation, so no bound tree or symbol is reused from an earlier run.
/// </summary>
public sealed class Workload
{
    private static Workload? shared;

    private Workload(string description, ImmutableArray<(string Path, byte[] Utf8)> sources, CSharpParseOptions parseOptions, CSharpCompilation compilation, int lines)
    {
        Description = description;
        this.sources = sources;
        this.parseOptions = parseOptions;
        Compilation = compilation;
        Lines = lines;
        AnalyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BenchOptionsProvider(ImmutableDictionary<string, string>.Empty));
        Rules = DiscoverRules();
    }

    private readonly ImmutableArray<(string Path, byte[] Utf8)> sources;
    private readonly CSharpParseOptions parseOptions;

    public string Description { get; }

    public CSharpCompilation Compilation { get; }

    public int Lines { get; }

    public AnalyzerOptions AnalyzerOptions { get; }

    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>One workload per process: BenchmarkDotNet calls [GlobalSetup] once per benchmark case.</summary>
    public static Workload Shared(BenchSettings settings)
    {
        if (shared is null || !ReferenceEquals(sharedSettings, settings))
        {
            shared = Create(settings);
            sharedSettings = settings;
        }

        return shared;
    }

    private static BenchSettings? sharedSettings;

    public static Workload Create(BenchSettings settings)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        List<(string Path, string Text)> sources;
        string description;
        if (settings.CorpusFolder is { } folder)
        {
            sources = new List<(string, string)>();
            foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(folder, path);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                sources.Add((path, File.ReadAllText(path)));
            }

            description = $"folder {folder}";
        }
        else
        {
            sources = CorpusGenerator.Generate(settings.Seed, settings.MinLines);
            description = $"generated, seed {settings.Seed}";
        }

        var lines = 0;
        var encoded = ImmutableArray.CreateBuilder<(string Path, byte[] Utf8)>(sources.Count);
        foreach (var (path, text) in sources)
        {
            lines += CorpusGenerator.CountLines(text);
            encoded.Add((path, System.Text.Encoding.UTF8.GetBytes(text)));
        }

        var compilation = CSharpCompilation.Create(
            "BenchmarkCorpus",
            ParseTrees(encoded.ToImmutable(), parseOptions),
            PlatformReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
        var smtpFiles = 0;
        foreach (var (_, text) in sources)
        {
            if (text.Contains("smtp", StringComparison.OrdinalIgnoreCase) || text.Contains("lmtp", StringComparison.OrdinalIgnoreCase))
            {
                smtpFiles++;
            }
        }

        description += $", {sources.Count} files, {lines} lines, {smtpFiles} files pass the per-file SMTP gate (mention SMTP or LMTP)";
        return new Workload(description, encoded.ToImmutable(), parseOptions, compilation, lines);
    }

    /// <summary>
    /// Every file parsed afresh, from its bytes as the compiler reads a file (<see cref="SourceText.From(Stream, System.Text.Encoding?, SourceHashAlgorithm, bool, bool)"/>:
    /// one string for a small file, chunks for a large one). A build starts from new texts, so nothing an analyzer caches
    /// per text (the SMTP gate's scan) carries over from an earlier round.
    /// </summary>
    private static SyntaxTree[] ParseTrees(ImmutableArray<(string Path, byte[] Utf8)> sources, CSharpParseOptions parseOptions)
    {
        var trees = new SyntaxTree[sources.Length];
        System.Threading.Tasks.Parallel.For(0, sources.Length, i =>
        {
            using var stream = new MemoryStream(sources[i].Utf8, writable: false);
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(stream, System.Text.Encoding.UTF8), parseOptions, sources[i].Path);
        });
        return trees;
    }

    /// <summary>The running .NET's own assemblies: no download needed, and System.Net.Mail is among them.</summary>
    private static ImmutableArray<MetadataReference> PlatformReferences()
    {
        var tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in tpa.Split(Path.PathSeparator).OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if ((name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll") && !name.Contains("Native", StringComparison.Ordinal))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Each rule alone: every per-rule analyzer in SmtpAnalyzers.Analyzers (a concrete <see cref="SmtpRuleAnalyzer"/> other than the
    /// shipped <see cref="SmtpAnalyzer"/>), so rules added later are measured too.
    /// </summary>
    public static IReadOnlyList<RuleInfo> DiscoverRules()
    {
        var rules = new List<RuleInfo>();
        foreach (var type in typeof(SmtpRuleAnalyzer).Assembly.GetTypes())
        {
            if (type.IsAbstract || !type.IsSubclassOf(typeof(SmtpRuleAnalyzer)) || type == typeof(SmtpAnalyzer))
            {
                continue;
            }

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            var ids = string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
            rules.Add(new RuleInfo(ids.Length > 0 ? ids : type.Name, type));
        }

        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rules;
    }

    /// <summary>A clone with freshly parsed syntax trees (not measured) and nothing semantic; it shares only the references.</summary>
    public CSharpCompilation FreshCompilation() => Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(ParseTrees(sources, parseOptions));

    /// <summary>All rules: the analyzer the package ships, <see cref="SmtpAnalyzer"/>, which runs every rule in one analyzer.</summary>
    public ImmutableArray<DiagnosticAnalyzer> AllRules() => ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpAnalyzer());

    public ImmutableArray<DiagnosticAnalyzer> Rule(string id) => ImmutableArray.Create(Rules.Single(r => r.Id == id).Create());

    public CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        WithAnalyzers(compilation, analyzers, concurrent: true);

    private CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent) =>
        compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true));

    /// <summary>
    /// What a build does, in one pass as csc does it: the compiler's diagnostics and the analyzers' over the whole
    /// compilation. (This API records no execution times: <see cref="MeasureExecutionTime"/> reads them in a second pass.)
    /// </summary>
    public static int Analyze(CompilationWithAnalyzers analysis) => analysis.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>
    /// The analyzers' execution time, from a separate, unmeasured pass on another fresh clone:
    /// <see cref="CompilationWithAnalyzers.GetAnalysisResultAsync(System.Threading.CancellationToken)"/> records it.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Execution time is wall time inside the analyzer's callbacks, so anything that stops a callback's thread counts: a
    /// garbage collection of the compiler's heap (the compiler allocates hundreds of megabytes in a pass, and any allocating
    /// thread may start one), or another thread of the same pass taking the core. On a 2-core machine those pauses dwarf a
    /// cheap analyzer's work, and which analyzer pays is chance: single rounds of a do-nothing analyzer measured 1 to 49 ms,
    /// and of all rules on code without SMTP 9 to 576 ms.
    /// </para>
    /// <para>
    /// So by default this pass is isolated: compiler and analyzers on one thread (no concurrent build, no concurrent
    /// analysis) inside a no-GC region. What is left is the callbacks' own work, the same for every case. The wall-time and
    /// allocation figures still come from the pass run as a build runs it. <c>--execution-as-build</c> reads execution
    /// times from a pass like that one instead.
    /// </para>
    /// </remarks>
    public TimeSpan MeasureExecutionTime(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        if (BenchSettings.Current.ExecutionAsBuild)
        {
            var asBuild = WithAnalyzers(FreshCompilation(), analyzers, concurrent: true);
            asBuild.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
            return ExecutionTime(asBuild);
        }

        var fresh = FreshCompilation();
        var analysis = WithAnalyzers(fresh.WithOptions(fresh.Options.WithConcurrentBuild(false)), analyzers, concurrent: false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var noGc = TryStartNoGcRegion();
        try
        {
            analysis.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
        }
        finally
        {
            if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
            else if (noGc)
            {
                NoGcRegionExceeded++;
            }
        }

        return ExecutionTime(analysis);
    }

    /// <summary>What the isolated execution-time pass may allocate without a garbage collection.</summary>
    private const long NoGcRegionBytes = 4L * 1024 * 1024 * 1024;

    private static bool TryStartNoGcRegion()
    {
        try
        {
            return GC.TryStartNoGCRegion(NoGcRegionBytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime's GC can set aside: measured with collections, and reported as such.
            NoGcRegionRefused++;
            return false;
        }
    }

    /// <summary>Execution-time passes for which the runtime refused a no-GC region of <see cref="NoGcRegionBytes"/>.</summary>
    public static int NoGcRegionRefused { get; private set; }

    /// <summary>Execution-time passes that allocated more than <see cref="NoGcRegionBytes"/>, so a collection ran after all.</summary>
    public static int NoGcRegionExceeded { get; private set; }

    /// <summary>The sum of <see cref="AnalyzerTelemetryInfo.ExecutionTime"/> over the analyzers: what ReportAnalyzer prints.</summary>
    public static TimeSpan ExecutionTime(CompilationWithAnalyzers analysis)
    {
        var total = TimeSpan.Zero;
        foreach (var analyzer in analysis.Analyzers)
        {
            total += analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime;
        }

        return total;
    }

    public GeneratorDriver CreateGeneratorDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new ReplyCodeConstantsGenerator().AsSourceGenerator() },
        parseOptions: parseOptions,
        optionsProvider: AnalyzerOptions.AnalyzerConfigOptionsProvider,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>An edit that touches no option: a new member appended to the first file.</summary>
    public static Compilation Edit(Compilation compilation, int round)
    {
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText();
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), $"\npublic static class BenchmarkEdit{round} {{ public static int Value => {round}; }}\n")));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    /// <summary>Compiler errors in the corpus (a generated corpus has none).</summary>
    public int CountErrors(out string? first)
    {
        var errors = FreshCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        first = errors.FirstOrDefault()?.ToString();
        return errors.Count;
    }
}

/// <summary>Analyzer config options as a build passes them: global options only, the same for every tree.</summary>
public sealed class BenchOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options options;

    public BenchOptionsProvider(ImmutableDictionary<string, string> values)
    {
        options = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> values;

        public Options(ImmutableDictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
