using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Smtp;

namespace SmtpAnalyzers.Benchmarks;

/// <summary>
/// `--equivalence`: every SmtpAnalyzers diagnostic on the corpus with name lookup on (the shipped behaviour) and off (every
/// semantic question answered by binding). Lookup is a shortcut, so the two sets must be equal; the program prints every
/// difference and exits with 1 when there is one.
/// </summary>
public static class Equivalence
{
    public static int Run(Workload workload, Action<string> log)
    {
        var withLookup = Diagnostics(workload, lookup: true, out var timeOn);
        var withoutLookup = Diagnostics(workload, lookup: false, out var timeOff);
        var onlyWith = withLookup.Except(withoutLookup).OrderBy(d => d, StringComparer.Ordinal).ToList();
        var onlyWithout = withoutLookup.Except(withLookup).OrderBy(d => d, StringComparer.Ordinal).ToList();
        log($"{workload.Description}");
        log($"diagnostics with lookup: {withLookup.Count} ({timeOn.TotalMilliseconds:F0} ms analyzer execution); binding only: {withoutLookup.Count} ({timeOff.TotalMilliseconds:F0} ms)");
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

    private static HashSet<string> Diagnostics(Workload workload, bool lookup, out TimeSpan execution)
    {
        SmtpSemantics.LookupEnabled = lookup;
        try
        {
            var analyzers = workload.AllRules();
            var analysis = workload.WithAnalyzers(workload.FreshCompilation(), analyzers);
            var diagnostics = analysis.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            execution = Workload.ExecutionTime(analysis);
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in diagnostics)
            {
                var span = d.Location.GetLineSpan();
                set.Add($"{d.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            return set;
        }
        finally
        {
            SmtpSemantics.LookupEnabled = true;
        }
    }
}
