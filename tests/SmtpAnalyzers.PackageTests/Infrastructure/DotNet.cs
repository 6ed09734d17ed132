using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace SmtpAnalyzers.PackageTests.Infrastructure;

/// <summary>What a finished process printed (standard output and error, interleaved as they came) and its exit code.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"> {CommandLine}   (in {WorkingDirectory})\nexit code {ExitCode} after {Elapsed.TotalSeconds:F0} s\n{Output}";
}

/// <summary>A compiler or analyzer diagnostic as MSBuild prints it: <c>path(line,col): error ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>[^\s(][^(\n]*)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Each distinct diagnostic in a build's output (MSBuild prints each one twice: as it comes and in the summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        Pattern.Matches(output.Replace("\r", string.Empty))
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value),
                m.Groups["severity"].Value,
                m.Groups["id"].Value,
                m.Groups["message"].Value))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Short form for assertions, the path relative to a folder: <c>Folder/File.cs(12,20): error SMTP001</c>.</summary>
    public string ToShortString(string baseDirectory) =>
        $"{System.IO.Path.GetRelativePath(baseDirectory, File).Replace('\\', '/')}({Line},{Column}): {Severity} {Id}";
}

public static class BuildAssert
{
    /// <summary>
    /// Asserts exactly these diagnostics (short form, paths relative to the command's folder, in path/line/column order),
    /// with the whole output on failure.
    /// </summary>
    public static void Diagnostics(ProcessResult result, params string[] expected)
    {
        var diagnostics = BuildDiagnostic.Parse(result.Output);
        var actual = diagnostics.Select(d => d.ToShortString(result.WorkingDirectory)).ToArray();
        Xunit.Assert.True(
            expected.SequenceEqual(actual),
            "Expected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", diagnostics) + "\n\n" + result);
    }

    /// <summary>
    /// Asserts, rule by rule, exactly these diagnostics (<c>File.cs(12,20)</c>, paths relative to <paramref name="folder"/>, in
    /// file/line/column order), all of them warnings, and none of any rule not listed; the whole output on failure.
    /// </summary>
    public static void WarningsPerRule(ProcessResult result, string folder, IReadOnlyDictionary<string, string[]> expected)
    {
        var diagnostics = BuildDiagnostic.Parse(result.Output);
        var actual = diagnostics
            .GroupBy(d => d.Id)
            .ToDictionary(g => g.Key, g => g.Select(d => $"{System.IO.Path.GetRelativePath(folder, d.File).Replace('\\', '/')}({d.Line},{d.Column})").ToArray());
        foreach (var id in expected.Keys.Union(actual.Keys).OrderBy(id => id, StringComparer.Ordinal))
        {
            var want = expected.TryGetValue(id, out var e) ? e : Array.Empty<string>();
            var got = actual.TryGetValue(id, out var a) ? a : Array.Empty<string>();
            Xunit.Assert.True(
                want.SequenceEqual(got),
                $"{id}: expected {want.Length}:\n  " + string.Join("\n  ", want) + $"\nActual {got.Length}:\n  " + string.Join("\n  ", got) + "\n\n" + result);
        }

        Xunit.Assert.All(diagnostics, d => Xunit.Assert.Equal("warning", d.Severity));
    }
}

/// <summary>Runs <c>dotnet</c> with a time limit, never leaving a process behind.</summary>
public static class DotNet
{
    /// <summary>Long enough for a cold restore and build on a busy 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Run(workingDirectory, environment, DefaultTimeout, arguments);

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] arguments)
    {
        var info = CreateStartInfo(workingDirectory, environment, arguments);
        var commandLine = "dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? '"' + a + '"' : a));
        var output = new StringBuilder();
        var outputClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, errorClosed);
        process.Start();
        try
        {
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                throw new TimeoutException($"Timed out after {timeout}: {commandLine}\n{Snapshot(output)}");
            }

            // The pipes close when the process (and anything that inherited them) is gone; bounded so that no stray child can hang the test.
            Task.WaitAll(new Task[] { outputClosed.Task, errorClosed.Task }, TimeSpan.FromSeconds(30));
            return new ProcessResult(commandLine, workingDirectory, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>The environment every child dotnet gets: English messages, no build servers or node reuse (nothing outlives a command).</summary>
    public static ProcessStartInfo CreateStartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Variables the test host inherits from dotnet test would point a child build at the test run's MSBuild.
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    private static void Append(StringBuilder output, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
