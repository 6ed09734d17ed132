using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpAnalyzers.Smtp;
using Xunit;

namespace SmtpAnalyzers.Tests.Smtp;

/// <summary>SmtpSemantics.IsSmtpText: every string literal whose value starts with a digit is asked; the snippet says what it expects.</summary>
public class SmtpTextTests
{
    private static readonly MetadataReference[] References = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll" or "System.Net.Sockets.dll" or "System.Net.Primitives.dll"
            or "System.Net.Security.dll" or "System.Collections.dll" or "System.Console.dll" or "System.Net.Mail.dll" or "System.Text.Encoding.Extensions.dll"
            or "System.Diagnostics.Debug.dll" or "System.Diagnostics.TraceSource.dll" or "System.Runtime.Extensions.dll" or "System.Memory.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    private static Dictionary<string, bool> Classify(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("t", new[] { tree }, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var smtp = SmtpSemantics.Create(compilation, null);
        var result = new Dictionary<string, bool>();
        foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
        {
            var value = literal.Token.ValueText;
            if (value.Length > 0 && char.IsDigit(value[0]))
            {
                result[value] = smtp.IsSmtpText(literal, model, SmtpOptions.Empty, CancellationToken.None);
            }
        }

        return result;
    }

    [Fact]
    public void Text_written_compared_passed_or_stored_in_smtp_types_is_smtp()
    {
        var source = @"
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using System.Collections.Generic;

class SmtpSession
{
    private readonly StreamWriter writer;
    private readonly NetworkStream stream;
    private readonly StreamReader reader;
    private string lastReply;
    public string Greeting => ""220 ready"";
    private static readonly Dictionary<int, string> Replies = new() { { 250, ""250 OK"" }, [550] = ""550 no such user"" };

    public void Reply(string text) { }
    public bool CheckReply(string response, string expected) => true;

    async Task Run(string host)
    {
        await writer.WriteLineAsync(""250 w1"");
        writer.Write(""250-"" + host + ""\r\n"");
        stream.Write(Encoding.ASCII.GetBytes(""354 w2\r\n""));
        var bytes = Encoding.ASCII.GetBytes(string.Format(""221 {0} bye\r\n"", host));
        stream.Write(bytes, 0, bytes.Length);
        Reply(""451 w3"");
        Reply(host == null ? ""501 w4"" : ""502 w5"");
        lastReply = ""421 w6"";
        var sb = new StringBuilder();
        sb.Append(""250-w7"").Append(host);
        await writer.WriteAsync(sb.ToString());
        var line = await reader.ReadLineAsync();
        if (line.StartsWith(""354"")) { }
        if (line.Substring(0, 3) == ""235"") { }
        switch (line.Substring(0, 3)) { case ""334"": break; }
        CheckReply(line, ""221"");
    }
}";
        var result = Classify(source);
        Assert.All(result, pair => Assert.True(pair.Value, pair.Key));
        Assert.Equal(16, result.Count);
    }

    [Fact]
    public void Console_logs_exceptions_and_foreign_protocols_are_not_smtp()
    {
        var source = @"
using System;
using System.Diagnostics;
using System.IO;
using System.Net.Mail;

class SmtpServer
{
    private readonly StreamWriter writer;
    void Log(string message) { }
    void Run(int n)
    {
        Console.WriteLine(""250 messages processed"");
        Console.Out.WriteLine(""250 console"");
        Debug.WriteLine(""250 debug"");
        Trace.WriteLine(""250 trace"");
        Log(""250 log"");
        var version = ""2.5.0"";
        throw new SmtpException(""550 exception"");
    }
}

class FtpServer
{
    private readonly StreamWriter writer;
    void Run() { writer.WriteLine(""550 File not found""); }
}

class HttpHandler
{
    private readonly StreamWriter writer;
    void Run() { writer.WriteLine(""500 Internal Server Error""); }
}

class Report
{
    private readonly StreamWriter writer;
    string Status => ""250 rows"";
    void Run() { writer.WriteLine(""250 rows written""); }
}";
        var result = Classify(source);
        Assert.All(result, pair => Assert.False(pair.Value, pair.Key));
        Assert.Equal(11, result.Count);
    }
}
