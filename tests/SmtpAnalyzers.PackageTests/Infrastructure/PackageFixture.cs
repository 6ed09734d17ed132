using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using Xunit;

namespace SmtpAnalyzers.PackageTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed SmtpAnalyzers";
}

/// <summary>
/// Once per test run: copies the repository's sources to a temporary folder, packs SmtpAnalyzers.&lt;version&gt;.nupkg there
/// into a local folder feed, and lays out a work folder whose nuget.config takes SmtpAnalyzers from that feed only (and
/// everything else from nuget.org). Consumer commands get their own empty NuGet packages folder, so a package of the same
/// version cached by an earlier run is never used.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private static readonly string[] CopiedFolders = { "src", "samples" };

    private readonly Lazy<SampleBuilds> samples;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "SmtpAnalyzers.PackageTests", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        RepositoryCopy = Path.Combine(Root, "repo");
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        WorkRoot = Path.Combine(Root, "work");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        Directory.CreateDirectory(WorkRoot);

        CopyRepository(RepositoryRoot, RepositoryCopy);
        Version = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("SmtpAnalyzersVersion").Single().Value.Trim();
        PackagePath = Path.Combine(Feed, $"SmtpAnalyzers.{Version}.nupkg");

        PackResult = DotNet.Run(RepositoryCopy, null, "pack", "src/SmtpAnalyzers.Package", "-c", "Release", "-o", Feed, "-nologo", "-tl:off");
        if (PackResult.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("Packing failed:\n" + PackResult);
        }

        // The work folder stands alone: its own nuget.config, and empty Directory.Build.* and .editorconfig so that nothing
        // from the folders above it (or from the repository) leaks into the consumer projects.
        File.WriteAllText(Path.Combine(WorkRoot, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
    <add key=""local"" value=""{Feed}"" />
    <add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key=""local"">
      <package pattern=""SmtpAnalyzers"" />
    </packageSource>
    <packageSource key=""nuget.org"">
      <package pattern=""*"" />
    </packageSource>
  </packageSourceMapping>
</configuration>
");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, ".editorconfig"), "root = true\n");
        samples = new Lazy<SampleBuilds>(() => new SampleBuilds(RepositoryCopy), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder that holds everything below; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>The copy of the repository's sources the package was packed from (and the sample is built in).</summary>
    public string RepositoryCopy { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string WorkRoot { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public ProcessResult PackResult { get; }

    /// <summary>The sample built as is and, in a copy, fixed for SMTP001 and SMTP002 and built; made by the first test that asks.</summary>
    public SampleBuilds Samples => samples.Value;

    /// <summary>A new folder for one consumer scenario, below the isolated work folder.</summary>
    public string CreateWorkFolder(string name)
    {
        var path = Path.Combine(WorkRoot, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs dotnet for a consumer project: packages restore into this run's own packages folder.</summary>
    public ProcessResult RunConsumer(string workingDirectory, params string[] arguments) =>
        DotNet.Run(workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder }, arguments);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SMTPANALYZERS_KEEP_TEST_FILES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner; never fail a run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SmtpAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SmtpAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyRepository(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(".git", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(destination, name));
            }
        }

        foreach (var folder in CopiedFolders)
        {
            CopySources(Path.Combine(source, folder), Path.Combine(destination, folder));
        }
    }

    /// <summary>Copies a source tree without build output (bin/, obj/).</summary>
    private static void CopySources(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or "TestResults")
            {
                continue;
            }

            CopySources(directory, Path.Combine(destination, name));
        }
    }
}
