using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>One measured case: wall time of the whole run, analyzer (or generator) execution time, bytes allocated.</summary>
public sealed record CaseResult(string Name, double WallMs, double? ExecutionMs, double AllocatedBytes);

/// <summary>The figures table and the ratios the issue sets targets for.</summary>
public static class Report
{
    public const string Compile = "Compile (no analyzers)";
    public const string Empty = "Empty analyzer";
    public const string Floor = "Floor analyzer";
    public const string StandIn = "Lean stand-in (reference)";
    public const string AllRules = "All rules";
    public const string GeneratorFirst = "Generator, first run";
    public const string GeneratorEdit = "Generator, after an edit";

    public static string RuleAlone(string id) => id + " alone";

    public static string Format(IReadOnlyList<CaseResult> results, string header)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(header);
        sb.AppendLine();
        sb.AppendLine("| Case | Wall time (ms) | Execution time (ms) | Allocated (MB) | Allocated above empty (MB) |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var empty = Find(results, Empty);
        foreach (var r in results)
        {
            var isAnalyzerCase = r.Name != Compile && !r.Name.StartsWith("Generator", StringComparison.Ordinal);
            var above = isAnalyzerCase && empty is not null ? ((r.AllocatedBytes - empty.AllocatedBytes) / 1e6).ToString("F1", inv) : "";
            sb.Append("| ").Append(r.Name)
                .Append(" | ").Append(r.WallMs.ToString("F0", inv))
                .Append(" | ").Append(r.ExecutionMs is { } e ? e.ToString("F1", inv) : "")
                .Append(" | ").Append((r.AllocatedBytes / 1e6).ToString("F1", inv))
                .Append(" | ").Append(above)
                .AppendLine(" |");
        }

        var compile = Find(results, Compile);
        var floor = Find(results, Floor);
        var all = Find(results, AllRules);
        if (compile is null || empty is null || floor is null || all is null || floor.ExecutionMs is not { } floorMs || all.ExecutionMs is not { } allMs)
        {
            return sb.ToString();
        }

        var timeRatio = allMs / floorMs;
        var floorAbove = floor.AllocatedBytes - empty.AllocatedBytes;
        var allAbove = all.AllocatedBytes - empty.AllocatedBytes;
        var allocRatio = allAbove / floorAbove;
        var ofCompile = allMs / compile.WallMs;
        sb.AppendLine();
        sb.AppendLine("| Ratio (all rules together) | Figure | Target | Met |");
        sb.AppendLine("| --- | ---: | ---: | --- |");
        sb.Append("| Execution time / floor's | ").Append(timeRatio.ToString("F2", inv)).Append("x | <= 3x (stretch 2x) | ")
            .Append(timeRatio <= 2 ? "yes (stretch too)" : timeRatio <= 3 ? "yes" : "no").AppendLine(" |");
        sb.Append("| Allocation above empty / floor's | ").Append(allocRatio.ToString("F3", inv)).Append("x | <= 1.05x | ")
            .Append(allocRatio <= 1.05 ? "yes" : "no").AppendLine(" |");
        sb.Append("| Execution time / compile time | ").Append((ofCompile * 100).ToString("F3", inv)).Append("% | <= 0.25% | ")
            .Append(ofCompile <= 0.0025 ? "yes" : "no").AppendLine(" |");
        return sb.ToString();
    }

    private static CaseResult? Find(IReadOnlyList<CaseResult> results, string name) => results.FirstOrDefault(r => r.Name == name);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
