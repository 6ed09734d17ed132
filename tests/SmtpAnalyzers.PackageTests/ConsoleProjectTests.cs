using System.IO;
using System.Linq;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>A fresh <c>dotnet new console</c> project gets the package with <c>dotnet add package</c>, as README says.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsoleProjectTests
{
    private const string ProgramSource = @"using System.Net.Mail;
using MailTool;

var probe = new SmtpProbe();
Console.WriteLine(probe.Describe(250));
try
{
    probe.Fail();
}
catch (SmtpException ex) when ((int)ex.StatusCode == 421)
{
    Console.WriteLine(""closing"");
}
";

    private const string FixedProgramSource = @"using System.Net.Mail;
using MailTool;
using SmtpAnalyzers;

var probe = new SmtpProbe();
Console.WriteLine(probe.Describe(SmtpReplyCode.Ok));
try
{
    probe.Fail();
}
catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
{
    Console.WriteLine(""closing"");
}
";

    private const string ProbeSource = @"using System.Net.Mail;

namespace MailTool;

public sealed class SmtpProbe
{
    public int LastReplyCode { get; private set; }

    public string Describe(int code) => code switch
    {
        250 => ""OK"",
        354 => ""Start mail input"",
        _ => ""Other"",
    };

    public bool IsReady(string greeting) => int.Parse(greeting.Substring(0, 3)) == 220;

    public void Fail() => throw new SmtpException((SmtpStatusCode)421, ""Service not available"");

    public void Reset() => LastReplyCode = 250;

    // Not SMTP reply codes: no warning.
    public Task PauseAsync() => Task.Delay(250);

    public bool IsPermanent(int code) => code >= 500;
}
";

    private const string FixedProbeSource = @"using System.Net.Mail;
using SmtpAnalyzers;

namespace MailTool;

public sealed class SmtpProbe
{
    public int LastReplyCode { get; private set; }

    public string Describe(int code) => code switch
    {
        SmtpReplyCode.Ok => ""OK"",
        SmtpReplyCode.StartMailInput => ""Start mail input"",
        _ => ""Other"",
    };

    public bool IsReady(string greeting) => int.Parse(greeting.Substring(0, 3)) == SmtpReplyCode.ServiceReady;

    public void Fail() => throw new SmtpException(SmtpStatusCode.ServiceNotAvailable, ""Service not available"");

    public void Reset() => LastReplyCode = SmtpReplyCode.Ok;

    // Not SMTP reply codes: no warning.
    public Task PauseAsync() => Task.Delay(250);

    public bool IsPermanent(int code) => code >= 500;
}
";

    private readonly PackageFixture fixture;

    public ConsoleProjectTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Warnings_as_errors_build_fails_then_dotnet_format_fixes_every_code_and_the_build_passes()
    {
        var folder = fixture.CreateWorkFolder("console");
        Succeeds(fixture.RunConsumer(folder, "new", "console", "--name", "MailTool", "--output", "MailTool", "--no-restore"));
        var project = Path.Combine(folder, "MailTool");
        Succeeds(fixture.RunConsumer(project, "add", "package", "SmtpAnalyzers", "--version", fixture.Version));

        // A development dependency: dotnet add package marks it private, so it never flows to the project's consumers.
        var projectFile = File.ReadAllText(Path.Combine(project, "MailTool.csproj"));
        Assert.Contains($"<PackageReference Include=\"SmtpAnalyzers\" Version=\"{fixture.Version}\">", projectFile);
        Assert.Contains("<PrivateAssets>all</PrivateAssets>", projectFile);
        Assert.True(File.Exists(Path.Combine(fixture.PackagesFolder, "smtpanalyzers", fixture.Version, $"smtpanalyzers.{fixture.Version}.nupkg")), "restored into this run's own packages folder");

        File.WriteAllText(Path.Combine(project, "Program.cs"), ProgramSource);
        File.WriteAllText(Path.Combine(project, "SmtpProbe.cs"), ProbeSource);

        var failed = fixture.RunConsumer(project, "build", "-p:TreatWarningsAsErrors=true", "-nologo", "-tl:off");
        Assert.True(failed.ExitCode != 0, failed.ToString());
        BuildAssert.Diagnostics(
            failed,
            "Program.cs(5,34): error SMTP001",
            "Program.cs(10,54): error SMTP001",
            "SmtpProbe.cs(11,9): error SMTP001",
            "SmtpProbe.cs(12,9): error SMTP001",
            "SmtpProbe.cs(16,84): error SMTP001",
            "SmtpProbe.cs(18,67): error SMTP001",
            "SmtpProbe.cs(20,44): error SMTP001");
        Assert.Contains("error SMTP001: Use a named constant for SMTP reply code 354 (Start mail input)", failed.Output);

        var format = fixture.RunConsumer(project, "format", "analyzers", "MailTool.csproj", "--diagnostics", "SMTP001", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Equal(FixedProgramSource, File.ReadAllText(Path.Combine(project, "Program.cs")));
        Assert.Equal(FixedProbeSource, File.ReadAllText(Path.Combine(project, "SmtpProbe.cs")));

        var passed = fixture.RunConsumer(project, "build", "-p:TreatWarningsAsErrors=true", "-nologo", "-tl:off");
        Assert.True(passed.ExitCode == 0, passed.ToString());
        BuildAssert.Diagnostics(passed);
        Assert.Contains("0 Warning(s)", passed.Output);

        // Nothing of the package reaches the build output: no assembly to ship, no runtime dependency.
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        Assert.Empty(Directory.GetFiles(output, "SmtpAnalyzers*", SearchOption.AllDirectories));
        Assert.DoesNotContain("SmtpAnalyzers", File.ReadAllText(Path.Combine(output, "MailTool.deps.json")));

        var run = fixture.RunConsumer(project, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("OK\nclosing\n", run.Output);
    }

    private static void Succeeds(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());
}
