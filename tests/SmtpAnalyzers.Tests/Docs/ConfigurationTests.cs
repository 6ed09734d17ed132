using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using SmtpAnalyzers.Smtp;
using Xunit;

namespace SmtpAnalyzers.Tests.Docs;

public class ConfigurationTests
{
    /// <summary>An SMTP reply code the analyzer flags: line 4, column 23.</summary>
    private const string FlaggedSource = @"class SmtpSession
{
    public void Reply(int code, string text) { }
    void M() => Reply(354, ""go"");
}
";

    public static TheoryData<string> ModeNames()
    {
        var data = new TheoryData<string>();
        foreach (var mode in ConfigurationFiles.Modes)
        {
            data.Add(mode.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModeNames))]
    public void Global_config_file_is_current(string modeName)
    {
        var mode = ConfigurationFiles.Modes.Single(m => m.Name == modeName);
        Repository.AssertGenerated(ConfigurationFiles.PathOf(mode), ConfigurationFiles.Build(mode));
    }

    [Fact]
    public void Configuration_folder_holds_exactly_the_mode_files_and_the_props_names_each()
    {
        var folder = Repository.PathOf(ConfigurationFiles.Folder);
        var files = Directory.GetFiles(folder, "*.globalconfig").Select(f => ConfigurationFiles.Folder + Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(ConfigurationFiles.Modes.Select(ConfigurationFiles.PathOf).OrderBy(f => f, StringComparer.Ordinal), files);

        var props = Repository.Read(ConfigurationFiles.PropsPath);
        foreach (var mode in ConfigurationFiles.Modes)
        {
            Assert.Contains("$(MSBuildThisFileDirectory)SmtpAnalyzers." + mode.Name + ".globalconfig", props, StringComparison.Ordinal);
            Assert.Contains("'$(SmtpAnalyzersMode)' == '" + mode.Name + "'", props, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, "Default")]
    [InlineData("Default", "Default")]
    [InlineData("Strict", "Strict")]
    [InlineData("strict", "Strict")]
    [InlineData("None", "None")]
    [InlineData("Bogus", null)]
    public void Props_picks_one_global_config_by_SmtpAnalyzersMode(string? property, string? expectedMode)
    {
        var arguments = property is null
            ? new[] { "-getItem:GlobalAnalyzerConfigFiles" }
            : new[] { "-getItem:GlobalAnalyzerConfigFiles", "-p:SmtpAnalyzersMode=" + property };
        var (exitCode, output) = Tools.MSBuild(Repository.PathOf(ConfigurationFiles.PropsPath), arguments);
        Assert.True(exitCode == 0, output);

        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("Items").GetProperty("GlobalAnalyzerConfigFiles").EnumerateArray()
            .Select(i => Path.GetFileName(i.GetProperty("FullPath").GetString()!))
            .ToList();
        if (expectedMode is null)
        {
            Assert.Empty(items);
        }
        else
        {
            Assert.Equal(new[] { "SmtpAnalyzers." + expectedMode + ".globalconfig" }, items);
        }
    }

    [Fact]
    public void Props_warns_about_an_unknown_mode()
    {
        var (exitCode, output) = Tools.MSBuild(Repository.PathOf(ConfigurationFiles.PropsPath), "-t:SmtpAnalyzersCheckMode", "-p:SmtpAnalyzersMode=Bogus");
        Assert.True(exitCode == 0, output);
        Assert.Contains("warning SMTPCONFIG001: SmtpAnalyzersMode is 'Bogus'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Default", "warning SMTP001")]
    [InlineData("Strict", "error SMTP001")]
    [InlineData("None", null)]
    public void Compiler_applies_each_global_config(string modeName, string? expected)
    {
        var mode = ConfigurationFiles.Modes.Single(m => m.Name == modeName);
        var (_, output) = Tools.Compile(FlaggedSource, "-analyzerconfig:" + Repository.PathOf(ConfigurationFiles.PathOf(mode)));
        if (expected is null)
        {
            Assert.DoesNotContain("SMTP001", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Test.cs(4,23): " + expected + ":", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("dotnet_diagnostic.SMTP001.severity = warning", "warning SMTP001")]
    [InlineData("dotnet_diagnostic.SMTP001.severity = none", null)]
    public void Editorconfig_severity_for_a_rule_wins_over_strict_mode(string setting, string? expected)
    {
        var strict = Repository.PathOf(ConfigurationFiles.PathOf(ConfigurationFiles.Modes.Single(m => m.Name == "Strict")));
        var (_, output) = Tools.CompileWithEditorConfig(FlaggedSource, "root = true\n\n[*.cs]\n" + setting + "\n", "-analyzerconfig:" + strict);
        if (expected is null)
        {
            Assert.DoesNotContain("SMTP001", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Test.cs(4,23): " + expected + ":", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Category_setting_does_not_beat_strict_mode_so_the_docs_say_to_set_each_rule()
    {
        // Documented in docs/configuration.md: a rule's own entry in a global config beats a category-wide .editorconfig entry.
        var strict = Repository.PathOf(ConfigurationFiles.PathOf(ConfigurationFiles.Modes.Single(m => m.Name == "Strict")));
        var (_, output) = Tools.CompileWithEditorConfig(FlaggedSource, "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-SMTP.severity = none\n", "-analyzerconfig:" + strict);
        Assert.Contains("Test.cs(4,23): error SMTP001:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Category_setting_works_in_default_mode()
    {
        var defaults = Repository.PathOf(ConfigurationFiles.PathOf(ConfigurationFiles.Modes.Single(m => m.Name == "Default")));
        var (_, output) = Tools.CompileWithEditorConfig(FlaggedSource, "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-SMTP.severity = error\n", "-analyzerconfig:" + defaults);
        Assert.Contains("Test.cs(4,23): error SMTP001:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_page_lists_every_rule_with_its_severity()
    {
        Repository.AssertGenerated(ConfigurationDocument.RelativePath, ConfigurationDocument.Build(Repository.Read(ConfigurationDocument.RelativePath)));
    }

    [Fact]
    public void Configuration_page_documents_every_option_and_msbuild_property()
    {
        var page = Repository.Read(ConfigurationDocument.RelativePath);
        var keys = typeof(SmtpOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.StartsWith("smtp_analyzers.", key, StringComparison.Ordinal);
            Assert.Contains("`" + key + "`", page, StringComparison.Ordinal);
        }

        foreach (var property in new[] { "SmtpAnalyzersMode", "SmtpAnalyzersGenerateReplyCodes", "TreatWarningsAsErrors", "dotnet format analyzers" })
        {
            Assert.Contains(property, page, StringComparison.Ordinal);
        }
    }
}
