using System.IO;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>
/// From the installed package: messages in English by default and in German with -p:PreferredUILang=de-DE (the
/// satellite assembly inside the package), and the ready-made configurations chosen with SmtpAnalyzersMode.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LanguageAndModeTests
{
    private const string Source = @"class SmtpSession
{
    public void Reply(int code, string text) { }

    public void OnData() => Reply(354, ""go ahead"");
}
";

    private readonly PackageFixture fixture;

    public LanguageAndModeTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Messages_are_English_by_default_and_German_with_PreferredUILang_de()
    {
        var folder = CreateProject("language");

        var english = fixture.RunConsumer(folder, "build", "--no-incremental", "-nologo", "-tl:off");
        Assert.True(english.ExitCode == 0, english.ToString());
        Assert.Contains("SmtpSession.cs(5,35): warning SMTP001: Use a named constant for SMTP reply code 354 (Start mail input)", english.Output);

        var german = fixture.RunConsumer(folder, "build", "--no-incremental", "-nologo", "-tl:off", "-p:PreferredUILang=de-DE");
        Assert.True(german.ExitCode == 0, german.ToString());
        Assert.Contains("SmtpSession.cs(5,35): warning SMTP001: Benannte Konstante für den SMTP-Antwortcode 354 (Beginn der Nachrichteneingabe) verwenden", german.Output);
    }

    [Fact]
    public void SmtpAnalyzersMode_Strict_makes_rules_errors_and_None_turns_them_off()
    {
        var folder = CreateProject("mode");

        var strict = fixture.RunConsumer(folder, "build", "--no-incremental", "-nologo", "-tl:off", "-p:SmtpAnalyzersMode=Strict");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Contains("SmtpSession.cs(5,35): error SMTP001:", strict.Output);

        var none = fixture.RunConsumer(folder, "build", "--no-incremental", "-nologo", "-tl:off", "-p:SmtpAnalyzersMode=None");
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.DoesNotContain("SMTP001", none.Output);
    }

    [Fact]
    public void A_project_without_SMTP_code_sees_nothing()
    {
        var folder = CreateProject("no-smtp");
        File.Delete(Path.Combine(folder, "SmtpSession.cs"));
        File.WriteAllText(Path.Combine(folder, "Web.cs"), @"using System.Net;
using System.Threading.Tasks;

public class OrderService
{
    public int Status;

    public async Task<HttpStatusCode> PlaceAsync(int code)
    {
        await Task.Delay(250);
        var buffer = new byte[500];
        Status = 550;
        if (code == 354 || code >= 500) return (HttpStatusCode)503;
        System.Console.WriteLine(""250 orders processed\n"");
        return buffer.Length == 500 ? HttpStatusCode.OK : (HttpStatusCode)500;
    }
}
");
        var build = fixture.RunConsumer(folder, "build", "--no-incremental", "-nologo", "-tl:off", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("SMTP0", build.Output);
        Assert.Contains("0 Warning(s)", build.Output);
    }

    private string CreateProject(string name)
    {
        var folder = fixture.CreateWorkFolder(name);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>Library</OutputType>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""SmtpAnalyzers"" Version=""{fixture.Version}"" PrivateAssets=""all"" />
  </ItemGroup>
</Project>
");
        File.WriteAllText(Path.Combine(folder, "SmtpSession.cs"), Source);
        return folder;
    }
}
