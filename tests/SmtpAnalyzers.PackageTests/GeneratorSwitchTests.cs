using System.IO;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>The MSBuild property SmtpAnalyzersGenerateReplyCodes=false (made visible by the package's props) turns the constants off.</summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratorSwitchTests
{
    private readonly PackageFixture fixture;

    public GeneratorSwitchTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void SmtpAnalyzersGenerateReplyCodes_false_removes_the_constants()
    {
        var folder = fixture.CreateWorkFolder("generator-off");
        File.WriteAllText(Path.Combine(folder, "NoConstants.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <SmtpAnalyzersGenerateReplyCodes>false</SmtpAnalyzersGenerateReplyCodes>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""SmtpAnalyzers"" Version=""{fixture.Version}"" PrivateAssets=""all"" />
  </ItemGroup>
</Project>
");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(SmtpAnalyzers.SmtpReplyCode.StartMailInput);\n");
        var generated = Path.Combine(folder, "obj", "Debug", "net10.0", "generated", "SmtpAnalyzers.Analyzers", "SmtpAnalyzers.Constants.ReplyCodeConstantsGenerator");

        var off = fixture.RunConsumer(folder, "build", "-nologo", "-tl:off");
        Assert.True(off.ExitCode != 0, off.ToString());
        BuildAssert.Diagnostics(off, "Program.cs(1,26): error CS0103");
        Assert.False(File.Exists(Path.Combine(generated, "SmtpReplyCode.g.cs")), off.ToString());

        // The same project with the property set to true (a global property wins over the project's) has the constants.
        var on = fixture.RunConsumer(folder, "build", "-nologo", "-tl:off", "-p:SmtpAnalyzersGenerateReplyCodes=true");
        Assert.True(on.ExitCode == 0, on.ToString());
        Assert.True(File.Exists(Path.Combine(generated, "SmtpReplyCode.g.cs")), on.ToString());
        var run = fixture.RunConsumer(folder, "run", "--no-build");
        Assert.Equal("354\n", run.Output);
    }
}
