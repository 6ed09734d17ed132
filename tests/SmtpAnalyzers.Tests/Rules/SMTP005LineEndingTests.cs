using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Rules;
using SmtpAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP005LineEndingAnalyzer, SmtpAnalyzers.Rules.SMTP005LineEndingFixer>;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP005LineEndingTests
{
    private const string Head = @"
using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

class SmtpSession
{
    private readonly StreamWriter writer;
    public SmtpSession(Stream stream) { writer = new StreamWriter(stream); }
";

    [Fact]
    public async Task Message_names_what_ends_the_line()
    {
        var source = Head + @"
    void Ok() => writer.Write(""250 OK\n"");
    void Greet() => writer.WriteLine(""220 mail.example.com ESMTP"");
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP005").WithSpan(12, 31, 12, 41).WithMessage("'\\n' does not end this SMTP line with CR LF, as RFC 5321 §2.3.8 requires"),
            Verify.Diagnostic("SMTP005").WithSpan(13, 28, 13, 37).WithMessage("'WriteLine' does not end this SMTP line with CR LF, as RFC 5321 §2.3.8 requires"));
    }

    [Fact]
    public async Task Calls_and_NewLine_in_generated_code_are_not_reported()
    {
        // The rules walk each SMTP file themselves (one semantic-model action, no syntax-node actions); the walk skips
        // [GeneratedCode] declarations as the driver does for syntax-node actions.
        var source = Head + @"
    void A() => writer.{|SMTP005:WriteLine|}(""250 OK"");
    void B() => writer.Write(""250 OK"" + {|SMTP005:Environment.NewLine|});
}

[System.CodeDom.Compiler.GeneratedCode(""tool"", ""1.0"")]
class GeneratedSmtpSession
{
    private readonly StreamWriter writer = StreamWriter.Null;
    void A() => writer.WriteLine(""250 OK"");
}

class PartlyGeneratedSmtpSession
{
    private readonly StreamWriter writer = StreamWriter.Null;

    [System.CodeDom.Compiler.GeneratedCodeAttribute(""tool"", ""1.0"")]
    void A() => writer.WriteLine(""250 OK"");

    void B() => writer.{|SMTP005:WriteLine|}(""250 OK"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Calls_are_found_through_member_access_and_conditional_access()
    {
        var source = Head + @"
    void A() => writer?.{|SMTP005:WriteLine|}(""250 OK"");
    void B() => this.writer.{|SMTP005:WriteLine|}(""250 OK"");
    void C() => writer?.{|SMTP005:WriteLineAsync|}(""250 OK"");
}

class SmtpReplyWriter : StreamWriter
{
    public SmtpReplyWriter(Stream stream) : base(stream) { }

    // A call without a receiver is not looked at.
    void Ok() => WriteLine(""250 OK"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Bare_LF_and_lone_CR_in_literals_become_CRLF()
    {
        var source = Head + @"
    void Ok() => writer.Write({|SMTP005:""250 OK\n""|});
    void Cr() => writer.Write({|SMTP005:""250 OK\r""|});
    void Ehlo() => writer.Write({|SMTP005:""250-mail.example.com\r\n250-SIZE 10240000\n250 8BITMIME\n""|});
    void Quit(TextWriter w) => w.Write({|SMTP005:""QUIT\n""|});
    void Done() => writer.Write(""250 OK\r\n"");
}";
        var fixedSource = Head + @"
    void Ok() => writer.Write(""250 OK\r\n"");
    void Cr() => writer.Write(""250 OK\r\n"");
    void Ehlo() => writer.Write(""250-mail.example.com\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n"");
    void Quit(TextWriter w) => w.Write(""QUIT\r\n"");
    void Done() => writer.Write(""250 OK\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, SMTP005LineEndingFixer.UseCrLfKey);
    }

    [Fact]
    public async Task Interpolated_strings_concatenation_join_and_char()
    {
        var source = Head + @"
    void Hello(string domain) => writer.Write({|SMTP005:$""250 {domain} greets you\n""|});
    void Reply(string reply) => writer.Write(reply + {|SMTP005:""\n""|});
    void Multi(string[] replyLines) => writer.Write(string.Join({|SMTP005:""\n""|}, replyLines) + ""\r\n"");
    void Char(string reply) => writer.Write(reply + {|SMTP005:'\n'|});
}";
        var fixedSource = Head + @"
    void Hello(string domain) => writer.Write($""250 {domain} greets you\r\n"");
    void Reply(string reply) => writer.Write(reply + ""\r\n"");
    void Multi(string[] replyLines) => writer.Write(string.Join(""\r\n"", replyLines) + ""\r\n"");
    void Char(string reply) => writer.Write(reply + ""\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task WriteLine_becomes_Write_with_CRLF()
    {
        var source = Head + @"
    void Greet() => writer.{|SMTP005:WriteLine|}(""220 mail.example.com ESMTP"");
    Task Hello(string domain) => writer.{|SMTP005:WriteLineAsync|}($""250 {domain}"");
    void Reply(string reply) => writer.{|SMTP005:WriteLine|}(reply);
    void Code(int code, string text) => writer.{|SMTP005:WriteLine|}(code + "" "" + text);
    void Either(bool ok) => writer.{|SMTP005:WriteLine|}(ok ? ""250 OK"" : ""550 No"");
    void Format(string domain) => writer.{|SMTP005:WriteLine|}(""250 {0} Hello {1}"", domain, ""you"");
    void Usage(string domain) => writer.WriteLine(""Usage: {0} {1}"", domain, ""you"");
}";
        var fixedSource = Head + @"
    void Greet() => writer.Write(""220 mail.example.com ESMTP\r\n"");
    Task Hello(string domain) => writer.WriteAsync($""250 {domain}\r\n"");
    void Reply(string reply) => writer.Write(reply + ""\r\n"");
    void Code(int code, string text) => writer.Write(code + "" "" + text + ""\r\n"");
    void Either(bool ok) => writer.Write((ok ? ""250 OK"" : ""550 No"") + ""\r\n"");
    void Format(string domain) => writer.Write(""250 {0} Hello {1}\r\n"", domain, ""you"");
    void Usage(string domain) => writer.WriteLine(""Usage: {0} {1}"", domain, ""you"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task AppendLine_becomes_Append_CRLF()
    {
        var source = Head + @"
    void Ehlo(string domain)
    {
        var reply = new StringBuilder();
        reply.{|SMTP005:AppendLine|}(""250-"" + domain);
        reply.{|SMTP005:AppendLine|}($""250-SIZE {10240000}"");
        reply.Append(""250 8BITMIME"").{|SMTP005:AppendLine|}();
        writer.Write(reply.ToString());
    }
}";
        var fixedSource = Head + @"
    void Ehlo(string domain)
    {
        var reply = new StringBuilder();
        reply.Append(""250-"" + domain).Append(""\r\n"");
        reply.Append($""250-SIZE {10240000}"").Append(""\r\n"");
        reply.Append(""250 8BITMIME"").Append(""\r\n"");
        writer.Write(reply.ToString());
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Environment_NewLine_becomes_CRLF()
    {
        var source = Head + @"
    void Ok() => writer.Write(""250 OK"" + {|SMTP005:Environment.NewLine|});
    void Hello(string domain) => writer.Write($""250 {domain}{{|SMTP005:Environment.NewLine|}}"");
}";
        var fixedSource = Head + @"
    void Ok() => writer.Write(""250 OK"" + ""\r\n"");
    void Hello(string domain) => writer.Write($""250 {domain}\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Writers_configured_for_CRLF_are_fine()
    {
        var source = @"
using System.IO;

class SmtpSession
{
    private readonly StreamWriter writer;
    private readonly StreamWriter other;
    private readonly SmtpStreamWriter own;
    public SmtpSession(Stream stream)
    {
        writer = new StreamWriter(stream) { NewLine = ""\r\n"", AutoFlush = true };
        other = new StreamWriter(stream);
        other.NewLine = ""\r\n"";
        own = new SmtpStreamWriter(stream);
    }

    void A() => writer.WriteLine(""250 OK"");
    void B() => other.WriteLine(""250 OK"");
    void C() => own.WriteLine(""250 OK"");
}

class SmtpStreamWriter : StreamWriter
{
    public SmtpStreamWriter(Stream stream) : base(stream) { NewLine = ""\r\n""; }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Console_log_files_disk_http_and_other_protocols_are_not_SMTP()
    {
        var source = @"
using System;
using System.IO;
using System.Text;

class SmtpSession
{
    private readonly StreamWriter log = new StreamWriter(""smtp.log"");
    private readonly StreamWriter trace = File.CreateText(""trace.txt"");

    void Console1() => Console.WriteLine(""250 OK"");
    void Console2() => Console.Out.WriteLine(""250 OK"");
    void Console3() => Console.Write(""250 OK\n"");
    void LogFile() => log.WriteLine(""250 OK"");
    void TraceFile() => trace.WriteLine(""S: 250 OK"");
    void Disk() => File.AppendAllText(""session.txt"", ""250 OK\n"");
    void Disk2() => File.WriteAllText(""x.txt"", ""250 OK"" + Environment.NewLine);
    void Exception() => throw new InvalidOperationException(""550 rejected\n"");
    void LogText(string text) { }
    void Logged() => LogText(""250 OK\n"");
}

class HttpServer
{
    private readonly StreamWriter writer = new StreamWriter(new MemoryStream());
    void Status() => writer.WriteLine(""HTTP/1.1 200 OK"");
    void Body() => writer.Write(""250 lines\n"");
}

class Pop3Session
{
    private readonly StreamWriter writer = new StreamWriter(new MemoryStream());
    void Ok() => writer.WriteLine(""+OK"");
    void Reply() => writer.Write(""250 OK\n"");
}

namespace Rnwood.Smtp4dev
{
    class CommandLineParser
    {
        void Usage(TextWriter errorStream, string[] bad) => errorStream.WriteLine(""Unrecognised arguments: "" + string.Join("" "", bad));
    }
}

namespace SmtpServer.Tracing
{
    class TracingSmtpCommandVisitor
    {
        private readonly TextWriter _output;
        public TracingSmtpCommandVisitor(TextWriter output) { _output = output; }
        void Quit() => _output.WriteLine(""QUIT"");
        void Data() => _output.Write(""DATA\n"");
    }
}

class SmtpStreamWriterTests
{
    void BareLf(StreamWriter writer) => writer.Write(""Line 1\n"");
    void Parse() => CreatePipeReader(""ab\rcd\ne\r\n"");
    void CreatePipeReader(string text) { }
}

class Report
{
    string Build()
    {
        var sb = new StringBuilder();
        sb.AppendLine(""250 messages processed"");
        return sb.ToString() + Environment.NewLine;
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Verbatim_strings_are_reported_without_a_fix()
    {
        var source = Head + @"
    void Ok() => writer.Write({|SMTP005:@""250-mail.example.com
250 OK
""|});
}";
        var test = Verify.CreateTest(source, source);
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_fixes_every_kind_in_one_pass()
    {
        var source = Head + @"
    void A() => writer.{|SMTP005:WriteLine|}(""220 ready"");
    void B() => writer.Write({|SMTP005:""250 OK\n""|});
    void C() => writer.Write(""221 Bye"" + {|SMTP005:Environment.NewLine|});
    void D(StringBuilder reply) { reply.{|SMTP005:AppendLine|}(""250-SIZE""); writer.Write(reply.ToString()); }
}";
        var fixedSource = Head + @"
    void A() => writer.Write(""220 ready\r\n"");
    void B() => writer.Write(""250 OK\r\n"");
    void C() => writer.Write(""221 Bye"" + ""\r\n"");
    void D(StringBuilder reply) { reply.Append(""250-SIZE"").Append(""\r\n""); writer.Write(reply.ToString()); }
}";
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeActionEquivalenceKey = SMTP005LineEndingFixer.UseCrLfKey;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    /// <summary>
    /// The fixed code must send exactly what the original sends, except that every line ends in CR LF.
    /// Both versions are compiled and run here (on Linux, where WriteLine ends lines with a bare LF).
    /// </summary>
    [Fact]
    public async Task Fixed_code_sends_the_same_bytes_except_line_endings()
    {
        const string Program = @"
using System;
using System.IO;
using System.Text;

public class SmtpSession
{
    private readonly StreamWriter writer;
    public SmtpSession(Stream stream) { writer = new StreamWriter(stream, new UTF8Encoding(false)); }

    public void Converse(string domain, string[] extensions, string reply)
    {
        writer.{|SMTP005:WriteLine|}(""220 "" + domain + "" ESMTP"");
        var ehlo = new StringBuilder();
        ehlo.{|SMTP005:AppendLine|}($""250-{domain}"");
        foreach (var e in extensions) { ehlo.Append(""250-"").Append(e).{|SMTP005:AppendLine|}(); }
        ehlo.Append(""250 8BITMIME"" + {|SMTP005:Environment.NewLine|});
        writer.Write(ehlo.ToString());
        writer.Write({|SMTP005:""250 OK\n""|});
        writer.Write(string.Join({|SMTP005:""\n""|}, new[] { ""250-a"", ""250 b"" }) + ""\r\n"");
        writer.Write({|SMTP005:$""354 Go ahead, {domain}\n""|});
        writer.{|SMTP005:WriteLine|}(reply);
        writer.Flush();
    }

    public static string Run()
    {
        var stream = new MemoryStream();
        new SmtpSession(stream).Converse(""mail.example.com"", new[] { ""SIZE 100"", ""PIPELINING"" }, ""221 Bye"");
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}";
        const string Fixed = @"
using System;
using System.IO;
using System.Text;

public class SmtpSession
{
    private readonly StreamWriter writer;
    public SmtpSession(Stream stream) { writer = new StreamWriter(stream, new UTF8Encoding(false)); }

    public void Converse(string domain, string[] extensions, string reply)
    {
        writer.Write(""220 "" + domain + "" ESMTP"" + ""\r\n"");
        var ehlo = new StringBuilder();
        ehlo.Append($""250-{domain}"").Append(""\r\n"");
        foreach (var e in extensions) { ehlo.Append(""250-"").Append(e).Append(""\r\n""); }
        ehlo.Append(""250 8BITMIME"" + ""\r\n"");
        writer.Write(ehlo.ToString());
        writer.Write(""250 OK\r\n"");
        writer.Write(string.Join(""\r\n"", new[] { ""250-a"", ""250 b"" }) + ""\r\n"");
        writer.Write($""354 Go ahead, {domain}\r\n"");
        writer.Write(reply + ""\r\n"");
        writer.Flush();
    }

    public static string Run()
    {
        var stream = new MemoryStream();
        new SmtpSession(stream).Converse(""mail.example.com"", new[] { ""SIZE 100"", ""PIPELINING"" }, ""221 Bye"");
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}";
        await Verify.VerifyCodeFixAsync(Program, Fixed);

        var before = SnippetRunner.Run(Program.Replace("{|SMTP005:", string.Empty).Replace("|}", string.Empty), "SmtpSession");
        var after = SnippetRunner.Run(Fixed, "SmtpSession");
        Assert.Contains("\n", before);
        Assert.NotEqual(before, after);
        Assert.Equal(SnippetRunner.WithCrLf(before), after);
        Assert.Equal(-1, SmtpAnalyzers.Smtp.SmtpLineEndings.FindBareLineEnding(after));
        Assert.Equal(
            "220 mail.example.com ESMTP\r\n250-mail.example.com\r\n250-SIZE 100\r\n250-PIPELINING\r\n250 8BITMIME\r\n250 OK\r\n250-a\r\n250 b\r\n354 Go ahead, mail.example.com\r\n221 Bye\r\n",
            after);
    }

    /// <summary>
    /// Code inside a delegate declaration (a default value, an attribute argument: erroneous code, but analyzed) is enclosed by
    /// the delegate type, as <c>SemanticModel.GetEnclosingSymbol</c> says; a delegate named for another protocol is not SMTP code.
    /// </summary>
    [Fact]
    public async Task Code_inside_a_delegate_declaration_is_enclosed_by_the_delegate_type()
    {
        var source = @"
using System;
using System.IO;

class SmtpOuter
{
    static StreamWriter w;
    delegate void HttpCallback(string s = w.Write(""250 OK\n""));
    [Obsolete(w.Write(""354 Go ahead\n""))] delegate void HttpHandler();
}";
        var test = Verify.CreateTest(source, source);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        test.FixedState.Sources.Clear();
        await test.RunAsync(CancellationToken.None);
    }
}
