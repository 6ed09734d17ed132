using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// The quick mode: the same cases as the BenchmarkDotNet class, measured with a Stopwatch and
/// <see cref="GC.GetTotalAllocatedBytes(bool)"/>, rounds interleaved across cases so drift hits every case alike; medians.
/// </summary>
public static class QuickRunner
{
    private sealed record QuickCase(string Name, Func<object> Prepare, Func<object, object> Run, Func<object, TimeSpan?> Execution);

    /// <param name="only">When not empty, only the cases whose name contains one of these (and the compile, empty and floor cases the ratios need).</param>
    public static IReadOnlyList<CaseResult> Run(Workload workload, int warmups, int rounds, IReadOnlyList<string> only, Action<string> log)
    {
        var cases = new List<QuickCase>
        {
            new(Report.Compile, () => workload.FreshCompilation(), c => ((Compilation)c).GetDiagnostics(), d =>
            {
                var errors = ((System.Collections.Immutable.ImmutableArray<Diagnostic>)d).Where(x => x.Severity == DiagnosticSeverity.Error).ToList();
                log($"  compiler errors in the corpus: {errors.Count}{(errors.Count > 0 ? " (first: " + errors[0] + ")" : "")}");
                return null;
            }),
            Analyzers(workload, Report.Empty, () => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer())),
            Analyzers(workload, Report.Floor, () => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer())),
            Analyzers(workload, Report.StandIn, () => ImmutableArray.Create<DiagnosticAnalyzer>(new LeanStandInAnalyzer())),
        };

        foreach (var rule in workload.Rules)
        {
            var id = rule.Id;
            cases.Add(Analyzers(workload, Report.RuleAlone(id), () => workload.Rule(id)));
        }

        cases.Add(Analyzers(workload, Report.AllRules, workload.AllRules));
        cases.Add(new(Report.GeneratorFirst, () => workload.FreshCompilation(), c => workload.CreateGeneratorDriver().RunGenerators((Compilation)c), d => ((GeneratorDriver)d).GetTimingInfo().ElapsedTime));
        var editRound = 0;
        cases.Add(new(
            Report.GeneratorEdit,
            () =>
            {
                var compilation = workload.FreshCompilation();
                var driver = workload.CreateGeneratorDriver().RunGenerators(compilation);
                return (driver, Workload.Edit(compilation, ++editRound));
            },
            s =>
            {
                var (driver, edited) = ((GeneratorDriver, Compilation))s;
                return driver.RunGenerators(edited);
            },
            d => ((GeneratorDriver)d).GetTimingInfo().ElapsedTime));

        if (only.Count > 0)
        {
            cases = cases.Where(c => c.Name is Report.Compile or Report.Empty or Report.Floor || only.Any(o => c.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        var wall = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var exec = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var alloc = cases.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 0; round < warmups + rounds; round++)
        {
            foreach (var c in cases)
            {
                var state = c.Prepare();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var stopwatch = Stopwatch.StartNew();
                var result = c.Run(state);
                stopwatch.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                var execution = c.Execution(result);
                var measured = round >= warmups;
                log($"  {(measured ? "round " + (round - warmups + 1) : "warm-up")}: {c.Name}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms, {allocated / 1e6:F1} MB" + (execution is { } e ? $", execution {e.TotalMilliseconds:F1} ms" : ""));
                if (measured)
                {
                    wall[c.Name].Add(stopwatch.Elapsed.TotalMilliseconds);
                    alloc[c.Name].Add(allocated);
                    if (execution is { } x)
                    {
                        exec[c.Name].Add(x.TotalMilliseconds);
                    }
                }
            }
        }

        return cases.Select(c => new CaseResult(
            c.Name,
            Report.Median(wall[c.Name]),
            exec[c.Name].Count > 0 ? Report.Median(exec[c.Name]) : null,
            Report.Median(alloc[c.Name]))).ToList();
    }

    private static QuickCase Analyzers(Workload workload, string name, Func<ImmutableArray<DiagnosticAnalyzer>> analyzers) => new(
        name,
        () => workload.FreshCompilation(),
        c =>
        {
            var analysis = workload.WithAnalyzers((Compilation)c, analyzers());
            Workload.Analyze(analysis);
            return analysis;
        },
        _ => workload.MeasureExecutionTime(analyzers()));
}
