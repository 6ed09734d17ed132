using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SmtpAnalyzers.Tests.Docs;

/// <summary>
/// The real command-line compiler and MSBuild of the SDK the tests run on, for checks that no in-process test can make
/// (how the compiler loads the analyzer's German satellite, how global config files and the props behave). Each call is one
/// short process: a one-file compile with no project, or an evaluation of a project without an SDK.
/// </summary>
internal static class Tools
{
    private static readonly Lazy<string> LazyDotnetRoot = new(() =>
    {
        // .../shared/Microsoft.NETCore.App/<version>/ -> the dotnet root, three folders up.
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return runtime.Parent!.Parent!.Parent!.FullName;
    });

    private static readonly Lazy<string> LazyCsc = new(() =>
    {
        var sdks = new DirectoryInfo(Path.Combine(DotnetRoot, "sdk")).GetDirectories()
            .Where(d => File.Exists(Path.Combine(d.FullName, "Roslyn", "bincore", "csc.dll")))
            .OrderByDescending(d => Version.TryParse(d.Name.Split('-')[0], out var v) ? v : new Version(0, 0))
            .ToList();
        if (sdks.Count == 0)
        {
            throw new InvalidOperationException("No SDK with Roslyn/bincore/csc.dll under " + DotnetRoot);
        }

        return Path.Combine(sdks[0].FullName, "Roslyn", "bincore", "csc.dll");
    });

    public static string DotnetRoot => LazyDotnetRoot.Value;

    public static string Dotnet => Path.Combine(DotnetRoot, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet");

    /// <summary>The analyzer assembly the tests reference; its de/ satellite sits next to it.</summary>
    public static string AnalyzerPath => typeof(Descriptors).Assembly.Location;

    /// <summary>Compiles one C# file with the SDK's csc and the analyzer; returns the exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Compile(string source, params string[] arguments) =>
        CompileWithEditorConfig(source, editorConfig: null, arguments);

    /// <summary>As <see cref="Compile(string, string[])"/>, with an .editorconfig next to the source file (passed as the SDK passes it).</summary>
    public static (int ExitCode, string Output) CompileWithEditorConfig(string source, string? editorConfig, params string[] arguments)
    {
        var dir = NewTempFolder();
        try
        {
            File.WriteAllText(Path.Combine(dir, "Test.cs"), source);
            if (editorConfig is not null)
            {
                File.WriteAllText(Path.Combine(dir, ".editorconfig"), editorConfig);
                arguments = arguments.Append("-analyzerconfig:" + Path.Combine(dir, ".editorconfig")).ToArray();
            }

            var runtime = RuntimeEnvironment.GetRuntimeDirectory();
            var args = new[]
            {
                LazyCsc.Value, "-nologo", "-noconfig", "-nostdlib", "-t:library", "-out:" + Path.Combine(dir, "Test.dll"),
                "-r:" + Path.Combine(runtime, "System.Private.CoreLib.dll"), "-r:" + Path.Combine(runtime, "System.Runtime.dll"),
                "-analyzer:" + AnalyzerPath, Path.Combine(dir, "Test.cs"),
            }.Concat(arguments).ToArray();
            return Run(dir, args);
        }
        finally
        {
            TryDelete(dir);
        }
    }

    /// <summary>Runs dotnet msbuild on a project with no SDK that only imports <paramref name="importPath"/>.</summary>
    public static (int ExitCode, string Output) MSBuild(string importPath, params string[] arguments)
    {
        var dir = NewTempFolder();
        try
        {
            var project = Path.Combine(dir, "Probe.proj");
            File.WriteAllText(project, "<Project><Import Project=\"" + importPath + "\" /></Project>");
            return Run(dir, new[] { "msbuild", project, "-nologo", "-nr:false" }.Concat(arguments).ToArray());
        }
        finally
        {
            TryDelete(dir);
        }
    }

    public static string NewTempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "SmtpAnalyzers.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static (int ExitCode, string Output) Run(string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDNOINPROCNODE"] = null;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " took more than two minutes");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
