using System.IO;

namespace SmtpAnalyzers.PackageTests.Infrastructure;

/// <summary>
/// Once per test run (through <see cref="PackageFixture.Samples"/>), on the fixture's copy of the repository: builds the
/// sample as README says (<c>dotnet build samples/SmtpSample</c>), copies the sample's sources to a sibling folder, fixes
/// the copy with <c>dotnet format analyzers --diagnostics SMTP001 SMTP002</c> and builds it. The original stays unfixed, so
/// tests can run both servers side by side. Each step's result is kept for the tests to assert on.
/// </summary>
public sealed class SampleBuilds
{
    public const string SampleFolder = "samples/SmtpSample";

    /// <summary>Beside the original, so that the project's relative paths to src/ still hold.</summary>
    public const string FixedFolder = "samples/SmtpSample.Fixed";

    public static readonly string[] SourceFiles = { "Program.cs", "SmtpMailSender.cs", "SmtpSession.cs" };

    public SampleBuilds(string repositoryCopy)
    {
        RepositoryCopy = repositoryCopy;
        OriginalBuild = DotNet.Run(repositoryCopy, null, "build", SampleFolder, "-nologo", "-tl:off");
        if (OriginalBuild.ExitCode != 0)
        {
            return;
        }

        // dotnet format loads the analyzers from the Debug build of src/ that the build above made.
        var fixedSample = Path.Combine(repositoryCopy, FixedFolder);
        Directory.CreateDirectory(fixedSample);
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryCopy, SampleFolder)))
        {
            File.Copy(file, Path.Combine(fixedSample, Path.GetFileName(file)));
        }

        Format = DotNet.Run(repositoryCopy, null, "format", "analyzers", Path.Combine(FixedFolder, "SmtpSample.csproj"), "--diagnostics", "SMTP001", "SMTP002", "--severity", "warn");
        if (Format.ExitCode != 0)
        {
            return;
        }

        FixedBuild = DotNet.Run(repositoryCopy, null, "build", FixedFolder, "-nologo", "-tl:off");
    }

    public string RepositoryCopy { get; }

    public ProcessResult OriginalBuild { get; }

    /// <summary>Null when the original build failed.</summary>
    public ProcessResult? Format { get; }

    /// <summary>Null when the original build or the format failed.</summary>
    public ProcessResult? FixedBuild { get; }

    public string OriginalSample => Path.Combine(RepositoryCopy, SampleFolder);

    public string FixedSample => Path.Combine(RepositoryCopy, FixedFolder);

    public string OriginalAssembly => Path.Combine(OriginalSample, "bin", "Debug", "net10.0", "SmtpSample.dll");

    public string FixedAssembly => Path.Combine(FixedSample, "bin", "Debug", "net10.0", "SmtpSample.dll");

    /// <summary>Fails the calling test with the whole output of the first step that failed.</summary>
    public void AssertBuilt()
    {
        Xunit.Assert.True(OriginalBuild.ExitCode == 0, OriginalBuild.ToString());
        Xunit.Assert.True(Format is { ExitCode: 0 }, Format?.ToString());
        Xunit.Assert.True(FixedBuild is { ExitCode: 0 }, FixedBuild?.ToString());
    }
}
