using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.ReplyCodes;
using SmtpAnalyzers.Rules;
using SmtpAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP004EnhancedStatusCodeAnalyzer, SmtpAnalyzers.Rules.SMTP004EnhancedStatusCodeFixer>;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP004EnhancedStatusCodeTests
{
    /// <summary>An SMTP session that writes replies to its connection.</summary>
    private const string Session = @"
using System.IO;

partial class SmtpSession
{
    private readonly StreamWriter writer;
    public SmtpSession(Stream stream) { writer = new StreamWriter(stream); }
";

    [Fact]
    public async Task Message_names_code_reply_and_class()
    {
        var source = Session + @"
    void Reject() => writer.Write(""550 2.1.1 Mailbox unavailable\r\n"");
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP004").WithSpan(9, 40, 9, 45)
                .WithMessage("Enhanced status code 2.1.1 does not match reply code 550: its class must be 5"));
    }

    [Fact]
    public async Task Class_mismatch_in_literals_gets_the_class_of_the_reply()
    {
        var source = Session + @"
    void Reject() => writer.Write(""550 {|SMTP004:2.1.1|} Mailbox unavailable\r\n"");
    void Accept() => writer.Write(""250 {|SMTP004:5.1.5|} Destination address valid\r\n"");
    void Later() => writer.Write(""451 {|SMTP004:5.3.0|} Local error\r\n"");
    void Verbatim() => writer.Write(@""550 {|SMTP004:4.7.1|} Relaying denied"" + ""\r\n"");
}";
        var fixedSource = Session + @"
    void Reject() => writer.Write(""550 5.1.1 Mailbox unavailable\r\n"");
    void Accept() => writer.Write(""250 2.1.5 Destination address valid\r\n"");
    void Later() => writer.Write(""451 4.3.0 Local error\r\n"");
    void Verbatim() => writer.Write(@""550 5.7.1 Relaying denied"" + ""\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, SMTP004EnhancedStatusCodeFixer.MatchClassKey);
    }

    [Fact]
    public async Task Every_line_of_a_multiline_reply_is_checked()
    {
        var source = Session + @"
    void Help() => writer.Write(""214-2.0.0 Commands: HELO EHLO MAIL RCPT DATA\r\n214 {|SMTP004:5.0.0|} End of HELP info\r\n"");
}";
        var fixedSource = Session + @"
    void Help() => writer.Write(""214-2.0.0 Commands: HELO EHLO MAIL RCPT DATA\r\n214 2.0.0 End of HELP info\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Interpolated_and_format_strings()
    {
        var source = Session + @"
    void NoUser(string address) => writer.Write($""550 {|SMTP004:4.1.1|} <{address}>: no such user\r\n"");
    void Busy(string reason) => writer.Write(string.Format(""451 {|SMTP004:5.3.0|} {0}\r\n"", reason));
}";
        var fixedSource = Session + @"
    void NoUser(string address) => writer.Write($""550 5.1.1 <{address}>: no such user\r\n"");
    void Busy(string reason) => writer.Write(string.Format(""451 4.3.0 {0}\r\n"", reason));
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Basic_code_paired_with_enhanced_code_in_a_call()
    {
        var source = @"
using SmtpAnalyzers;

class SmtpResponse
{
    public SmtpResponse(int code, string text) { }
}

class SmtpSession
{
    public void Reply(int code, string text) { }

    SmtpResponse NoSuchUser() => new SmtpResponse(550, ""{|SMTP004:2.1.1|} No such user"");
    void Deny() => Reply(SmtpReplyCode.Ok, ""{|SMTP004:5.7.1|} Relaying denied"");
    void Fine() => Reply(SmtpReplyCode.MailboxUnavailable, ""5.7.1 Relaying denied"");
}";
        var fixedSource = @"
using SmtpAnalyzers;

class SmtpResponse
{
    public SmtpResponse(int code, string text) { }
}

class SmtpSession
{
    public void Reply(int code, string text) { }

    SmtpResponse NoSuchUser() => new SmtpResponse(550, ""5.1.1 No such user"");
    void Deny() => Reply(SmtpReplyCode.Ok, ""2.7.1 Relaying denied"");
    void Fine() => Reply(SmtpReplyCode.MailboxUnavailable, ""5.7.1 Relaying denied"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task System_Net_Mail_enum_paired_with_enhanced_code()
    {
        var source = @"
using System.Net.Mail;

class SmtpReply
{
    public SmtpReply(SmtpStatusCode status, string text) { }
    static SmtpReply Full() => new SmtpReply(SmtpStatusCode.ExceededStorageAllocation, ""{|SMTP004:4.2.2|} Mailbox full"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Intermediate_replies_carry_no_enhanced_code_and_get_no_fix()
    {
        var source = Session + @"
    void Data() => writer.Write(""354 {|SMTP004:2.0.0|} Start mail input; end with <CRLF>.<CRLF>\r\n"");
    void Auth() => writer.Write(""334 {|SMTP004:2.7.0|} VXNlcm5hbWU6\r\n"");
}";
        await Verify.VerifyAnalyzerAsync(source);
        await Verify.VerifyAnalyzerAsync(
            Session + @"
    void Data() => writer.Write(""354 2.0.0 Go ahead\r\n"");
}",
            Verify.Diagnostic("SMTP004").WithSpan(9, 38, 9, 43)
                .WithMessage("Reply code 354 is a 3yz reply and carries no enhanced status code; 2.0.0 must go"));
    }

    [Fact]
    public async Task Malformed_codes_get_no_fix()
    {
        var source = Session + @"
    void A() => writer.Write(""550 {|SMTP004:5.1|} Mailbox unavailable\r\n"");
    void B() => writer.Write(""550 {|SMTP004:5.01.1|} Mailbox unavailable\r\n"");
    void C() => writer.Write(""550 {|SMTP004:5.1.1000|} Mailbox unavailable\r\n"");
    void D() => writer.Write(""550 {|SMTP004:1.1.1|} Mailbox unavailable\r\n"");
    void E() => writer.Write(""550 {|SMTP004:5.1000.1|} Mailbox unavailable\r\n"");
}";
        var test = Verify.CreateTest(source, source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
        await Verify.VerifyAnalyzerAsync(
            Session + @"
    void B() => writer.Write(""550 5.01.1 Mailbox unavailable\r\n"");
}",
            Verify.Diagnostic("SMTP004").WithSpan(9, 35, 9, 41)
                .WithMessage("'5.01.1' is not a well-formed enhanced status code: class 2, 4 or 5, then subject and detail of 1 to 3 digits without leading zeros"));
    }

    [Fact]
    public async Task Unregistered_subject_detail_is_SMTP006_info()
    {
        var source = Session + @"
    void A() => writer.Write(""550 {|SMTP006:5.1.20|} Mailbox unavailable\r\n"");
    void B() => writer.Write(""550 {|SMTP006:5.8.1|} Mailbox unavailable\r\n"");
    void C() => writer.Write(""550 5.7.30 REQUIRETLS support required\r\n"");
    void D() => writer.Write(""550 5.1.10 Recipient address has null MX\r\n"");
}";
        await Verify.VerifyAnalyzerAsync(source);
        await Verify.VerifyAnalyzerAsync(
            Session + @"
    void A() => writer.Write(""250 2.9.9 Ok\r\n"");
}",
            new DiagnosticResult("SMTP006", DiagnosticSeverity.Info).WithSpan(9, 35, 9, 40)
                .WithMessage("Enhanced status code 2.9.9 is not in the IANA registry of SMTP enhanced status codes (RFC 5248)"));
    }

    [Fact]
    public async Task Mismatch_and_unregistered_are_both_reported()
    {
        var source = Session + @"
    void A() => writer.Write(""550 {|SMTP004:{|SMTP006:2.1.99|}|} Mailbox unavailable\r\n"");
}";
        var fixedSource = Session + @"
    void A() => writer.Write(""550 {|SMTP006:5.1.99|} Mailbox unavailable\r\n"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_all_in_document_fixes_every_class_mismatch()
    {
        var source = Session + @"
    void A() => writer.Write(""550 {|SMTP004:2.1.1|} No such user\r\n"");
    void B() => writer.Write(""250 {|SMTP004:5.0.0|} Ok\r\n"");
    void C() => writer.Write(""452 {|SMTP004:5.5.3|} Too many recipients\r\n"");
    void D() => writer.Write(""421 {|SMTP004:5.4.2|} Closing\r\n"");
}";
        var fixedSource = Session + @"
    void A() => writer.Write(""550 5.1.1 No such user\r\n"");
    void B() => writer.Write(""250 2.0.0 Ok\r\n"");
    void C() => writer.Write(""452 4.5.3 Too many recipients\r\n"");
    void D() => writer.Write(""421 4.4.2 Closing\r\n"");
}";
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeActionEquivalenceKey = SMTP004EnhancedStatusCodeFixer.MatchClassKey;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Valid_codes_and_dotted_numbers_outside_reply_text_are_ignored()
    {
        var source = Session + @"
    void Ok() => writer.Write(""250 2.1.5 Ok\r\n"");
    void Tls() => writer.Write(""220 2.0.0 Ready to start TLS\r\n"");
    void Greeting() => writer.Write(""220 mail.example.com ESMTP 3.5.1 ready\r\n"");
    void Ip() => writer.Write(""250 192.168.1.10 is your address\r\n"");
    void NoEnhanced() => writer.Write(""550 Mailbox unavailable\r\n"");
    void Size() => writer.Write(""250-SIZE 1.5.3\r\n"");
    void Ehlo() => writer.Write(""250-mail.example.com\r\n250 ENHANCEDSTATUSCODES\r\n"");
    void Beta() => writer.Write(""250 2.5.0-beta\r\n"");
    void Cut(int x) => writer.Write($""550 5.1{x} whatever\r\n"");
    string Version => ""5.1.1"";
    const string Release = ""Version 2.5.0"";
}

class Versions
{
    void Log(int code, string text) { }
    void M()
    {
        System.Console.WriteLine(""550 2.1.1 would be wrong, but this is the console"");
        Log(250, ""5.1.1 released"");
        var v = new System.Version(""2.5.0"");
        var ip = System.Net.IPAddress.Parse(""10.0.0.1"");
    }
}

class HttpServer
{
    private readonly StreamWriter writer = new StreamWriter(new MemoryStream());
    void Reply() => writer.Write(""451 5.3.0 not smtp\r\n"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public void Parser_reads_class_subject_detail_without_allocating_and_rejects_non_codes()
    {
        Assert.True(EnhancedStatusCodeTable.TryParse("550 5.1.1 x", 4, out var code));
        Assert.Equal((5, 1, 1, 5, EnhancedStatusCodeProblem.None), (code.Class, code.Subject, code.Detail, code.Length, code.Problem));
        Assert.True(EnhancedStatusCodeTable.TryParse("5.7.30", 0, out code));
        Assert.Equal((5, 7, 30, EnhancedStatusCodeProblem.None), (code.Class, code.Subject, code.Detail, code.Problem));
        Assert.True(EnhancedStatusCodeTable.TryParse("5.01.1", 0, out code));
        Assert.Equal(EnhancedStatusCodeProblem.LeadingZero, code.Problem);
        Assert.True(EnhancedStatusCodeTable.TryParse("5.1.0001", 0, out code));
        Assert.Equal(EnhancedStatusCodeProblem.TooManyDigits, code.Problem);
        Assert.True(EnhancedStatusCodeTable.TryParse("5.1", 0, out code));
        Assert.Equal(EnhancedStatusCodeProblem.MissingDetail, code.Problem);
        Assert.True(EnhancedStatusCodeTable.TryParse("3.1.1", 0, out code));
        Assert.Equal(EnhancedStatusCodeProblem.BadClass, code.Problem);
        Assert.True(EnhancedStatusCodeTable.TryParse("5.0.0", 0, out code));
        Assert.Equal(EnhancedStatusCodeProblem.None, code.Problem);

        Assert.False(EnhancedStatusCodeTable.TryParse("192.168.1.1", 0, out _));
        Assert.False(EnhancedStatusCodeTable.TryParse("10.1.1", 0, out _));
        Assert.False(EnhancedStatusCodeTable.TryParse("2.5.0-beta", 0, out _));
        Assert.False(EnhancedStatusCodeTable.TryParse("1.5 MB", 0, out _));
        Assert.False(EnhancedStatusCodeTable.TryParse("mail.example.com", 0, out _));
        Assert.False(EnhancedStatusCodeTable.TryParse("550", 0, out _));

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            EnhancedStatusCodeTable.TryParse("550 5.1.1 No such user", 4, out code);
            EnhancedStatusCodeTable.ParseReplyCode("550 5.1.1 No such user", 0, out _);
            EnhancedStatusCodeTable.Find(code.Subject, code.Detail);
        }

        Assert.Equal(before, System.GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Registry_table_matches_the_shared_tsv()
    {
        Assert.Equal(81, EnhancedStatusCodeTable.All.Length);
        Assert.NotNull(EnhancedStatusCodeTable.Find(0, 0));
        Assert.Null(EnhancedStatusCodeTable.Find(0, 1));
        Assert.NotNull(EnhancedStatusCodeTable.Find(1, 10));
        Assert.Null(EnhancedStatusCodeTable.Find(1, 11));
        Assert.NotNull(EnhancedStatusCodeTable.Find(7, 30));
        Assert.Null(EnhancedStatusCodeTable.Find(7, 31));
        Assert.Null(EnhancedStatusCodeTable.Find(8, 0));
        Assert.Null(EnhancedStatusCodeTable.Find(-1, 0));
    }
}
