using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackageFixture fixture;

    public PackageContentTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Package_holds_exactly_the_analyzers_props_and_readme()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        // The Open Packaging Conventions parts every .nupkg has, whatever it holds.
        var packaging = entries.Where(e => e is "[Content_Types].xml" or "_rels/.rels" || (e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && e.EndsWith(".psmdcp", StringComparison.Ordinal))).ToList();
        Assert.Equal(3, packaging.Count);

        Assert.Equal(
            new[]
            {
                "README.md",
                "SmtpAnalyzers.nuspec",
                "analyzers/dotnet/cs/SmtpAnalyzers.Analyzers.dll",
                "analyzers/dotnet/cs/SmtpAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/de/SmtpAnalyzers.Analyzers.resources.dll",
                "build/SmtpAnalyzers.Configuration.props",
                "build/SmtpAnalyzers.Default.globalconfig",
                "build/SmtpAnalyzers.None.globalconfig",
                "build/SmtpAnalyzers.Strict.globalconfig",
                "build/SmtpAnalyzers.props",
                "buildTransitive/SmtpAnalyzers.Configuration.props",
                "buildTransitive/SmtpAnalyzers.Default.globalconfig",
                "buildTransitive/SmtpAnalyzers.None.globalconfig",
                "buildTransitive/SmtpAnalyzers.Strict.globalconfig",
                "buildTransitive/SmtpAnalyzers.props",
            },
            entries.Except(packaging).OrderBy(e => e, StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_with_license_readme_and_links()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        using var stream = zip.GetEntry("SmtpAnalyzers.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("SmtpAnalyzers", Value("id"));
        Assert.Equal(fixture.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("https://github.com/SmtpAnalyzers/SmtpAnalyzers", Value("projectUrl"));
        Assert.Equal("https://github.com/SmtpAnalyzers/SmtpAnalyzers", (string?)metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url"));
        Assert.Contains("SMTP001", Value("description"));
        Assert.Contains("smtp", Value("tags").Split(' '));
        Assert.StartsWith(fixture.Version + ":", Value("releaseNotes"));

        // Nothing for user projects to restore or ship at run time.
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName is "dependencies" or "frameworkAssemblies" or "frameworkReferences");
    }

    [Fact]
    public void Readme_and_props_in_the_package_are_the_repository_files()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "README.md")), Read(zip, "README.md"));
        var props = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "src", "SmtpAnalyzers.Package", "build", "SmtpAnalyzers.props"));
        Assert.Equal(props, Read(zip, "build/SmtpAnalyzers.props"));
        Assert.Equal(props, Read(zip, "buildTransitive/SmtpAnalyzers.props"));
        Assert.Contains("<CompilerVisibleProperty Include=\"SmtpAnalyzersGenerateReplyCodes\" />", props);
    }

    [Fact]
    public void Analyzer_assemblies_target_netstandard20_and_the_Roslyn_floor()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        foreach (var name in new[] { "SmtpAnalyzers.Analyzers", "SmtpAnalyzers.CodeFixes" })
        {
            var reader = Metadata(zip, $"analyzers/dotnet/cs/{name}.dll");
            var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).ToDictionary(r => reader.GetString(r.Name), r => r.Version);
            Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
        }

        var satellite = Metadata(zip, "analyzers/dotnet/cs/de/SmtpAnalyzers.Analyzers.resources.dll").GetAssemblyDefinition();
        var satelliteReader = Metadata(zip, "analyzers/dotnet/cs/de/SmtpAnalyzers.Analyzers.resources.dll");
        Assert.Equal("SmtpAnalyzers.Analyzers.resources", satelliteReader.GetString(satellite.Name));
        Assert.Equal("de", satelliteReader.GetString(satellite.Culture));
    }

    [Fact]
    public void Packing_again_gives_the_same_bytes()
    {
        var secondFeed = Path.Combine(fixture.Root, "feed-again");
        var result = DotNet.Run(fixture.RepositoryCopy, null, "pack", "src/SmtpAnalyzers.Package", "-c", "Release", "-o", secondFeed, "-nologo", "-tl:off");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(fixture.PackagePath), File.ReadAllBytes(Path.Combine(secondFeed, Path.GetFileName(fixture.PackagePath))));
    }

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static MetadataReader Metadata(ZipArchive zip, string entry)
    {
        var bytes = new MemoryStream();
        using (var stream = zip.GetEntry(entry)!.Open())
        {
            stream.CopyTo(bytes);
        }

        // The PEReader owns the bytes for the life of the test process; these are small.
        var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(bytes.ToArray()));
        return pe.GetMetadataReader();
    }
}
