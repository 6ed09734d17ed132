using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Rules;
using Xunit;

namespace SmtpAnalyzers.Tests.Robustness;

/// <summary>
/// The shipped analyzer tells the driver not to filter its diagnostics for generated code
/// (<see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>): it skips generated declarations and hidden regions itself
/// (<see cref="GeneratedCodeDeclarations"/>). These tests run it twice, as shipped and with the driver's filter switched back
/// on, over code full of generated-code cases: if the driver would drop any diagnostic, the analyzer reports where it must not.
/// </summary>
public class GeneratedCodeAsTheDriverTests
{
    private const string Session = @"
class ProbeSmtpSession
{
    public void Reply(int code, string text) { }
}
";

    /// <summary>Declarations the driver counts as generated code, or nearly so, each with SMTP literals inside.</summary>
    private static IEnumerable<(string Path, string Text)> Probes()
    {
        yield return ("/src/Types.cs", @"
using System;
using System.CodeDom.Compiler;
using G = System.CodeDom.Compiler.GeneratedCodeAttribute;

[GeneratedCode(""tool"", ""1"")]
class GeneratedServer
{
    void OnData(ProbeSmtpSession s) => s.Reply(354, ""354 Start mail input\r\n"");
    class Nested { void OnQuit(ProbeSmtpSession s) => s.Reply(221, ""Bye""); }
}

[GeneratedCode(""tool"", ""1"")]
partial class TwoPartServer { void OnData(ProbeSmtpSession s) => s.Reply(354, ""Go ahead""); }
partial class TwoPartServer { void OnQuit(ProbeSmtpSession s) => s.Reply(221, ""Bye""); }

[G(""tool"", ""1"")]
partial class OnePartServer { void OnData(ProbeSmtpSession s) => s.Reply(354, ""Go ahead""); }

[GeneratedCode(""tool"", ""1"")]
struct GeneratedStruct { int Code => 250; }

[GeneratedCode(""tool"", ""1"")]
interface IGenerated { int Code => 250; }

[GeneratedCode(""tool"", ""1"")]
record GeneratedRecord(ProbeSmtpSession S) { void OnData() => S.Reply(354, ""Go ahead""); }

[GeneratedCode(""tool"", ""1"")]
enum GeneratedCodes { Ok = 250 }

[GeneratedCode(""tool"", ""1"")]
delegate void Handler(int code = 250);
");

        yield return ("/src/Members.cs", @"
using System;
using System.CodeDom.Compiler;

class Server
{
    private readonly ProbeSmtpSession session = new ProbeSmtpSession();

    [GeneratedCode(""tool"", ""1"")]
    void OnData() => session.Reply(354, ""Start mail input"");

    [GeneratedCode(""tool"", ""1"")]
    Server() { session.Reply(220, ""Ready""); }

    [GeneratedCode(""tool"", ""1"")]
    ~Server() { session.Reply(221, ""Bye""); }

    [GeneratedCode(""tool"", ""1"")]
    int Code { get; set; } = 250;

    [GeneratedCode(""tool"", ""1"")]
    int Reply => 421;

    int Accessors
    {
        [GeneratedCode(""tool"", ""1"")]
        get { session.Reply(354, ""Go ahead""); return 0; }
        set { session.Reply(221, ""Bye""); }
    }

    event Action Quit
    {
        [GeneratedCode(""tool"", ""1"")]
        add { session.Reply(221, ""Bye""); }
        remove { session.Reply(221, ""Bye""); }
    }

    [GeneratedCode(""tool"", ""1"")]
    event Action Data = () => new ProbeSmtpSession().Reply(354, ""Go ahead"");

    [field: GeneratedCode(""tool"", ""1"")]
    event Action Rset = () => new ProbeSmtpSession().Reply(250, ""OK"");

    [GeneratedCode(""tool"", ""1"")]
    int first = 250, second = 354;

    [GeneratedCode(""tool"", ""1"")]
    int this[int i] => i == 0 ? 250 : 550;

    [GeneratedCode(""tool"", ""1"")]
    public static Server operator +(Server a, int code) { a.session.Reply(250, ""OK""); return a; }

    [GeneratedCode(""tool"", ""1"")]
    public static implicit operator int(Server s) => 250;

    [return: GeneratedCode(""tool"", ""1"")]
    int OnHelo() { session.Reply(250, ""Hello""); return 0; }

    void OnMail([GeneratedCode(""tool"", ""1"")] int code = 250)
    {
        [GeneratedCode(""tool"", ""1"")]
        void Local() => session.Reply(250, ""OK"");
        Action a = [GeneratedCode(""tool"", ""1"")] () => session.Reply(250, ""OK"");
        Local();
    }

    partial class Inner { }
}

partial class PartialMethods
{
    [GeneratedCode(""tool"", ""1"")]
    partial void OnData(ProbeSmtpSession s);
    partial void OnData(ProbeSmtpSession s) => s.Reply(354, ""Go ahead"");
}
");

        yield return ("/src/Hidden.cs", @"
class HiddenServer
{
    void Before(ProbeSmtpSession s) => s.Reply(250, ""OK"");
#line 10 ""Server.razor""
    void OnData(ProbeSmtpSession s) => s.Reply(354, ""Go ahead"");
#line hidden
    void OnQuit(ProbeSmtpSession s) => s.Reply(221, ""Bye"");
    void OnRset(ProbeSmtpSession s)
    {
#line default
        s.Reply(250, ""OK"");
    }
}
");

        yield return ("/src/Name.g.cs", "class SmtpByName { void A(ProbeSmtpSession s) => s.Reply(354, \"Go\"); }");
        yield return ("/src/Session.cs", Session);
        yield return ("/src/Marker.cs", "// <auto-generated/>\nclass SmtpByMarker { void A(ProbeSmtpSession s) => s.Reply(354, \"Go\"); }");
    }

    [Fact]
    public async Task The_driver_would_drop_none_of_the_diagnostics_as_generated_code()
    {
        var sources = Probes().Concat(RobustnessCorpus.Sources().Where(s => !s.Path.StartsWith("/src/Deep", StringComparison.Ordinal))).ToList();
        var shipped = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(sources), ImmutableArray.Create<DiagnosticAnalyzer>(new SmtpAnalyzer()));
        var filtered = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.CreateCompilation(sources), ImmutableArray.Create<DiagnosticAnalyzer>(new DriverFiltered(new SmtpAnalyzer())));
        Assert.Empty(shipped.Exceptions);
        Assert.Empty(filtered.Exceptions);

        var expected = AnalyzerHarness.Describe(filtered.Diagnostics);
        var actual = AnalyzerHarness.Describe(shipped.Diagnostics);
        Assert.True(expected.SequenceEqual(actual), "reported, but the driver drops them as generated code:\n" + string.Join("\n", actual.Except(expected)));

        // The probes hold hand-written SMTP code too: the comparison is not between two empty lists.
        Assert.Contains(actual, d => d.StartsWith("/src/Members.cs", StringComparison.Ordinal));
        Assert.Contains(actual, d => d.StartsWith("/src/Hidden.cs", StringComparison.Ordinal));
        Assert.Contains(actual, d => d.StartsWith("/src/Types.cs", StringComparison.Ordinal));
    }

    /// <summary>The analyzer, with the driver's generated-code filter of diagnostics switched on (<see cref="GeneratedCodeAnalysisFlags.None"/>).</summary>
#pragma warning disable RS1001, RS1025, RS1026 // A test wrapper: never loaded by a driver on its own; the wrapped analyzer configures both.
    private sealed class DriverFiltered : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer inner;

        public DriverFiltered(DiagnosticAnalyzer inner)
        {
            this.inner = inner;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context));

        private sealed class Context : AnalysisContext
        {
            private readonly AnalysisContext inner;

            public Context(AnalysisContext inner)
            {
                this.inner = inner;
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

            public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => inner.RegisterCompilationStartAction(action);

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationAction(action);

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(action);

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(action, symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => inner.RegisterCodeBlockStartAction(action);

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(action);

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(action);

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => inner.RegisterSyntaxNodeAction(action, syntaxKinds);
        }
    }
#pragma warning restore RS1001, RS1025, RS1026
}
