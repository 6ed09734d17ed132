using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// `--equivalence`: every SmtpAnalyzers diagnostic on the corpus with name lookup on (the shipped behaviour) and off (every
/// semantic question answered by binding). Lookup is a shortcut, so the two sets must be equal; the program prints every
/// difference and exits with 1 when there is one. Lookup is switched off once per process (a readonly flag read from the
/// <c>SmtpAnalyzers.BindOnly</c> AppContext switch), so the binding-only pass runs in a second process of this program
/// (<c>--bind-only --diagnostics-out FILE</c>).
/// </summary>
public static class Equivalence
{
    public static int Run(Workload workload, IReadOnlyList<string> corpusArguments, Action<string> log)
    {
        var withLookup = Diagnostics(workload, out var timeOn);
        var file = Path.GetTempFileName();
        try
        {
            var child = ChildProcess(corpusArguments.Concat(new[] { "--bind-only", "--diagnostics-out", file }));
            using (var process = Process.Start(child)!)
            {
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    log($"the binding-only pass failed with exit code {process.ExitCode}");
                    return 2;
                }
            }

            var lines = File.ReadAllLines(file);
            var timeOff = double.Parse(lines[0], CultureInfo.InvariantCulture);
            var withoutLookup = new HashSet<string>(lines.Skip(1), StringComparer.Ordinal);
            return Compare(workload, withLookup, timeOn.TotalMilliseconds, withoutLookup, timeOff, log);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The child's part: this process's diagnostics (lookup as the process's switch says) written to a file.</summary>
    public static int WriteDiagnostics(Workload workload, string file)
    {
        var set = Diagnostics(workload, out var time);
        File.WriteAllLines(file, new[] { time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) }.Concat(set.OrderBy(d => d, StringComparer.Ordinal)));
        return 0;
    }

    private static int Compare(Workload workload, HashSet<string> withLookup, double timeOn, HashSet<string> withoutLookup, double timeOff, Action<string> log)
    {
        var onlyWith = withLookup.Except(withoutLookup).OrderBy(d => d, StringComparer.Ordinal).ToList();
        var onlyWithout = withoutLookup.Except(withLookup).OrderBy(d => d, StringComparer.Ordinal).ToList();
        log($"{workload.Description}");
        log($"diagnostics with lookup: {withLookup.Count} ({timeOn:F0} ms analyzer execution); binding only: {withoutLookup.Count} ({timeOff:F0} ms)");
        foreach (var id in withLookup.Select(d => d.Split(' ')[0]).Distinct().OrderBy(x => x, StringComparer.Ordinal))
        {
            log($"  {id}: {withLookup.Count(d => d.StartsWith(id + " ", StringComparison.Ordinal))}");
        }

        foreach (var d in onlyWith)
        {
            log($"  only with lookup:   {d}");
        }

        foreach (var d in onlyWithout)
        {
            log($"  only when binding:  {d}");
        }

        log(onlyWith.Count + onlyWithout.Count == 0 ? "EQUIVALENT" : $"DIFFERENT: {onlyWith.Count} + {onlyWithout.Count}");
        return onlyWith.Count + onlyWithout.Count == 0 ? 0 : 1;
    }

    private static ProcessStartInfo ChildProcess(IEnumerable<string> arguments)
    {
        // Run by its apphost or by `dotnet the.dll`, as this process was.
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(Equivalence).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static HashSet<string> Diagnostics(Workload workload, out TimeSpan execution)
    {
        var analyzers = workload.AllRules();
        var analysis = workload.WithAnalyzers(workload.FreshCompilation(), analyzers);
        var diagnostics = analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        execution = Workload.ExecutionTime(analysis);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            var span = d.Location.GetLineSpan();
            set.Add($"{d.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) {d.GetMessage(CultureInfo.InvariantCulture)}");
        }

        return set;
    }
}
