using System.IO;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>
/// Two projects that both use the package and its SmtpReplyCode constants, the first one's internals visible to the
/// second: each gets its own generated constants, and the second must not see the first one's copy (CS0436).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class InternalsVisibleToSolutionTests
{
    private const string GatewaySource = @"using SmtpAnalyzers;

namespace MailCore;

internal sealed class SmtpGateway
{
    public int LastCode { get; private set; }

    public void Reply(int code, string text) => LastCode = code;

    public bool Accept(string recipient)
    {
        if (recipient.Length == 0)
        {
            Reply(501, ""Syntax error in parameters"");
            return false;
        }

        Reply(SmtpReplyCode.Ok, ""OK"");
        return true;
    }
}
";

    private const string RelaySource = @"using MailCore;
using SmtpAnalyzers;

var gateway = new SmtpGateway();
gateway.Accept(""postmaster@example.org"");
Console.WriteLine(SmtpRelay.Handle(gateway, ""DATA""));

internal static class SmtpRelay
{
    public static int Handle(SmtpGateway gateway, string command)
    {
        switch (command)
        {
            case ""DATA"":
                gateway.Reply(354, ""Start mail input"");
                break;
            case ""QUIT"":
                gateway.Reply(SmtpReplyCode.ServiceClosingTransmissionChannel, ""Bye"");
                break;
        }

        return gateway.LastCode;
    }
}
";

    private readonly PackageFixture fixture;

    public InternalsVisibleToSolutionTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Warnings_as_errors_solution_fails_then_dotnet_format_fixes_both_projects_and_it_builds_without_CS0436()
    {
        var folder = fixture.CreateWorkFolder("internals-visible-to");
        Directory.CreateDirectory(Path.Combine(folder, "MailCore"));
        Directory.CreateDirectory(Path.Combine(folder, "MailRelay"));
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), $@"<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""SmtpAnalyzers"" Version=""{fixture.Version}"" PrivateAssets=""all"" />
  </ItemGroup>
</Project>
");
        File.WriteAllText(Path.Combine(folder, "MailCore", "MailCore.csproj"), @"<Project Sdk=""Microsoft.NET.Sdk"">
  <ItemGroup>
    <InternalsVisibleTo Include=""MailRelay"" />
  </ItemGroup>
</Project>
");
        File.WriteAllText(Path.Combine(folder, "MailRelay", "MailRelay.csproj"), @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include=""..\MailCore\MailCore.csproj"" />
  </ItemGroup>
</Project>
");
        File.WriteAllText(Path.Combine(folder, "MailCore", "SmtpGateway.cs"), GatewaySource);
        File.WriteAllText(Path.Combine(folder, "MailRelay", "Program.cs"), RelaySource);
        Succeeds(fixture.RunConsumer(folder, "new", "sln", "--name", "Relay"));
        var solution = Directory.GetFiles(folder, "Relay.sln*")[0];
        Succeeds(fixture.RunConsumer(folder, "sln", solution, "add", Path.Combine("MailCore", "MailCore.csproj"), Path.Combine("MailRelay", "MailRelay.csproj")));

        // MailCore fails, so MailRelay is not compiled at all: its magic code shows in what dotnet format changes.
        var failed = fixture.RunConsumer(folder, "build", solution, "-nologo", "-tl:off");
        Assert.True(failed.ExitCode != 0, failed.ToString());
        BuildAssert.Diagnostics(failed, "MailCore/SmtpGateway.cs(15,19): error SMTP001");

        var format = fixture.RunConsumer(folder, "format", "analyzers", solution, "--diagnostics", "SMTP001", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Equal(
            GatewaySource.Replace("Reply(501, ", "Reply(SmtpReplyCode.SyntaxErrorInParameters, "),
            File.ReadAllText(Path.Combine(folder, "MailCore", "SmtpGateway.cs")));
        Assert.Equal(
            RelaySource.Replace("gateway.Reply(354, ", "gateway.Reply(SmtpReplyCode.StartMailInput, "),
            File.ReadAllText(Path.Combine(folder, "MailRelay", "Program.cs")));

        var passed = fixture.RunConsumer(folder, "build", solution, "-nologo", "-tl:off");
        Assert.True(passed.ExitCode == 0, passed.ToString());
        BuildAssert.Diagnostics(passed);
        Assert.DoesNotContain("CS0436", passed.Output);
        Assert.Contains("0 Warning(s)", passed.Output);

        var run = fixture.RunConsumer(folder, "run", "--no-build", "--project", Path.Combine("MailRelay", "MailRelay.csproj"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("354\n", run.Output);
    }

    private static void Succeeds(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());
}
