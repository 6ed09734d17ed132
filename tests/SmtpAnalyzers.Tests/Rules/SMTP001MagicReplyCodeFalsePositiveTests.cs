using System.Threading.Tasks;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP001MagicReplyCodeAnalyzer, SmtpAnalyzers.Rules.SMTP001MagicReplyCodeFixer>;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>
/// False positives (and their neighbours) found by running the corpus runner on real code bases; one test per kind.
/// The code is written for these tests, modelled on the shape of what was found, never copied.
/// </summary>
public class SMTP001MagicReplyCodeFalsePositiveTests
{
    /// <summary>Minimal stand-ins for xUnit, NUnit and FluentAssertions, so the tests need no test framework references.</summary>
    private const string AssertionFrameworks = @"
static class Assert
{
    public static void Equal<T>(T expected, T actual) { }
    public static void NotEqual<T>(T expected, T actual) { }
    public static void That<T>(T actual, object constraint) { }
}

static class Is
{
    public static object EqualTo(object expected) => expected;
}

static class ShouldExtensions
{
    public static Assertion<T> Should<T>(this T value) => new Assertion<T>();
}

class Assertion<T>
{
    public void Be(T expected) { }
}";

    /// <summary>
    /// Kind: a type named for SMTP that derives from a web framework type (Microsoft.AspNetCore*, System.Web*,
    /// System.Net.Http*) speaks HTTP, and its codes are HTTP status codes. A base type from another namespace does not count.
    /// </summary>
    [Fact]
    public async Task No_diagnostic_in_a_type_that_derives_from_a_web_framework_type()
    {
        var source = @"
namespace Microsoft.AspNetCore.Mvc { public class ControllerBase { } }
namespace Microsoft.AspNet.Mvc { public class ControllerBase { } }
namespace System.WebHooks { public class Receiver { } }
namespace System.Network.Http { public class Handler { } }

class SmtpRelayHandler : System.Net.Http.DelegatingHandler
{
    void Reply(int code) { }
    void OnSend() => Reply(250);
}

class SmtpStatusController : Microsoft.AspNetCore.Mvc.ControllerBase
{
    void Reply(int code) { }
    void OnGet() => Reply(250);
}

class SmtpHookReceiver : System.WebHooks.Receiver
{
    void Reply(int code) { }
    void OnHook() => Reply(250);
}

class SmtpLegacyController : Microsoft.AspNet.Mvc.ControllerBase
{
    void Reply(int code) { }
    void OnGet() => Reply({|SMTP001:250|});
}

class SmtpNetworkHandler : System.Network.Http.Handler
{
    void Reply(int code) { }
    void OnSend() => Reply({|SMTP001:250|});
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    /// <summary>
    /// Kind: a literal compared with a constant checks what the constant means (a test of the enum's values);
    /// the fix would have turned it into a comparison of the constant with itself. Seen in a server's unit tests.
    /// </summary>
    [Fact]
    public async Task No_diagnostic_when_the_literal_is_compared_with_a_constant()
    {
        var source = @"
using System.Net.Mail;

class SmtpStatusCodeValueTests
{
    void Values()
    {
        Assert.Equal(250, (int)SmtpStatusCode.Ok);
        Assert.Equal((int)SmtpStatusCode.ServiceReady, 220);
        Assert.That((int)SmtpStatusCode.MailboxUnavailable, Is.EqualTo(550));
        ((int)SmtpStatusCode.ServiceClosingTransmissionChannel).Should().Be(221);
        bool ready = (int)SmtpStatusCode.ServiceReady == 220;
        System.Diagnostics.Debug.Assert(354 == (int)SmtpStatusCode.StartMailInput);
        switch ((int)SmtpStatusCode.Ok)
        {
            case 250:
                break;
        }
    }
}" + AssertionFrameworks;
        await Verify.VerifyAnalyzerAsync(source);
    }

    /// <summary>The same comparisons against a value that is not constant are still reported.</summary>
    [Fact]
    public async Task Comparison_with_a_variable_enum_value_is_still_reported()
    {
        var source = @"
using System.Net.Mail;

class SmtpSender
{
    bool IsReady(SmtpException ex) => (int)ex.StatusCode == {|SMTP001:220|};
}";
        var fixedSource = @"
using System.Net.Mail;

class SmtpSender
{
    bool IsReady(SmtpException ex) => ex.StatusCode == SmtpStatusCode.ServiceReady;
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    /// <summary>
    /// Kind (a miss): equality assertions of test frameworks compare the code as <c>==</c> does;
    /// <c>Assert.That((int)response.StatusCode, Is.EqualTo(250))</c> was seen in a client's tests.
    /// </summary>
    [Fact]
    public async Task Equality_assertions_on_smtp_values_are_reported_and_fixed()
    {
        var source = @"
using System.Net.Mail;

class SmtpReply
{
    public int Code { get; set; }
}

class SmtpClientTests
{
    void Rejected(SmtpException ex, SmtpReply reply)
    {
        Assert.Equal({|SMTP001:550|}, (int)ex.StatusCode);
        Assert.NotEqual((int)ex.StatusCode, {|SMTP001:250|});
        Assert.That((int)ex.StatusCode, Is.EqualTo({|SMTP001:550|}));
        ((int)ex.StatusCode).Should().Be({|SMTP001:550|});
        Assert.Equal({|SMTP001:354|}, reply.Code);
        reply.Code.Should().Be({|SMTP001:221|});
    }
}" + AssertionFrameworks;
        var fixedSource = @"
using System.Net.Mail;
using SmtpAnalyzers;

class SmtpReply
{
    public int Code { get; set; }
}

class SmtpClientTests
{
    void Rejected(SmtpException ex, SmtpReply reply)
    {
        Assert.Equal(SmtpReplyCode.MailboxUnavailable, (int)ex.StatusCode);
        Assert.NotEqual((int)ex.StatusCode, SmtpReplyCode.Ok);
        Assert.That((int)ex.StatusCode, Is.EqualTo(SmtpReplyCode.MailboxUnavailable));
        ((int)ex.StatusCode).Should().Be(SmtpReplyCode.MailboxUnavailable);
        Assert.Equal(SmtpReplyCode.StartMailInput, reply.Code);
        reply.Code.Should().Be(SmtpReplyCode.ServiceClosingTransmissionChannel);
    }
}" + AssertionFrameworks;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    /// <summary>Assertions whose other operand carries no SMTP evidence stay silent, also in SMTP-named test classes.</summary>
    [Fact]
    public async Task No_diagnostic_for_assertions_on_other_values()
    {
        var source = @"
using System.Net;
using System.Net.Http;

class SmtpServerTests
{
    void Sizes(byte[] buffer, HttpResponseMessage response, int timeoutMs)
    {
        Assert.Equal(250, buffer.Length);
        Assert.Equal(500, timeoutMs);
        Assert.Equal(500, (int)response.StatusCode);
        Assert.That(buffer.Length, Is.EqualTo(550));
        buffer.Length.Should().Be(354);
        object constraint = Is.EqualTo(250);
    }
}

class ReportTests
{
    void Codes(int code)
    {
        Assert.Equal(250, code);
        code.Should().Be(550);
    }
}" + AssertionFrameworks;
        await Verify.VerifyAnalyzerAsync(source);
    }
}
