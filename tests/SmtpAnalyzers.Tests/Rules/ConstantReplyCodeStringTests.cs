using System.Threading.Tasks;
using SmtpAnalyzers.Rules;
using Xunit;
using Verify003 = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP003ReplyCodeContextAnalyzer, SmtpAnalyzers.Rules.SMTP003ReplyCodeContextFixer>;
using Verify004 = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP004EnhancedStatusCodeAnalyzer, SmtpAnalyzers.Rules.SMTP004EnhancedStatusCodeFixer>;
using Verify005 = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP005LineEndingAnalyzer, SmtpAnalyzers.Rules.SMTP005LineEndingFixer>;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>
/// Reply strings whose code is a constant, as SMTP002's fix writes them (<c>$"{SmtpReplyCode.X} ..."</c>,
/// <c>SmtpReplyCode.Text.X + " ..."</c>) or as users do (<c>$"{(int)SmtpStatusCode.X} ..."</c>, a const int): SMTP003's reply-class
/// check, SMTP004 and SMTP005 read them like <c>"452 ..."</c>.
/// </summary>
public class ConstantReplyCodeStringTests
{
    private const string Usings = @"
using System.IO;
using System.Net.Mail;
using SmtpAnalyzers;
";

    private const string HttpSource = @"
using System.IO;
using System.Net;

class HttpStatusWriter
{
    private readonly TextWriter writer = TextWriter.Null;
    void ReplyTemporaryFailure() => writer.Write($""{(int)HttpStatusCode.NotImplemented} 4.0.1 try again later\n"");
    void Unavailable() => writer.Write((int)HttpStatusCode.ServiceUnavailable + "" 2.0.3 try again later\n"");
}";

    [Fact]
    public async Task SMTP004_reads_a_constant_leading_code_and_fixes_the_class_digit_only()
    {
        var source = Usings + @"
class SmtpSession
{
    private const int Busy = 452;
    private readonly TextWriter writer = TextWriter.Null;
    void TooMany() => writer.Write($""{SmtpReplyCode.InsufficientSystemStorage} {|SMTP004:5.5.3|} Too many recipients\r\n"");
    void NoUser() => writer.Write(SmtpReplyCode.Text.MailboxUnavailable + "" {|SMTP004:4.1.1|} no such user\r\n"");
    void Cast() => writer.Write($""{(int)SmtpStatusCode.MailboxUnavailable} {|SMTP004:2.1.1|} Mailbox unavailable\r\n"");
    void Full() => writer.Write(Busy + "" {|SMTP004:5.2.2|} Mailbox full\r\n"");
    void Multi() => writer.Write($""{SmtpReplyCode.Ok}-{|SMTP004:5.0.0|} first\r\n250 2.0.0 last\r\n"");
    void Hole(string who) => writer.Write($""{SmtpReplyCode.MailboxUnavailable} {|SMTP004:2.1.1|} <{who}>: no such user\r\n"");
}";
        var fixedSource = Usings + @"
class SmtpSession
{
    private const int Busy = 452;
    private readonly TextWriter writer = TextWriter.Null;
    void TooMany() => writer.Write($""{SmtpReplyCode.InsufficientSystemStorage} 4.5.3 Too many recipients\r\n"");
    void NoUser() => writer.Write(SmtpReplyCode.Text.MailboxUnavailable + "" 5.1.1 no such user\r\n"");
    void Cast() => writer.Write($""{(int)SmtpStatusCode.MailboxUnavailable} 5.1.1 Mailbox unavailable\r\n"");
    void Full() => writer.Write(Busy + "" 4.2.2 Mailbox full\r\n"");
    void Multi() => writer.Write($""{SmtpReplyCode.Ok}-2.0.0 first\r\n250 2.0.0 last\r\n"");
    void Hole(string who) => writer.Write($""{SmtpReplyCode.MailboxUnavailable} 5.1.1 <{who}>: no such user\r\n"");
}";
        await Verify004.VerifyCodeFixAsync(source, fixedSource, SMTP004EnhancedStatusCodeFixer.MatchClassKey);
    }

    [Fact]
    public async Task SMTP004_exact_span_of_a_constant_code_reply()
    {
        var source = Usings + @"
class SmtpSession
{
    private readonly TextWriter writer = TextWriter.Null;
    void TooMany() => writer.Write($""{SmtpReplyCode.InsufficientSystemStorage} 5.5.3 Too many recipients\r\n"");
}";
        await Verify004.VerifyAnalyzerAsync(
            source,
            Verify004.Diagnostic("SMTP004").WithSpan(9, 80, 9, 85)
                .WithMessage("Enhanced status code 5.5.3 does not match reply code 452: its class must be 4"));
    }

    [Fact]
    public async Task SMTP004_stays_silent_without_a_constant_reply_code()
    {
        var source = Usings + @"
class SmtpSession
{
    private const int Port = 587;
    private const int Retries = 3;
    private readonly TextWriter writer = TextWriter.Null;
    void NotACode() => writer.Write($""{Port} 2.1.1 Mailbox unavailable\r\n"");
    void Small() => writer.Write(Retries + "" 2.1.1 Mailbox unavailable\r\n"");
    void NotConstant(int status) => writer.Write($""{status} 2.1.1 Mailbox unavailable\r\n"");
    void NotConstantPlus(int status) => writer.Write(status + "" 2.1.1 Mailbox unavailable\r\n"");
    void EnumName() => writer.Write($""{SmtpStatusCode.MailboxUnavailable} 2.1.1 Mailbox unavailable\r\n"");
    void Formatted() => writer.Write($""{SmtpReplyCode.MailboxUnavailable:X} 2.1.1 Mailbox unavailable\r\n"");
    void NotFirst() => writer.Write($""x{SmtpReplyCode.MailboxUnavailable} 2.1.1 Mailbox unavailable\r\n"");
    void Version() => writer.Write(SmtpReplyCode.Text.MailboxUnavailable + ""2.1.1"");
    void Right() => writer.Write(""x"" + SmtpReplyCode.Text.MailboxUnavailable + "" 2.1.1 Mailbox unavailable\r\n"");
}";
        await Verify004.VerifyAnalyzerAsync(source);
        await Verify004.VerifyAnalyzerAsync(HttpSource);
    }

    [Fact]
    public async Task SMTP005_reads_a_constant_leading_code()
    {
        var source = Usings + @"
class SmtpSession
{
    private const int Done = 250;
    private readonly TextWriter writer = TextWriter.Null;
    void Help() => writer.Write({|SMTP005:$""{SmtpReplyCode.HelpMessage} Commands: EHLO HELO MAIL RCPT DATA\n""|});
    void Ok() => writer.Write(SmtpReplyCode.Text.Ok + {|SMTP005:"" OK\n""|});
    void Cast() => writer.Write({|SMTP005:$""{(int)SmtpStatusCode.Ok}-SIZE 1000\n""|});
    void Chain(string more) => writer.Write(Done + {|SMTP005:"" OK\n""|} + more);
}";
        var fixedSource = Usings + @"
class SmtpSession
{
    private const int Done = 250;
    private readonly TextWriter writer = TextWriter.Null;
    void Help() => writer.Write($""{SmtpReplyCode.HelpMessage} Commands: EHLO HELO MAIL RCPT DATA\r\n"");
    void Ok() => writer.Write(SmtpReplyCode.Text.Ok + "" OK\r\n"");
    void Cast() => writer.Write($""{(int)SmtpStatusCode.Ok}-SIZE 1000\r\n"");
    void Chain(string more) => writer.Write(Done + "" OK\r\n"" + more);
}";
        await Verify005.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task SMTP005_exact_span_of_a_constant_code_reply()
    {
        var source = Usings + @"
class SmtpSession
{
    private readonly TextWriter writer = TextWriter.Null;
    void Ok() => writer.Write(SmtpReplyCode.Text.Ok + "" OK\n"");
}";
        await Verify005.VerifyAnalyzerAsync(source, Verify005.Diagnostic("SMTP005").WithSpan(9, 55, 9, 62));
    }

    [Fact]
    public async Task SMTP005_stays_silent_without_a_constant_reply_code()
    {
        var source = Usings + @"
class SmtpSession
{
    private const int Limit = 100;
    private readonly TextWriter writer = TextWriter.Null;
    void NotACode() => writer.Write($""{Limit} messages queued\n"");
    void NotConstant(int count) => writer.Write($""{count} messages queued\n"");
    void NotConstantPlus(int count) => writer.Write(count + "" messages queued\n"");
    void EnumName() => writer.Write($""{SmtpStatusCode.Ok} messages queued\n"");
}";
        await Verify005.VerifyAnalyzerAsync(source);
        await Verify005.VerifyAnalyzerAsync(HttpSource);
    }

    [Fact]
    public async Task SMTP003_reply_class_of_a_constant_code_reply()
    {
        var source = Usings + @"
class SmtpSession
{
    private const int Failed = 554;
    private readonly TextWriter writer = TextWriter.Null;
    void ReplyTemporaryFailure() => writer.Write({|SMTP003:$""{SmtpReplyCode.TransactionFailed} Local error in processing, try again later\r\n""|});
    void Greylist() => writer.Write({|SMTP003:SmtpReplyCode.Text.MailboxUnavailable + "" 4.7.1 greylisted\r\n""|});
    void DeferRecipient() => writer.Write({|SMTP003:$""{(int)SmtpStatusCode.TransactionFailed} try again later\r\n""|});
    void RetryLater() => writer.Write({|SMTP003:Failed + "" try again later\r\n""|});
    void RejectPermanently() => writer.Write({|SMTP003:$""{SmtpReplyCode.LocalErrorInProcessing} rejected\r\n""|});
    void ReplyTemporaryFailureOk() => writer.Write($""{SmtpReplyCode.LocalErrorInProcessing} try again later\r\n"");
    void RejectRecipient() => writer.Write($""{SmtpReplyCode.MailboxUnavailable} no such user\r\n"");
}";
        await Verify003.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SMTP003_exact_span_and_message_of_a_constant_code_reply()
    {
        var source = Usings + @"
class SmtpSession
{
    private readonly TextWriter writer = TextWriter.Null;
    void ReplyTemporaryFailure() => writer.Write($""{SmtpReplyCode.TransactionFailed} try again later\r\n"");
}";
        await Verify003.VerifyAnalyzerAsync(
            source,
            Verify003.Diagnostic("SMTP003").WithSpan(9, 50, 9, 106)
                .WithMessage("Reply code 554 (Transaction failed) is a permanent (5yz) reply, but 'ReplyTemporaryFailure' says the outcome is temporary (RFC 5321 section 4.2.1)"));
    }

    [Fact]
    public async Task SMTP003_stays_silent_without_a_constant_reply_code()
    {
        var source = Usings + @"
class SmtpSession
{
    private const int Limit = 100;
    private readonly TextWriter writer = TextWriter.Null;
    void ReplyTemporaryFailure(int status) => writer.Write($""{status} try again later\r\n"");
    void DeferRecipient(int status) => writer.Write(status + "" try again later\r\n"");
    void RetryLater() => writer.Write($""{Limit} try again later\r\n"");
    void Greylist() => writer.Write($""{SmtpStatusCode.TransactionFailed} try again later\r\n"");
}";
        await Verify003.VerifyAnalyzerAsync(source);
        await Verify003.VerifyAnalyzerAsync(HttpSource);
    }
}
