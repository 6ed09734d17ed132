using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// The full mode: every case side by side in one BenchmarkDotNet run (in-process, so the analyzer execution times
/// read from <see cref="AnalyzerTelemetryInfo"/> can be collected next to BenchmarkDotNet's own figures).
/// The compilation is built in [GlobalSetup]; each iteration gets a fresh clone in [IterationSetup].
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    /// <summary>Execution times per case, read after each iteration (outside the measured region).</summary>
    public static readonly ConcurrentDictionary<string, List<TimeSpan>> ExecutionTimes = new();

    private Workload workload = null!;
    private Compilation compilation = null!;
    private GeneratorDriver primedDriver = null!;
    private Compilation editedCompilation = null!;
    private int editRound;
    private string? pendingName;
    private Func<ImmutableArray<DiagnosticAnalyzer>>? pendingAnalyzers;
    private GeneratorDriver? pendingDriver;

    public static IEnumerable<string> RuleIds() => Workload.DiscoverRules().Select(r => r.Id);

    [GlobalSetup]
    public void GlobalSetup() => workload = Workload.Shared(BenchSettings.Current);

    [IterationSetup(Targets = new[] { nameof(Compile), nameof(EmptyAnalyzer), nameof(FloorAnalyzer), nameof(LeanStandIn), nameof(Rule), nameof(AllRules), nameof(GeneratorFirstRun) })]
    public void FreshCompilation() => compilation = workload.FreshCompilation();

    [IterationSetup(Target = nameof(GeneratorAfterEdit))]
    public void PrimeGenerator()
    {
        var fresh = workload.FreshCompilation();
        primedDriver = workload.CreateGeneratorDriver().RunGenerators(fresh);
        editedCompilation = Workload.Edit(fresh, ++editRound);
    }

    [IterationCleanup]
    public void RecordExecutionTime()
    {
        if (pendingName is not null)
        {
            // Outside the measured region: a second pass on another fresh clone, the one that records execution times.
            var time = pendingAnalyzers is not null ? workload.MeasureExecutionTime(pendingAnalyzers()) : pendingDriver!.GetTimingInfo().ElapsedTime;
            ExecutionTimes.GetOrAdd(pendingName, _ => new List<TimeSpan>()).Add(time);
        }

        pendingName = null;
        pendingAnalyzers = null;
        pendingDriver = null;
    }

    [Benchmark(Baseline = true, Description = Report.Compile)]
    public int Compile() => compilation.GetDiagnostics().Length;

    [Benchmark(Description = Report.Empty)]
    public int EmptyAnalyzer() => Analyze(Report.Empty, static () => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()));

    [Benchmark(Description = Report.Floor)]
    public int FloorAnalyzer() => Analyze(Report.Floor, static () => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()));

    [Benchmark(Description = Report.StandIn)]
    public int LeanStandIn() => Analyze(Report.StandIn, static () => ImmutableArray.Create<DiagnosticAnalyzer>(new LeanStandInAnalyzer()));

    [Benchmark]
    [ArgumentsSource(nameof(RuleIds))]
    public int Rule(string id) => Analyze(Report.RuleAlone(id), () => workload.Rule(id));

    [Benchmark(Description = Report.AllRules)]
    public int AllRules() => Analyze(Report.AllRules, workload.AllRules);

    [Benchmark(Description = Report.GeneratorFirst)]
    public GeneratorDriver GeneratorFirstRun()
    {
        pendingName = Report.GeneratorFirst;
        return pendingDriver = workload.CreateGeneratorDriver().RunGenerators(compilation);
    }

    [Benchmark(Description = Report.GeneratorEdit)]
    public GeneratorDriver GeneratorAfterEdit()
    {
        pendingName = Report.GeneratorEdit;
        return pendingDriver = primedDriver.RunGenerators(editedCompilation);
    }

    private int Analyze(string name, Func<ImmutableArray<DiagnosticAnalyzer>> analyzers)
    {
        pendingName = name;
        pendingAnalyzers = analyzers;
        return Workload.Analyze(workload.WithAnalyzers(compilation, analyzers()));
    }
}
