using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
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
}
