using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Rules;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP003ReplyCodeContextAnalyzer, SmtpAnalyzers.Rules.SMTP003ReplyCodeContextFixer>;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP003ReplyCodeContextTests
{
    /// <summary>Server side: a verb dispatcher with one section for the verb under test.</summary>
    private static string Server(string verb, string code) => @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case """ + verb + @""":
                Reply(" + code + @", ""text"");
                break;
        }
    }
}";

    /// <summary>Client side: the reply check that follows writing the command line.</summary>
    private static string Client(string line, string code) => @"
class SmtpClientLite
{
    void Send(string line) { }
    int ReadReplyCode() => 0;

    void Run()
    {
        Send(""" + line + @""");
        if (ReadReplyCode() != " + code + @")
        {
            throw new System.InvalidOperationException();
        }
    }
}";

    [Theory]
    [InlineData("EHLO", "250", "354")]
    [InlineData("HELO", "250", "235")]
    [InlineData("LHLO", "250", "334")]
    [InlineData("MAIL", "250", "354")]
    [InlineData("RCPT", "251", "354")]
    [InlineData("DATA", "354", "221")]
    [InlineData("RSET", "250", "251")]
    [InlineData("VRFY", "252", "354")]
    [InlineData("EXPN", "252", "251")]
    [InlineData("HELP", "214", "250")]
    [InlineData("NOOP", "250", "220")]
    [InlineData("QUIT", "221", "421x")]
    [InlineData("STARTTLS", "220", "250")]
    [InlineData("AUTH", "334", "250")]
    [InlineData("BDAT", "250", "354")]
    [InlineData("ETRN", "253", "354")]
    [InlineData("ATRN", "453", "354")]
    public async Task Server_side_valid_and_invalid_reply(string verb, string valid, string invalid)
    {
        await Verify.VerifyAnalyzerAsync(Server(verb, valid));
        if (invalid != "421x")
        {
            await Verify.VerifyAnalyzerAsync(Server(verb, "{|SMTP003:" + invalid + "|}"));
        }
    }

    [Theory]
    [InlineData("EHLO client.example", "250", "354")]
    [InlineData("HELO client.example", "250", "235")]
    [InlineData("LHLO client.example", "250", "334")]
    [InlineData("MAIL FROM:<a@example.com>", "250", "354")]
    [InlineData("RCPT TO:<b@example.com>", "250", "354")]
    [InlineData("DATA", "354", "250")]
    [InlineData(".", "250", "354")]
    [InlineData("RSET", "250", "354")]
    [InlineData("VRFY bob", "252", "354")]
    [InlineData("EXPN staff", "250", "251")]
    [InlineData("HELP", "211", "250")]
    [InlineData("NOOP", "250", "354")]
    [InlineData("QUIT", "221", "220")]
    [InlineData("STARTTLS", "220", "250")]
    [InlineData("AUTH PLAIN", "235", "250")]
    [InlineData("BDAT 100 LAST", "250", "354")]
    [InlineData("ETRN example.com", "458", "354")]
    [InlineData("ATRN example.com", "250", "354")]
    public async Task Client_side_valid_and_invalid_reply(string line, string valid, string invalid)
    {
        await Verify.VerifyAnalyzerAsync(Client(line, valid));
        await Verify.VerifyAnalyzerAsync(Client(line, "{|SMTP003:" + invalid + "|}"));
    }

    [Fact]
    public async Task Message_names_command_code_valid_codes_and_section()
    {
        await Verify.VerifyAnalyzerAsync(
            Server("RCPT", "354"),
            Verify.Diagnostic("SMTP003").WithSpan(11, 23, 11, 26)
                .WithMessage("Reply code 354 (Start mail input) is not a valid reply to RCPT; RFC 5321 section 4.3.2 allows 250, 251, 450, 451, 452, 455, 503, 550, 551, 552, 553, 555, 556"));
    }

    [Fact]
    public async Task Codes_any_command_may_get_are_valid_everywhere()
    {
        await Verify.VerifyAnalyzerAsync(Server("RCPT", "421"));
        await Verify.VerifyAnalyzerAsync(Server("MAIL", "500"));
        await Verify.VerifyAnalyzerAsync(Server("HELP", "501"));
        await Verify.VerifyAnalyzerAsync(Server("RSET", "502"));
        await Verify.VerifyAnalyzerAsync(Server("DATA", "503"));
        await Verify.VerifyAnalyzerAsync(Server("MAIL", "530"));
        await Verify.VerifyAnalyzerAsync(Server("RCPT", "554"));
    }

    [Fact]
    public async Task Policy_codes_respect_their_exemptions()
    {
        // RFC 4954 §6 and RFC 3207 §4 both exempt NOOP and QUIT from 530; RFC 3207 §4.1 exempts QUIT from 554.
        await Verify.VerifyAnalyzerAsync(Server("NOOP", "{|SMTP003:530|}"));
        await Verify.VerifyAnalyzerAsync(Server("QUIT", "{|SMTP003:554|}"));
        await Verify.VerifyAnalyzerAsync(Server("HELO", "530"));
    }

    [Fact]
    public async Task End_of_data_branch_server_side()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void OnLine(string line)
    {
        if (line == ""."")
        {
            Reply({|SMTP003:354|}, ""again?"");
        }
    }

    void OnLine2(string line)
    {
        if (line == ""."")
        {
            Reply(250, ""queued"");
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Greeting_method()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void SendGreeting() => Reply(220, ""ready"");
    void SendGreetingBusy() => Reply(421, ""busy"");
    void SendGreetingWrong() => Reply({|SMTP003:250|}, ""hello"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Handler_methods_and_classes_named_for_a_command()
    {
        var source = @"
using System.Threading.Tasks;

class SmtpSession
{
    public void Reply(int code, string text) { }

    Task HandleRcptAsync() { Reply({|SMTP003:354|}, ""go""); return Task.CompletedTask; }
    void OnData() { Reply(354, ""go""); Reply(250, ""queued""); Reply({|SMTP003:251|}, ""?""); }
    void HandleMailFrom() => Reply({|SMTP003:251|}, ""?"");
    void OnQuit() => Reply(221, ""bye"");
}

class RcptCommand
{
    public void Execute(SmtpSession session) => session.Reply({|SMTP003:354|}, ""go"");
}

class QuitCommand
{
    public void Execute(SmtpSession session) => session.Reply(221, ""bye"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task If_branches_on_the_verb()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string line)
    {
        if (line.StartsWith(""RCPT TO:"", System.StringComparison.OrdinalIgnoreCase))
        {
            Reply({|SMTP003:354|}, ""go"");
        }
        else if (string.Equals(line, ""QUIT"", System.StringComparison.OrdinalIgnoreCase))
        {
            Reply(221, ""bye"");
        }
        else if (line.Equals(""HELP""))
        {
            Reply({|SMTP003:250|}, ""help"");
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Verb_enum_case_labels_and_switch_expressions()
    {
        var source = @"
enum SmtpCommand { Helo, Ehlo, Mail, Rcpt, Data, Quit }

class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(SmtpCommand command)
    {
        switch (command)
        {
            case SmtpCommand.Rcpt:
                Reply({|SMTP003:354|}, ""go"");
                break;
            case SmtpCommand.Helo:
            case SmtpCommand.Ehlo:
                Reply(250, ""hello"");
                Reply({|SMTP003:221|}, ""bye"");
                break;
        }
    }

    int GetReplyCode(string verb) => verb switch
    {
        ""DATA"" => 354,
        ""QUIT"" => {|SMTP003:250|},
        _ => 500,
    };
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Registered_handler_lambdas()
    {
        var source = @"
using System;
using System.Collections.Generic;

class SmtpSession
{
    public void Reply(int code, string text) { }

    readonly Dictionary<string, Action<SmtpSession>> handlers = new Dictionary<string, Action<SmtpSession>>
    {
        { ""QUIT"", s => s.Reply(221, ""bye"") },
        { ""NOOP"", s => s.Reply({|SMTP003:220|}, ""ok"") },
    };

    void Register()
    {
        handlers.Add(""RCPT"", s => s.Reply({|SMTP003:354|}, ""go""));
        handlers[""DATA""] = s => s.Reply(354, ""go"");
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Client_command_and_expected_code_in_one_call()
    {
        var source = @"
class SmtpClientLite
{
    void SendCommand(string line, int expectedCode) { }

    void Run()
    {
        SendCommand(""MAIL FROM:<a@example.com>"", 250);
        SendCommand(""RCPT TO:<b@example.com>"", {|SMTP003:354|});
        SendCommand(""DATA"", 354);
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Client_expect_call_that_names_its_command_is_judged_by_that_command()
    {
        // The HELO fallback after EHLO: the check belongs to HELO, named in the same call, not to the EHLO written before.
        var source = @"
using System.Threading.Tasks;

class SmtpClientLite
{
    Task CommandAsync(string line) => Task.CompletedTask;
    Task ExpectAsync(string line, int expectedCode) => Task.CompletedTask;

    async Task Run()
    {
        await CommandAsync(""EHLO localhost"");
        await ExpectAsync(""HELO localhost"", 250);
        await ExpectAsync(""HELO localhost"", {|#0:220|});
    }
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP003").WithLocation(0).WithMessage("Reply code 220 (Service ready) is not a valid reply to HELO; RFC 5321 section 4.3.2 allows 250, 504, 550"));
    }

    [Fact]
    public async Task Client_await_in_condition_and_interpolated_command()
    {
        var source = @"
using System.Threading.Tasks;

class SmtpClientLite
{
    Task<int> SendAsync(string line) => Task.FromResult(0);
    int ReadReplyCode() => 0;

    async Task RunAsync(string to)
    {
        var replyCode = await SendAsync(""DATA"");
        if (replyCode != {|SMTP003:250|})
        {
            return;
        }

        await SendAsync($""RCPT TO:<{to}>"");
        if (ReadReplyCode() != {|SMTP003:354|})
        {
            return;
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Enum_members_and_bundled_constants_are_checked()
    {
        var source = @"
using System.Net.Mail;
using SmtpAnalyzers;

class SmtpClientLite
{
    void Send(string line) { }
    SmtpStatusCode ReadStatusCode() => SmtpStatusCode.Ok;
    int ReadReplyCode() => 0;

    void Run()
    {
        Send(""RCPT TO:<b@example.com>"");
        if (ReadStatusCode() != {|SMTP003:SmtpStatusCode.StartMailInput|})
        {
            return;
        }

        Send(""QUIT"");
        if (ReadReplyCode() != SmtpReplyCode.ServiceClosingTransmissionChannel)
        {
            return;
        }
    }
}

class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""MAIL"":
                Reply({|SMTP003:SmtpReplyCode.StartMailInput|}, ""go"");
                break;
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Reply_strings_are_checked()
    {
        var source = @"
using System.IO;

class SmtpSession
{
    readonly TextWriter writer = TextWriter.Null;

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""RCPT"":
                writer.Write({|SMTP003:""354 Go ahead\r\n""|});
                break;
            case ""DATA"":
                writer.Write(""354 Start mail input\r\n"");
                break;
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Server_close_221_becomes_421()
    {
        var source = @"
using System;

class SmtpSession
{
    public void Reply(int code, string text) { }
    int errorCount;
    const int MaxErrors = 10;

    void Loop()
    {
        try
        {
        }
        catch (TimeoutException)
        {
            Reply({|SMTP003:221|}, ""timeout"");
        }

        if (errorCount > MaxErrors)
        {
            Reply({|SMTP003:221|}, ""too many errors"");
        }
    }

    void OnIdleTimeout() => Reply({|SMTP003:221|}, ""idle"");
}";
        var fixedSource = @"
using System;

class SmtpSession
{
    public void Reply(int code, string text) { }
    int errorCount;
    const int MaxErrors = 10;

    void Loop()
    {
        try
        {
        }
        catch (TimeoutException)
        {
            Reply(421, ""timeout"");
        }

        if (errorCount > MaxErrors)
        {
            Reply(421, ""too many errors"");
        }
    }

    void OnIdleTimeout() => Reply(421, ""idle"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, SMTP003ReplyCodeContextFixer.UseServiceNotAvailableKey);
    }

    [Fact]
    public async Task Server_close_message()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnTimeout() => Reply(221, ""bye"");
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP003").WithSpan(5, 31, 5, 34)
                .WithMessage("Reply code 221 (Service closing transmission channel) is the reply to QUIT; when the server closes the connection itself ('OnTimeout') the reply is 421 (RFC 5321 section 3.8)"));
    }

    [Fact]
    public async Task Quit_branch_with_cancellation_word_stays_silent()
    {
        var source = @"
using System.Threading;

class SmtpSession
{
    public void Reply(int code, string text) { }

    void HandleQuit(CancellationToken token)
    {
        if (!token.IsCancellationRequested)
        {
            Reply(221, ""bye"");
        }
    }

    void Dispatch(string verb, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case ""QUIT"":
                Reply(221, ""bye"");
                break;
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Unrecognized_verb_502_becomes_500_in_switch_and_if_chain()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""HELO"": Reply(250, ""hi""); break;
            case ""QUIT"": Reply(221, ""bye""); break;
            case ""TURN"": Reply(502, ""not implemented""); break;
            default: Reply({|SMTP003:502|}, ""unknown""); break;
        }
    }

    void Dispatch2(string verb)
    {
        if (verb == ""HELO"") Reply(250, ""hi"");
        else if (verb == ""NOOP"") Reply(250, ""ok"");
        else Reply({|SMTP003:502|}, ""unknown"");
    }
}";
        var fixedSource = @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""HELO"": Reply(250, ""hi""); break;
            case ""QUIT"": Reply(221, ""bye""); break;
            case ""TURN"": Reply(502, ""not implemented""); break;
            default: Reply(500, ""unknown""); break;
        }
    }

    void Dispatch2(string verb)
    {
        if (verb == ""HELO"") Reply(250, ""hi"");
        else if (verb == ""NOOP"") Reply(250, ""ok"");
        else Reply(500, ""unknown"");
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, SMTP003ReplyCodeContextFixer.UseCommandUnrecognizedKey);
    }

    [Fact]
    public async Task Quit_answered_with_250_becomes_221_for_literal_enum_and_string()
    {
        var source = @"
using System.IO;
using SmtpAnalyzers;

class SmtpSession
{
    public void Reply(int code, string text) { }
    readonly TextWriter writer = TextWriter.Null;

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""QUIT"":
                Reply({|SMTP003:250|}, ""bye"");
                Reply({|SMTP003:SmtpReplyCode.Ok|}, ""bye"");
                writer.Write({|SMTP003:""250 bye\r\n""|});
                break;
        }
    }
}";
        var fixedSource = @"
using System.IO;
using SmtpAnalyzers;

class SmtpSession
{
    public void Reply(int code, string text) { }
    readonly TextWriter writer = TextWriter.Null;

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""QUIT"":
                Reply(221, ""bye"");
                Reply(SmtpReplyCode.ServiceClosingTransmissionChannel, ""bye"");
                writer.Write(""221 bye\r\n"");
                break;
        }
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, SMTP003ReplyCodeContextFixer.UseServiceClosingKey);
    }

    [Fact]
    public async Task No_fix_where_the_rfc_gives_no_single_answer()
    {
        var test = Verify.CreateTest(Server("RCPT", "{|SMTP003:354|}"), Server("RCPT", "{|SMTP003:354|}"));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task Transient_names_with_5yz_and_permanent_names_with_4yz()
    {
        var source = @"
enum Verdict { Accept, Reject, TempFail }

enum SmtpReplyStatus { TemporaryFailure = {|SMTP003:550|}, PermanentFailure = 550 }

class SmtpSession
{
    public void Reply(int code, string text) { }
    bool isGreylisted;

    void Greylist() => Reply({|SMTP003:550|}, ""try later"");
    void DeferRecipient() => Reply(451, ""try later"");

    void Check(Verdict verdict)
    {
        if (isGreylisted)
        {
            Reply({|SMTP003:554|}, ""greylisted"");
        }

        switch (verdict)
        {
            case Verdict.Reject:
                Reply({|SMTP003:450|}, ""no"");
                break;
            case Verdict.TempFail:
                Reply(451, ""later"");
                break;
        }
    }

    void RejectRecipient() => Reply(450, ""mailbox busy"");
    void RejectTemporarily() => Reply(450, ""later"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Class_message()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void Greylist() => Reply(550, ""later"");
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP003").WithSpan(5, 30, 5, 33)
                .WithMessage("Reply code 550 (Mailbox unavailable) is a permanent (5yz) reply, but 'Greylist' says the outcome is temporary (RFC 5321 section 4.2.1)"));
    }

    [Fact]
    public async Task Client_classifiers()
    {
        var source = @"
class SmtpBounceClassifier
{
    bool IsHardBounce(int replyCode) => {|SMTP003:replyCode >= 400|};
    bool IsPermanent(int code) => code == {|SMTP003:450|} || code >= 500;
    bool ShouldRetry(int code) => code == {|SMTP003:550|} || code == 451;
    bool IsPermanentFailure(int code) => code >= 500;
    bool IsTransient(int code) => code >= 400 && code < 500;
    bool IsPermanent2(int code) => code != 450 && code >= 500;
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Ambiguous_places_stay_silent()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void Send(string line) { }
    int ReadReplyCode() => 0;

    // A helper several commands share: no command is known.
    void ReplyOk() => Reply(250, ""OK"");

    void Command(string line, int expectedCode)
    {
        Send(line);
        if (ReadReplyCode() != expectedCode) { }
        if (ReadReplyCode() != 354) { }
    }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            // Unknown command: no row in the table.
            case ""XCLIENT"":
                Reply(220, ""ok"");
                break;
            case ""RCPT"":
                ReplyOk();
                break;
        }

        // The else of a single verb test: anything but QUIT.
        if (verb == ""QUIT"") Reply(221, ""bye""); else Reply(250, ""ok"");

        // A negated test.
        if (verb != ""QUIT"") Reply(250, ""ok"");
    }

    void Client(string body)
    {
        Send(""DATA"");
        Send(body);
        if (ReadReplyCode() != 250) { }
    }

    void SendWithRetry()
    {
        if (ReadReplyCode() == 550) { return; }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Recognized_but_not_implemented_inside_the_default_stays_silent()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    bool IsKnownVerb(string verb) => verb == ""TURN"";

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""HELO"": Reply(250, ""hi""); break;
            case ""QUIT"": Reply(221, ""bye""); break;
            default:
                if (IsKnownVerb(verb)) Reply(502, ""not implemented""); else Reply(500, ""unknown"");
                Reply(IsKnownVerb(verb) ? 502 : 500, ""?"");
                break;
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Retry_names_that_say_retrying_is_over_are_not_temporary()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void MaxRetriesExceeded() => Reply(550, ""too many retries"");
    void RetryLimitReached() => Reply(554, ""giving up"");
    void RetryLater() => Reply({|SMTP003:554|}, ""later"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Non_smtp_code_stays_silent()
    {
        var source = @"
using System.Threading.Tasks;

class HttpHandler
{
    public int StatusCode { get; set; }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""DATA"": StatusCode = 500; break;
            case ""QUIT"": StatusCode = 250; break;
        }
    }

    Task OnTimeout() => Task.Delay(221);
    void HandleRcpt() { var buffer = new byte[354]; }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Disabled_extension_rows_are_invalid_and_disabled_commands_silent()
    {
        var test = Verify.CreateTest(Server("RCPT", "{|SMTP003:556|}"), Server("RCPT", "{|SMTP003:556|}"), "smtp_analyzers.disabled_extensions = NULLMX");
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();

        var auth = Verify.CreateTest(Server("AUTH", "250"), Server("AUTH", "250"), "smtp_analyzers.disabled_extensions = AUTH, ETRN");
        auth.FixedState.Sources.Clear();
        await auth.RunAsync();

        await Verify.VerifyAnalyzerAsync(Server("RCPT", "556"));
    }

    [Fact]
    public async Task Custom_handler_prefix_option()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void VerbRcpt() => Reply({|SMTP003:354|}, ""go"");
}";
        var test = Verify.CreateTest(source, source, "smtp_analyzers.command_handler_prefixes = Verb");
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();

        var without = source.Replace("{|SMTP003:354|}", "354");
        await Verify.VerifyAnalyzerAsync(without);
    }

    [Fact]
    public async Task Fix_all_in_document_fixes_each_kind_with_its_own_key()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""QUIT"": Reply({|SMTP003:250|}, ""bye""); break;
            case ""NOOP"": Reply(250, ""ok""); break;
            default: Reply({|SMTP003:502|}, ""unknown""); break;
        }
    }

    void OnTimeout() => Reply({|SMTP003:221|}, ""idle"");
    void OnShutdown() => Reply({|SMTP003:221|}, ""shutdown"");
}";
        var fixedSource = @"
class SmtpSession
{
    public void Reply(int code, string text) { }

    void Dispatch(string verb)
    {
        switch (verb)
        {
            case ""QUIT"": Reply({|SMTP003:250|}, ""bye""); break;
            case ""NOOP"": Reply(250, ""ok""); break;
            default: Reply({|SMTP003:502|}, ""unknown""); break;
        }
    }

    void OnTimeout() => Reply(421, ""idle"");
    void OnShutdown() => Reply(421, ""shutdown"");
}";
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeActionEquivalenceKey = SMTP003ReplyCodeContextFixer.UseServiceNotAvailableKey;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 2;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.CodeActionValidationMode = CodeActionValidationMode.None;
        await test.RunAsync();
    }
}
