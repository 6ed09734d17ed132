using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SmtpAnalyzers.Constants;
using SmtpAnalyzers.ReplyCodes;
using Xunit;

namespace SmtpAnalyzers.Tests.Generators;

public class ReplyCodeConstantsGeneratorTests
{
    private const string UserCode = @"
namespace App
{
    public class Mailer
    {
        public int Accepted() => SmtpAnalyzers.SmtpReplyCode.Ok;
    }
}
";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    [Fact]
    public async Task PipelineIsCachedOnAnEditThatChangesNoOption()
    {
        var compilation = await CreateCompilationAsync(UserCode);
        var driver = CreateDriver(new Dictionary<string, string>()).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(
            new[] { ReplyCodeConstantsGenerator.EmbeddedAttributeHintName, ReplyCodeConstantsGenerator.ConstantsHintName },
            first.GeneratedSources.Select(s => s.HintName).OrderBy(n => n == ReplyCodeConstantsGenerator.ConstantsHintName).ToArray());

        // An edit to user code: a new member, a changed body. No option and no type the generator looks for changes.
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(UserCode.Replace(
            "public int Accepted() => SmtpAnalyzers.SmtpReplyCode.Ok;",
            "public int Accepted() => SmtpAnalyzers.SmtpReplyCode.Ok + 0;\n        public string Name => \"edited\";"))));
        driver = driver.RunGenerators(edited);
        var second = driver.GetRunResult().Results.Single();

        // The options step is not even re-run; the compilation step re-runs and finds the same answer.
        AssertReasons(second.TrackedSteps["Enabled"], IncrementalStepRunReason.Cached);
        AssertReasons(second.TrackedSteps["ExistingTypes"], IncrementalStepRunReason.Unchanged);

        // So the output step is cached: nothing is regenerated.
        Assert.NotEmpty(second.TrackedOutputSteps);
        foreach (var steps in second.TrackedOutputSteps.Values)
        {
            AssertReasons(steps, IncrementalStepRunReason.Cached);
        }

        Assert.Equal(
            first.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public async Task ChangingTheOptionRerunsTheOutput()
    {
        var compilation = await CreateCompilationAsync(UserCode);
        var driver = CreateDriver(new Dictionary<string, string>()).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string> { [ReplyCodeConstantsGenerator.EnabledProperty] = "false" }));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        AssertReasons(result.TrackedSteps["Enabled"], IncrementalStepRunReason.Modified);
        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData(" false ")]
    public async Task EmitsNothingWhenTurnedOff(string value)
    {
        var compilation = await CreateCompilationAsync("namespace App { public class Mailer { } }");
        var driver = CreateDriver(new Dictionary<string, string> { [ReplyCodeConstantsGenerator.EnabledProperty] = value })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        Assert.Null(output.GetTypeByMetadataName("SmtpAnalyzers.SmtpReplyCode"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("")]
    public async Task EmitsWhenTurnedOnOrLeftEmpty(string value)
    {
        var compilation = await CreateCompilationAsync("namespace App { public class Mailer { } }");
        var driver = CreateDriver(new Dictionary<string, string> { [ReplyCodeConstantsGenerator.EnabledProperty] = value }).RunGenerators(compilation);

        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
    }

    [Fact]
    public async Task GeneratedSourceCompilesAndMatchesTheTable()
    {
        var compilation = await CreateCompilationAsync(UserCode);
        CreateDriver(new Dictionary<string, string>()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var type = output.GetTypeByMetadataName("SmtpAnalyzers.SmtpReplyCode");
        Assert.NotNull(type);
        Assert.Equal(Accessibility.Internal, type!.DeclaredAccessibility);
        Assert.True(type.IsStatic);

        var fields = type.GetMembers().OfType<IFieldSymbol>().ToList();
        Assert.Equal(ReplyCodeTable.All.Length, fields.Count);
        foreach (var code in ReplyCodeTable.All)
        {
            var field = Assert.Single(fields, f => f.Name == code.Name);
            Assert.True(field.IsConst);
            Assert.Equal(SpecialType.System_Int32, field.Type.SpecialType);
            Assert.Equal(code.Value, field.ConstantValue);
        }

        // The generated text is the one the verifier and the docs use.
        var generated = output.SyntaxTrees.Single(t => t.FilePath.EndsWith(ReplyCodeConstantsGenerator.ConstantsHintName, System.StringComparison.Ordinal));
        Assert.Equal(ReplyCodeConstantsGenerator.GetConstantsSource(), generated.GetText().ToString());
    }

    private static void AssertReasons(ImmutableArray<IncrementalGeneratorRunStep> steps, IncrementalStepRunReason expected)
    {
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            Assert.NotEmpty(step.Outputs);
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.Equal(expected, reason);
            }
        }
    }

    private static GeneratorDriver CreateDriver(Dictionary<string, string> globalOptions) => CSharpGeneratorDriver.Create(
        new[] { new ReplyCodeConstantsGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        optionsProvider: new TestOptionsProvider(globalOptions),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static async Task<Compilation> CreateCompilationAsync(string source)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "GeneratorTest",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "/App.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions options;

        public TestOptionsProvider(Dictionary<string, string> values)
        {
            options = new TestOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> values;

        public TestOptions(Dictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
