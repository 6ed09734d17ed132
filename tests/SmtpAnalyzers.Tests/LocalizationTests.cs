using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Constants;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Rules;
using SmtpAnalyzers.Tests.Docs;
using Xunit;

namespace SmtpAnalyzers.Tests;

/// <summary>
/// English by default, German for a German UI culture: diagnostic messages (with the German reply-code text from the table),
/// code-fix titles, the satellite assembly, and the real compiler with -preferreduilang (what -p:PreferredUILang passes).
/// </summary>
public class LocalizationTests
{
    private const string Source = @"static class ReplyCodes
{
    public const int Ready = 354;
}

class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnData() => Reply(354, ""go"");
}
";

    private const string EnglishMessage = "Use a named constant for SMTP reply code 354 (Start mail input)";
    private const string GermanMessage = "Benannte Konstante für den SMTP-Antwortcode 354 (Beginn der Nachrichteneingabe) verwenden";

    [Theory]
    [InlineData("de-DE")]
    [InlineData("de-AT")]
    [InlineData("de-CH")]
    [InlineData("de")]
    public async Task Message_is_German_with_the_German_reply_code_title(string culture)
    {
        var diagnostic = await GetDiagnosticAsync();
        Assert.Equal(GermanMessage, diagnostic.GetMessage(new CultureInfo(culture)));
        Assert.Equal("Benannte Konstante für einen SMTP-Antwortcode verwenden", diagnostic.Descriptor.Title.ToString(new CultureInfo(culture)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    [InlineData("ja-JP")]
    public async Task Message_is_English_for_any_other_culture(string culture)
    {
        var diagnostic = await GetDiagnosticAsync();
        Assert.Equal(EnglishMessage, diagnostic.GetMessage(new CultureInfo(culture)));
        Assert.Equal("Use a named constant for an SMTP reply code", diagnostic.Descriptor.Title.ToString(new CultureInfo(culture)));
    }

    [Fact]
    public async Task Message_follows_the_current_UI_culture_when_none_is_given()
    {
        var diagnostic = await GetDiagnosticAsync();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            Assert.Equal(GermanMessage, diagnostic.GetMessage());
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.Equal(EnglishMessage, diagnostic.GetMessage());
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Every_reply_code_title_follows_the_culture()
    {
        foreach (var code in ReplyCodeTable.All)
        {
            Assert.Equal(code.GermanTitle, code.LocalizedTitle.ToString(new CultureInfo("de-DE")));
            Assert.Equal(code.Title, code.LocalizedTitle.ToString(new CultureInfo("en-US")));
            Assert.Equal(code.Title, code.LocalizedTitle.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("de-DE", "'ReplyCodes.Ready' verwenden", "'SmtpReplyCode.StartMailInput' aus der mitgelieferten SMTP-Antwortcode-Tabelle verwenden")]
    [InlineData("en-US", "Use 'ReplyCodes.Ready'", "Use 'SmtpReplyCode.StartMailInput' from the bundled SMTP reply-code table")]
    [InlineData("fr-FR", "Use 'ReplyCodes.Ready'", "Use 'SmtpReplyCode.StartMailInput' from the bundled SMTP reply-code table")]
    public async Task Code_fix_titles_follow_the_UI_culture(string culture, string first, string second)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var titles = await GetFixTitlesAsync();
            Assert.Equal(new[] { first, second }, titles);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void German_satellite_assembly_sits_next_to_the_analyzer()
    {
        var assembly = typeof(Descriptors).Assembly;
        var path = Path.Combine(Path.GetDirectoryName(assembly.Location)!, "de", assembly.GetName().Name + ".resources.dll");
        Assert.True(File.Exists(path), path + " is missing");

        var satellite = assembly.GetSatelliteAssembly(new CultureInfo("de"));
        Assert.Contains("SmtpAnalyzers.Resources.de.resources", satellite.GetManifestResourceNames());
    }

    [Fact]
    public void Compiler_prints_German_with_preferreduilang_de_DE()
    {
        var (_, output) = Tools.Compile(Source, "-preferreduilang:de-DE");
        Assert.Contains("Test.cs(9,28): warning SMTP001: " + GermanMessage, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiler_prints_English_by_default()
    {
        var (_, output) = Tools.Compile(Source, "-preferreduilang:en-US");
        Assert.Contains("Test.cs(9,28): warning SMTP001: " + EnglishMessage, output, StringComparison.Ordinal);
    }

    private static CSharpCompilation CreateCompilation()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
            "Localization",
            new[] { CSharpSyntaxTree.ParseText(Source, path: "Test.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static async Task<Diagnostic> GetDiagnosticAsync()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SMTP001MagicReplyCodeAnalyzer());
        var diagnostics = await CreateCompilation().WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return Assert.Single(diagnostics);
    }

    private static async Task<List<string>> GetFixTitlesAsync()
    {
        using var workspace = new AdhocWorkspace();
        var compilation = CreateCompilation();
        var project = workspace.CurrentSolution
            .AddProject("Localization", "Localization", LanguageNames.CSharp)
            .WithCompilationOptions(compilation.Options)
            .WithMetadataReferences(compilation.References);
        var document = project.AddDocument("Test.cs", SourceText.From(Source));
        project = document.Project
            .AddDocument(ReplyCodeConstantsGenerator.ConstantsHintName, ReplyCodeConstantsGenerator.GetConstantsSource()).Project
            .AddDocument(ReplyCodeConstantsGenerator.EmbeddedAttributeHintName, ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource()).Project;
        document = project.GetDocument(document.Id)!;

        var projectCompilation = (await project.GetCompilationAsync())!;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SMTP001MagicReplyCodeAnalyzer());
        var diagnostic = Assert.Single(await projectCompilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None));

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new SMTP001MagicReplyCodeFixer().RegisterCodeFixesAsync(context);
        return actions.Select(a => a.Title).ToList();
    }
}
