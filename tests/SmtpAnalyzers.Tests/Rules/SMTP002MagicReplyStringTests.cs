using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpAnalyzers.Rules;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP002MagicReplyStringAnalyzer, SmtpAnalyzers.Rules.SMTP002MagicReplyStringFixer>;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP002MagicReplyStringTests
{
    [Fact]
    public async Task Message_names_the_code_and_the_span_is_the_three_digits()
    {
        var source = @"
using System.IO;

class SmtpSession
{
    TextWriter writer;
    void OnData() => writer.Write(""354 Start mail input\r\n"");
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP002").WithSpan(7, 36, 7, 39).WithMessage("Use a named constant for SMTP reply code 354 (Start mail input) in this reply string"));
    }

    [Fact]
    public async Task Reply_written_to_a_writer_becomes_an_interpolation_of_the_bundled_constant()
    {
        var source = @"
using System.IO;
using System.Threading.Tasks;

class SmtpSession
{
    TextWriter writer;
    Task OnQuit() => writer.WriteAsync(""{|SMTP002:221|} Bye\r\n"");
    void OnRset() => writer.Write(""{|SMTP002:250|} 2.0.0 OK\r\n"");
}";
        var fixedSource = @"
using System.IO;
using System.Threading.Tasks;
using SmtpAnalyzers;

class SmtpSession
{
    TextWriter writer;
    Task OnQuit() => writer.WriteAsync($""{SmtpReplyCode.ServiceClosingTransmissionChannel} Bye\r\n"");
    void OnRset() => writer.Write($""{SmtpReplyCode.Ok} 2.0.0 OK\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Bytes_written_to_a_network_stream_and_a_socket()
    {
        var source = @"
using System.Net.Sockets;
using System.Text;

class SmtpServerConnection
{
    NetworkStream stream;
    Socket socket;

    void Greet(string host)
    {
        var bytes = Encoding.ASCII.GetBytes(""{|SMTP002:220|} "" + host + "" ESMTP\r\n"");
        stream.Write(bytes, 0, bytes.Length);
        socket.Send(Encoding.ASCII.GetBytes(""{|SMTP002:421|} shutting down\r\n""));
    }
}";
        var fixedSource = @"
using System.Net.Sockets;
using System.Text;
using SmtpAnalyzers;

class SmtpServerConnection
{
    NetworkStream stream;
    Socket socket;

    void Greet(string host)
    {
        var bytes = Encoding.ASCII.GetBytes($""{SmtpReplyCode.ServiceReady} "" + host + "" ESMTP\r\n"");
        stream.Write(bytes, 0, bytes.Length);
        socket.Send(Encoding.ASCII.GetBytes($""{SmtpReplyCode.ServiceNotAvailable} shutting down\r\n""));
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Interpolated_verbatim_and_raw_strings()
    {
        var source = @"
using System.IO;

class SmtpSession
{
    TextWriter writer;
    void Run(string host, string id)
    {
        writer.Write($""{|SMTP002:220|} {host} ESMTP ready\r\n"");
        writer.Write(@""{|SMTP002:250|} verbatim"");
        writer.Write($@""{|SMTP002:250|} {id} queued"");
        writer.Write(""""""{|SMTP002:354|} raw"""""");
        writer.Write(""""""
            {|SMTP002:550|} multi-line raw
            """""");
    }
}";
        var fixedSource = @"
using System.IO;
using SmtpAnalyzers;

class SmtpSession
{
    TextWriter writer;
    void Run(string host, string id)
    {
        writer.Write($""{SmtpReplyCode.ServiceReady} {host} ESMTP ready\r\n"");
        writer.Write($@""{SmtpReplyCode.Ok} verbatim"");
        writer.Write($@""{SmtpReplyCode.Ok} {id} queued"");
        writer.Write($""""""{SmtpReplyCode.StartMailInput} raw"""""");
        writer.Write($""""""
            {SmtpReplyCode.MailboxUnavailable} multi-line raw
            """""");
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Format_strings_keep_their_braces_by_concatenating_the_string_constant()
    {
        var source = @"
using System.IO;
using System.Text;

class SmtpSession
{
    TextWriter writer;
    void Run(string host, int size)
    {
        writer.Write(string.Format(""{|SMTP002:250|}-{0} Hello\r\n"", host));
        writer.Write(string.Format(System.Globalization.CultureInfo.InvariantCulture, ""{|SMTP002:250|} SIZE {0}\r\n"", size));
        var reply = new StringBuilder();
        reply.AppendFormat(""{|SMTP002:550|} {0}: no such user\r\n"", host);
        writer.Write(""{|SMTP002:501|} bad {0} "" + host);
    }
}";
        var fixedSource = @"
using System.IO;
using System.Text;
using SmtpAnalyzers;

class SmtpSession
{
    TextWriter writer;
    void Run(string host, int size)
    {
        writer.Write(string.Format(SmtpReplyCode.Text.Ok + ""-{0} Hello\r\n"", host));
        writer.Write(string.Format(System.Globalization.CultureInfo.InvariantCulture, SmtpReplyCode.Text.Ok + "" SIZE {0}\r\n"", size));
        var reply = new StringBuilder();
        reply.AppendFormat(SmtpReplyCode.Text.MailboxUnavailable + "" {0}: no such user\r\n"", host);
        writer.Write(SmtpReplyCode.Text.SyntaxErrorInParameters + "" bad {0} "" + host);
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Multi_line_EHLO_reply_built_line_by_line()
    {
        var source = @"
using System.IO;
using System.Threading.Tasks;

class SmtpSession
{
    StreamWriter writer;
    async Task OnEhlo(string host, string client)
    {
        await writer.WriteAsync(""{|SMTP002:250|}-"" + host + "" Hello "" + client + ""\r\n"");
        await writer.WriteAsync(""{|SMTP002:250|}-SIZE 35882577\r\n"");
        await writer.WriteAsync(""{|SMTP002:250|}-8BITMIME\r\n"");
        await writer.WriteAsync(""{|SMTP002:250|} STARTTLS\r\n"");
    }
}";
        var fixedSource = @"
using System.IO;
using System.Threading.Tasks;
using SmtpAnalyzers;

class SmtpSession
{
    StreamWriter writer;
    async Task OnEhlo(string host, string client)
    {
        await writer.WriteAsync($""{SmtpReplyCode.Ok}-"" + host + "" Hello "" + client + ""\r\n"");
        await writer.WriteAsync($""{SmtpReplyCode.Ok}-SIZE 35882577\r\n"");
        await writer.WriteAsync($""{SmtpReplyCode.Ok}-8BITMIME\r\n"");
        await writer.WriteAsync($""{SmtpReplyCode.Ok} STARTTLS\r\n"");
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Reply_parameters_members_and_a_reply_table()
    {
        var source = @"
using System.Collections.Generic;

class SmtpSession
{
    private string lastReply;
    public string Greeting => ""{|SMTP002:220|} mail.example.com ESMTP"";
    private static readonly Dictionary<int, string> ReplyTexts = new Dictionary<int, string>
    {
        { 250, ""{|SMTP002:250|} OK"" },
        { 550, ""{|SMTP002:550|} 5.1.1 No such user"" },
    };
    private readonly Dictionary<int, string> responses = new()
    {
        [354] = ""{|SMTP002:354|} go ahead"",
    };

    public void Reply(string text) { }

    void Run(bool ok)
    {
        Reply(""{|SMTP002:451|} 4.3.0 try again later"");
        Reply(ok ? ""{|SMTP002:250|} OK"" : ""{|SMTP002:554|} failed"");
        lastReply = ""{|SMTP002:421|} closing"";
    }

    string QuitResponse()
    {
        return ""{|SMTP002:221|} Bye"";
    }
}";
        var fixedSource = @"
using System.Collections.Generic;
using SmtpAnalyzers;

class SmtpSession
{
    private string lastReply;
    public string Greeting => $""{SmtpReplyCode.ServiceReady} mail.example.com ESMTP"";
    private static readonly Dictionary<int, string> ReplyTexts = new Dictionary<int, string>
    {
        { 250, $""{SmtpReplyCode.Ok} OK"" },
        { 550, $""{SmtpReplyCode.MailboxUnavailable} 5.1.1 No such user"" },
    };
    private readonly Dictionary<int, string> responses = new()
    {
        [354] = $""{SmtpReplyCode.StartMailInput} go ahead"",
    };

    public void Reply(string text) { }

    void Run(bool ok)
    {
        Reply($""{SmtpReplyCode.LocalErrorInProcessing} 4.3.0 try again later"");
        Reply(ok ? $""{SmtpReplyCode.Ok} OK"" : $""{SmtpReplyCode.TransactionFailed} failed"");
        lastReply = $""{SmtpReplyCode.ServiceNotAvailable} closing"";
    }

    string QuitResponse()
    {
        return $""{SmtpReplyCode.ServiceClosingTransmissionChannel} Bye"";
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Raw_interpolated_string_with_two_dollars_gets_a_double_brace_hole()
    {
        // Markup is off: "$$" is markup syntax for a caret position.
        var source = "using System.IO;\nclass SmtpSession\n{\n    TextWriter writer;\n    void Run(string id) => writer.Write($$\"\"\"250 {{id}} raw {x}\"\"\");\n}\n";
        var fixedSource = "using System.IO;\nusing SmtpAnalyzers;\nclass SmtpSession\n{\n    TextWriter writer;\n    void Run(string id) => writer.Write($$\"\"\"{{SmtpReplyCode.Ok}} {{id}} raw {x}\"\"\");\n}\n";
        var test = Verify.CreateTest(source, fixedSource);
        test.TestState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP002").WithSpan(5, 46, 5, 49).WithArguments("250", "Requested mail action okay, completed"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Client_that_checks_replies_by_prefix_compares_with_the_string_constant()
    {
        var source = @"
using System.IO;
using System.Threading.Tasks;

class SmtpClientConnection
{
    StreamReader reader;

    public bool CheckReply(string response, string expected) => response.StartsWith(expected);

    async Task<bool> SendData()
    {
        var line = await reader.ReadLineAsync();
        if (!line.StartsWith(""{|SMTP002:354|}"")) return false;
        var s = reader.ReadLine();
        if (s.StartsWith(""{|SMTP002:250|} "", System.StringComparison.Ordinal)) { }
        string reply = await reader.ReadLineAsync();
        if (reply.Substring(0, 3) == ""{|SMTP002:250|}"") { }
        if (reply.Substring(0, 3) != ""{|SMTP002:251|}"") { }
        if (string.Equals(reply[..3], ""{|SMTP002:221|}"")) { }
        switch (reply.Substring(0, 3))
        {
            case ""{|SMTP002:334|}"": break;
            case ""{|SMTP002:235|}"": break;
        }

        var ok = reply[..3] switch { ""{|SMTP002:250|}"" => true, _ => false };
        if (reply is ""{|SMTP002:221|} Bye"") { }
        return CheckReply(reply, ""{|SMTP002:221|}"");
    }
}";
        var fixedSource = @"
using System.IO;
using System.Threading.Tasks;
using SmtpAnalyzers;

class SmtpClientConnection
{
    StreamReader reader;

    public bool CheckReply(string response, string expected) => response.StartsWith(expected);

    async Task<bool> SendData()
    {
        var line = await reader.ReadLineAsync();
        if (!line.StartsWith(SmtpReplyCode.Text.StartMailInput)) return false;
        var s = reader.ReadLine();
        if (s.StartsWith($""{SmtpReplyCode.Ok} "", System.StringComparison.Ordinal)) { }
        string reply = await reader.ReadLineAsync();
        if (reply.Substring(0, 3) == SmtpReplyCode.Text.Ok) { }
        if (reply.Substring(0, 3) != SmtpReplyCode.Text.UserNotLocalWillForward) { }
        if (string.Equals(reply[..3], SmtpReplyCode.Text.ServiceClosingTransmissionChannel)) { }
        switch (reply.Substring(0, 3))
        {
            case SmtpReplyCode.Text.AuthenticationChallenge: break;
            case SmtpReplyCode.Text.AuthenticationSucceeded: break;
        }

        var ok = reply[..3] switch { SmtpReplyCode.Text.Ok => true, _ => false };
        if (reply is $""{SmtpReplyCode.Text.ServiceClosingTransmissionChannel} Bye"") { }
        return CheckReply(reply, SmtpReplyCode.Text.ServiceClosingTransmissionChannel);
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    private const string ConstantPlaces = @"
class SmtpReplyAttribute : System.Attribute
{
    public SmtpReplyAttribute(string text) { }
}

class SmtpSession
{
    [SmtpReply(""{|SMTP002:250|} OK"")]
    void Noop() { }

    string Describe(string line)
    {
        switch (line)
        {
            case ""{|SMTP002:221|} Bye"": return ""bye"";
        }

        return line switch { ""{|SMTP002:354|} go ahead"" => ""data"", _ => """" };
    }

    void Reply(string reply = ""{|SMTP002:550|} no"") { }
}";

    [Fact]
    public async Task Places_that_need_a_constant_get_a_constant_interpolated_string()
    {
        var fixedSource = @"
using SmtpAnalyzers;

class SmtpReplyAttribute : System.Attribute
{
    public SmtpReplyAttribute(string text) { }
}

class SmtpSession
{
    [SmtpReply($""{SmtpReplyCode.Text.Ok} OK"")]
    void Noop() { }

    string Describe(string line)
    {
        switch (line)
        {
            case $""{SmtpReplyCode.Text.ServiceClosingTransmissionChannel} Bye"": return ""bye"";
        }

        return line switch { $""{SmtpReplyCode.Text.StartMailInput} go ahead"" => ""data"", _ => """" };
    }

    void Reply(string reply = $""{SmtpReplyCode.Text.MailboxUnavailable} no"") { }
}";
        await Verify.VerifyCodeFixAsync(ConstantPlaces, fixedSource);
    }

    [Fact]
    public async Task Places_that_need_a_constant_before_CSharp_10_get_a_constant_concatenation()
    {
        var fixedSource = @"
using SmtpAnalyzers;

class SmtpReplyAttribute : System.Attribute
{
    public SmtpReplyAttribute(string text) { }
}

class SmtpSession
{
    [SmtpReply(SmtpReplyCode.Text.Ok + "" OK"")]
    void Noop() { }

    string Describe(string line)
    {
        switch (line)
        {
            case SmtpReplyCode.Text.ServiceClosingTransmissionChannel + "" Bye"": return ""bye"";
        }

        return line switch { SmtpReplyCode.Text.StartMailInput + "" go ahead"" => ""data"", _ => """" };
    }

    void Reply(string reply = SmtpReplyCode.Text.MailboxUnavailable + "" no"") { }
}";
        var test = Verify.CreateTest(ConstantPlaces, fixedSource);
        test.LanguageVersion = LanguageVersion.CSharp9;
        await test.RunAsync();
    }

    [Fact]
    public async Task User_constant_is_preferred_and_the_bundled_one_is_offered()
    {
        var source = @"
using System.IO;

static class SmtpCodes
{
    public const int Ok = 250;
}

class SmtpSession
{
    TextWriter writer;
    void Run() => writer.Write(""{|SMTP002:250|} OK\r\n"");
}";
        var preferred = @"
using System.IO;

static class SmtpCodes
{
    public const int Ok = 250;
}

class SmtpSession
{
    TextWriter writer;
    void Run() => writer.Write($""{SmtpCodes.Ok} OK\r\n"");
}";
        var bundled = @"
using System.IO;
using SmtpAnalyzers;

static class SmtpCodes
{
    public const int Ok = 250;
}

class SmtpSession
{
    TextWriter writer;
    void Run() => writer.Write($""{SmtpReplyCode.Ok} OK\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, preferred, SMTP002MagicReplyStringFixer.UseNamedConstantKey);
        await Verify.VerifyCodeFixAsync(source, bundled, SMTP002MagicReplyStringFixer.UseBundledConstantKey);
    }

    [Fact]
    public async Task Fix_all_mixes_codes_and_forms_in_one_pass()
    {
        var source = @"
using System.IO;

class SmtpSession
{
    TextWriter writer;
    StreamReader reader;

    void Run(string host)
    {
        writer.Write(""{|SMTP002:220|} "" + host + ""\r\n"");
        var line = reader.ReadLine();
        if (line.StartsWith(""{|SMTP002:354|}"")) writer.Write(string.Format(""{|SMTP002:250|} {0}\r\n"", host));
        else writer.Write($""{|SMTP002:550|} {host} unknown\r\n"");
        switch (line) { case ""{|SMTP002:221|} Bye"": break; }
    }
}";
        var fixedSource = @"
using System.IO;
using SmtpAnalyzers;

class SmtpSession
{
    TextWriter writer;
    StreamReader reader;

    void Run(string host)
    {
        writer.Write($""{SmtpReplyCode.ServiceReady} "" + host + ""\r\n"");
        var line = reader.ReadLine();
        if (line.StartsWith(SmtpReplyCode.Text.StartMailInput)) writer.Write(string.Format(SmtpReplyCode.Text.Ok + "" {0}\r\n"", host));
        else writer.Write($""{SmtpReplyCode.MailboxUnavailable} {host} unknown\r\n"");
        switch (line) { case $""{SmtpReplyCode.Text.ServiceClosingTransmissionChannel} Bye"": break; }
    }
}";
        var test = Verify.CreateTest(source, fixedSource);
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Named_constants_and_their_uses_are_not_reported()
    {
        var source = @"
using System.IO;

class SmtpSession
{
    const string OkReply = ""250 OK\r\n"";
    static readonly string Ready = ""220 ready\r\n"";
    TextWriter writer;

    void Run()
    {
        const string Bye = ""221 Bye\r\n"";
        writer.Write(OkReply);
        writer.Write(Ready);
        writer.Write(Bye);
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Http_ftp_nntp_logs_exceptions_ui_versions_and_prose_are_not_reported()
    {
        var source = @"
using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Mail;

interface ILogger { void LogInformation(string message); }

class HttpServer
{
    TextWriter writer;
    void Run()
    {
        writer.Write(""HTTP/1.1 500 Internal Server Error\r\n"");
        writer.Write(""500 Internal Server Error"");
        writer.Write(""503 Service Unavailable\r\n"");
    }
}

class SmtpToHttpGateway
{
    TextWriter writer;
    void Run()
    {
        writer.Write(""HTTP/1.1 502 Bad Gateway\r\n"");
        writer.Write(""502 Bad Gateway\r\n"");
        writer.Write(""500 Internal Server Error\r\n"");
    }
}

class FtpServer
{
    TextWriter writer;
    void Run() => writer.Write(""550 File not found\r\n"");
}

class NntpSession
{
    TextWriter writer;
    StreamReader reader;
    void Run()
    {
        writer.Write(""500 command not recognized\r\n"");
        if (reader.ReadLine().StartsWith(""211"")) { }
    }
}

class SmtpServer
{
    TextWriter writer;
    ILogger logger;
    void Log(string message) { }

    void Run(string prefix, int n)
    {
        Console.WriteLine(""250 messages processed"");
        Console.Out.WriteLine(""250 console"");
        Console.Error.Write(""421 console"");
        Debug.WriteLine(""250 debug"");
        Trace.WriteLine(""250 trace"");
        logger.LogInformation(""250 messages processed"");
        Log(""550 rejected"");
        var version = ""2.5.0"";
        var other = ""250.1"";
        var ms = ""250ms"";
        var prose = ""There were 250 errors"";
        var local = ""250"";
        writer.Write(prefix + ""250 OK\r\n"");
        writer.Write(string.Format(""{0}"", ""250 OK""));
        writer.Write(""There were 250 errors"");
        writer.Write(""250ms"");
        throw new SmtpException(""550 mailbox unavailable"");
    }

    void Fail() => throw new InvalidOperationException(""421 closing"");
}

class ReportWriter
{
    TextWriter writer;
    string Status => ""250 rows"";
    void Run() => writer.Write(""250 rows written\r\n"");
}

class MainWindow
{
    string Title = ""250 items"";
    void Show(string text) { }
    void Run() => Show(""250 items selected"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Utf8_literals_are_not_reported()
    {
        var source = @"
using System.Net.Sockets;

class SmtpSession
{
    NetworkStream stream;
    void Run() => stream.Write(""250 OK\r\n""u8);
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Configured_smtp_type_is_smtp_context()
    {
        var source = @"
using System.IO;

class MailSession
{
    TextWriter writer;
    void Run() => writer.Write(""{|SMTP002:250|} OK\r\n"");
}";
        var fixedSource = @"
using System.IO;
using SmtpAnalyzers;

class MailSession
{
    TextWriter writer;
    void Run() => writer.Write($""{SmtpReplyCode.Ok} OK\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, editorConfig: "smtp_analyzers.smtp_types = MailSession");
        await Verify.VerifyAnalyzerAsync(source.Replace("{|SMTP002:250|}", "250"));
    }

    [Fact]
    public async Task Users_connection_wrapper_with_protocol_verbs_is_a_sink_and_other_methods_are_not()
    {
        var source = @"
using System.Threading.Tasks;

class Channel
{
    public Task WriteLineAsync(string text) => Task.CompletedTask;
    public void WriteEntry(string text) { }
    public void SendMail(string body) { }
}

class SmtpConnectionHandler
{
    Channel channel;

    async Task Run()
    {
        await channel.WriteLineAsync(""{|SMTP002:250|} OK"");
        channel.WriteEntry(""250 entries"");
        channel.SendMail(""250 recipients"");
    }
}";
        var fixedSource = @"
using System.Threading.Tasks;
using SmtpAnalyzers;

class Channel
{
    public Task WriteLineAsync(string text) => Task.CompletedTask;
    public void WriteEntry(string text) { }
    public void SendMail(string body) { }
}

class SmtpConnectionHandler
{
    Channel channel;

    async Task Run()
    {
        await channel.WriteLineAsync($""{SmtpReplyCode.Ok} OK"");
        channel.WriteEntry(""250 entries"");
        channel.SendMail(""250 recipients"");
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Broken_code_never_crashes_the_analyzer()
    {
        var source = @"
class SmtpSession
{
    MissingWriter writer;
    void Run(string line)
    {
        writer.Write(""250 OK\r\n"");
        Unknown(""250 OK"");
        if (line.StartsWith(""354"" { }
        switch (missing.Substring(0, 3)) { case ""250"": break; }
        var x = $""220 {undefined"";
        Reply(""550 no"";
    }
    void Reply(string text = ""250 OK"" { }
}";
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "broken",
            new[] { tree },
            new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var analyzer = new SMTP002MagicReplyStringAnalyzer();
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(analyzer))
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}
