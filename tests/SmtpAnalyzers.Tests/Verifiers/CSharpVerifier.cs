using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Constants;

namespace SmtpAnalyzers.Tests.Verifiers;

/// <summary>
/// Analyzer and code-fix verification for every rule: .NET 8 reference assemblies, the bundled constants present as
/// the generator makes them, and the latest C# language version unless a test says otherwise.
/// </summary>
public static class CSharpVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    /// <summary>Asserts exactly the diagnostics in the markup (and <paramref name="expected"/>), and no other.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, source);
        test.ExpectedDiagnostics.AddRange(expected);
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        test.FixedState.Sources.Clear();
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts the diagnostics in the markup, then the exact fixed source, with the fix registered first (or the one with the key).</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, string? editorConfig = null)
    {
        var test = CreateTest(source, fixedSource, editorConfig);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync(CancellationToken.None);
    }

    public static Test CreateTest(string source, string fixedSource, string? editorConfig = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,

            // A rule may have several messages (several descriptors with one ID); markup names the ID only.
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };

        test.TestState.Sources.Add((ReplyCodeConstantsGenerator.ConstantsHintName, ReplyCodeConstantsGenerator.GetConstantsSource()));
        test.FixedState.Sources.Add((ReplyCodeConstantsGenerator.ConstantsHintName, ReplyCodeConstantsGenerator.GetConstantsSource()));
        test.TestState.Sources.Add((ReplyCodeConstantsGenerator.EmbeddedAttributeHintName, ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource()));
        test.FixedState.Sources.Add((ReplyCodeConstantsGenerator.EmbeddedAttributeHintName, ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource()));
        if (editorConfig is not null)
        {
            var config = "root = true\n\n[*.cs]\n" + editorConfig + "\n";
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        }

        return test;
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions()
        {
            var options = (CSharpCompilationOptions)base.CreateCompilationOptions();
            return options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Unused locals and such in small test snippets are not what the tests are about.
                ["CS0168"] = ReportDiagnostic.Suppress,
                ["CS0219"] = ReportDiagnostic.Suppress,
                ["CS8321"] = ReportDiagnostic.Suppress,
            });
        }
    }
}
