using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/SmtpAnalyzers.Benchmarks -- [--quick] [--corpus DIR] [--lines N] [--seed N] [--warmups N] [--rounds N] [--dry] [--only CASE,...] [--execution-as-build] [--profile] [--out FILE] [--dump DIR] [--passes N]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var quick = false;
        var profile = false;
        var dry = false;
        var rounds = 3;
        var warmups = 1;
        string? output = null;
        string? dump = null;
        var passes = 0;
        var only = new List<string>();
        var settings = BenchSettings.Current;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--dry":
                    dry = true;
                    break;
                case "--profile":
                    profile = true;
                    break;
                case "--corpus":
                    settings = settings with { CorpusFolder = args[++i] };
                    break;
                case "--lines":
                    settings = settings with { MinLines = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--seed":
                    settings = settings with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--warmups":
                    warmups = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--execution-as-build":
                    settings = settings with { ExecutionAsBuild = true };
                    break;
                case "--only":
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--out":
                    output = args[++i];
                    break;
                case "--dump":
                    dump = args[++i];
                    break;
                case "--passes":
                    passes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--quick] [--corpus DIR] [--lines N] [--seed N] [--warmups N] [--rounds N] [--dry] [--only CASE,...] [--execution-as-build] [--profile] [--out FILE] [--dump DIR] [--passes N]; the corpus folder can also be given as {BenchSettings.CorpusEnvironmentVariable}.");
                    return 2;
            }
        }

        BenchSettings.Current = settings;
        if (dump is not null)
        {
            // The generated corpus as files, for the corpus runner or a reader: same seed and size as the benchmark's.
            Directory.CreateDirectory(dump);
            foreach (var (path, text) in CorpusGenerator.Generate(settings.Seed, settings.MinLines))
            {
                File.WriteAllText(Path.Combine(dump, Path.GetFileName(path)), text);
            }

            Console.WriteLine($"Generated corpus written to {dump}");
            return 0;
        }

        var setup = Stopwatch.StartNew();
        var workload = Workload.Shared(settings);
        string? firstError = null;
        if (profile)
        {
            Profiler.Run(workload, Console.WriteLine);
            return 0;
        }

        if (passes > 0)
        {
            Passes(workload, warmups, passes);
            return 0;
        }

        var errors = quick ? 0 : workload.CountErrors(out firstError);
        Console.WriteLine($"Corpus: {workload.Description}; {(quick ? "errors counted in the Compile case" : errors + " compiler errors")}{(firstError is null ? "" : " (first: " + firstError + ")")}; setup {setup.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"Rules found: {string.Join(", ", workload.Rules.Select(r => r.Id))}");

        IReadOnlyList<CaseResult> results;
        string mode;
        if (quick)
        {
            mode = $"quick mode: Stopwatch, {warmups} warm-up + {rounds} interleaved rounds, medians";
            results = QuickRunner.Run(workload, warmups, rounds, only, Console.WriteLine);
        }
        else
        {
            mode = dry ? "dry run: BenchmarkDotNet, in-process, 1 iteration" : "full mode: BenchmarkDotNet, in-process, 2 warm-ups + 7 iterations, medians";
            results = RunBenchmarkDotNet(dry);
        }

        mode += settings.ExecutionAsBuild
            ? "; execution times from a pass run as a build (--execution-as-build: all cores, garbage collections allowed)"
            : $"; execution times from an isolated pass (one thread, no-GC region; {Workload.NoGcRegionRefused} passes refused the region, {Workload.NoGcRegionExceeded} outgrew it)";
        var header = $"Corpus: {workload.Description}. Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}. {mode}. {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.";
        var report = Report.Format(results, header);
        Console.WriteLine();
        Console.WriteLine(report);
        if (output is not null)
        {
            File.WriteAllText(output, report);
        }

        return 0;
    }

    /// <summary>
    /// `--passes N`: execution time only, from N isolated passes each of the floor and of all rules, interleaved, after
    /// <paramref name="warmups"/> warm-up passes of each, in one process: a steadier ratio than three rounds give, since
    /// single passes of the same code spread by a factor of two on a small machine.
    /// </summary>
    private static void Passes(Workload workload, int warmups, int passes)
    {
        var floor = new List<double>();
        var all = new List<double>();
        for (var i = -warmups; i < passes; i++)
        {
            var f = workload.MeasureExecutionTime(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new FloorAnalyzer())).TotalMilliseconds;
            var a = workload.MeasureExecutionTime(workload.AllRules()).TotalMilliseconds;
            if (i >= 0)
            {
                floor.Add(f);
                all.Add(a);
            }
        }

        var floorMedian = Report.Median(floor);
        var allMedian = Report.Median(all);
        Console.WriteLine($"Corpus: {workload.Description}. {passes} isolated passes each after {warmups} warm-up passes, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine($"{Report.Floor}: median {floorMedian:F2} ms, min {floor.Min():F2}, max {floor.Max():F2}");
        Console.WriteLine($"{Report.AllRules}: median {allMedian:F2} ms, min {all.Min():F2}, max {all.Max():F2}");
        Console.WriteLine($"All rules / floor: {allMedian / floorMedian:F2}x (medians), {all.Min() / floor.Min():F2}x (minimums)");
    }

    private static IReadOnlyList<CaseResult> RunBenchmarkDotNet(bool dry)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(dry ? 0 : 2)
            .WithIterationCount(dry ? 1 : 7);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        var summary = BenchmarkRunner.Run<AnalyzerBenchmarks>(config);
        var results = new List<CaseResult>();
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor;
            var name = method.WorkloadMethod.Name == nameof(AnalyzerBenchmarks.Rule)
                ? Report.RuleAlone((string)report.BenchmarkCase.Parameters.Items[0].Value)
                : method.WorkloadMethodDisplayInfo.Trim('\'');
            var wallMs = (report.ResultStatistics?.Median ?? double.NaN) / 1e6;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            double? execution = AnalyzerBenchmarks.ExecutionTimes.TryGetValue(name, out var times) && times.Count > 0
                ? Report.Median(times.Select(t => t.TotalMilliseconds))
                : null;
            results.Add(new CaseResult(name, wallMs, execution, allocated));
        }

        return results;
    }
}
