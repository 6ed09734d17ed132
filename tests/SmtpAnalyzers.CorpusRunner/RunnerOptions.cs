using System;
using System.Collections.Generic;
using System.IO;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>The command line: <c>&lt;folder&gt; [--ref &lt;dll&gt;]... [--ref-dir &lt;dir&gt;]... [--json out.json] [--sarif out.sarif] [--no-fix] [--quiet]</c>.</summary>
internal sealed class RunnerOptions
{
    public string Folder { get; private set; } = string.Empty;

    public List<string> References { get; } = new();

    public string? JsonPath { get; private set; }

    public string? SarifPath { get; private set; }

    public bool NoFix { get; private set; }

    /// <summary>Where to write the files the fixes changed (for review); nothing is written into the analyzed folder.</summary>
    public string? FixedOutput { get; private set; }

    public bool Quiet { get; private set; }

    public const string Usage =
        "usage: dotnet run --project tests/SmtpAnalyzers.CorpusRunner -- <folder> [--ref <dll>]... [--ref-dir <dir>]... [--json out.json] [--sarif out.sarif] [--fixed-out <dir>] [--no-fix] [--quiet]";

    public static RunnerOptions? Parse(string[] args, out string? error)
    {
        var options = new RunnerOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Next()
            {
                if (i + 1 < args.Length)
                {
                    return args[++i];
                }

                return null;
            }

            switch (arg)
            {
                case "--ref":
                    if (Next() is not { } dll || !File.Exists(dll))
                    {
                        error = "--ref needs an existing DLL";
                        return null;
                    }

                    options.References.Add(Path.GetFullPath(dll));
                    break;
                case "--ref-dir":
                    if (Next() is not { } dir || !Directory.Exists(dir))
                    {
                        error = "--ref-dir needs an existing folder";
                        return null;
                    }

                    foreach (var file in Directory.EnumerateFiles(dir, "*.dll", SearchOption.AllDirectories))
                    {
                        options.References.Add(Path.GetFullPath(file));
                    }

                    break;
                case "--json":
                    options.JsonPath = Next() ?? throw new ArgumentException("--json needs a path");
                    break;
                case "--sarif":
                    options.SarifPath = Next() ?? throw new ArgumentException("--sarif needs a path");
                    break;
                case "--fixed-out":
                    options.FixedOutput = Path.GetFullPath(Next() ?? throw new ArgumentException("--fixed-out needs a folder"));
                    break;
                case "--no-fix":
                    options.NoFix = true;
                    break;
                case "--quiet":
                    options.Quiet = true;
                    break;
                case "-h":
                case "--help":
                    error = string.Empty;
                    return null;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || options.Folder.Length != 0)
                    {
                        error = "unexpected argument: " + arg;
                        return null;
                    }

                    options.Folder = Path.GetFullPath(arg);
                    break;
            }
        }

        if (options.Folder.Length == 0 || !Directory.Exists(options.Folder))
        {
            error = "give an existing folder of C# files";
            return null;
        }

        return options;
    }
}
