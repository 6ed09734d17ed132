using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Rules;
using Xunit;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>Broken and half-typed code must never make SMTP004-SMTP007 throw (AD0001).</summary>
public class SMTP004To007RobustnessTests
{
    [Fact]
    public async Task Broken_code_does_not_crash_the_analyzers()
    {
        const string Source = @"
using System.IO;
class SmtpSession : UnknownBase
{
    private readonly StreamWriter writer = new StreamWriter(missing) { NewLine = };
    private readonly StreamReader reader;
    void A() => writer.WriteLine(""250 OK"";
    void B() => writer.WriteLine(""250 {0}"", );
    void C() => undefined.WriteLine(""250 OK"");
    void D() => writer.Write(""550 2.1.1 x\n"" + );
    void E() => new SmtpResponse(550, ""2.1.1 x"");
    void F() { string line; if ((line = reader.ReadLine()) == ""."") { } if (line.IndexOf(""\n.\n"") > 0) {} }
    void G() => writer.Write($""550 2.1.{ }\n"");
    void H() => writer.Write(""250 OK"" + Environment.NewLine);
    void I() => sb.AppendLine(""250-x"").AppendLine();
    void J() => writer.Write(@""550 2.1.1 """" x"" + '\n');
    void K() => writer.Write(""""""550 2.1.1 raw"""""" + ""\r"");
    void L() => writer.Write(""\U0001F600 550 2.1.1\n"");
";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("broken", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SMTP004EnhancedStatusCodeAnalyzer(), new SMTP005LineEndingAnalyzer(), new SMTP007DataTerminatorAnalyzer());
        Exception? thrown = null;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => thrown ??= exception,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.Null(thrown);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == "SMTP004");
    }
}
