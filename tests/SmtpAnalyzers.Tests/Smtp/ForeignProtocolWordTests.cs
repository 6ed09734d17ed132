using System.Threading.Tasks;
using SmtpAnalyzers.Smtp;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP001MagicReplyCodeAnalyzer, SmtpAnalyzers.Rules.SMTP001MagicReplyCodeFixer>;

namespace SmtpAnalyzers.Tests.Smtp;

/// <summary>"Rest" marks a type as another protocol only as a whole word: RestClient, not Interest or SmtpRestartHandler.</summary>
public class ForeignProtocolWordTests
{
    [Theory]
    [InlineData("RestClient")]
    [InlineData("IRestApi")]
    [InlineData("restClient")]
    [InlineData("MyRest")]
    [InlineData("Rest")]
    [InlineData("REST_API")]
    [InlineData("RESTClient")]
    [InlineData("rest_api")]
    [InlineData("RestfulService")]
    [InlineData("HttpSmtpBridge")]
    [InlineData("SftpUploader")]
    [InlineData("Pop3Session")]
    public void Foreign(string name) => Assert.True(SmtpSemantics.ContainsForeignProtocolWord(name), name);

    [Theory]
    [InlineData("Interest")]
    [InlineData("InterestRate")]
    [InlineData("SmtpRestartHandler")]
    [InlineData("Restore")]
    [InlineData("RESTORE")]
    [InlineData("SmtpSessionRestorer")]
    [InlineData("ForestSmtpServer")]
    [InlineData("UnrestrictedSmtpRelay")]
    [InlineData("SmtpSession")]
    public void Not_foreign(string name) => Assert.False(SmtpSemantics.ContainsForeignProtocolWord(name), name);

    [Fact]
    public async Task A_SMTP_type_whose_name_contains_rest_inside_a_word_is_SMTP()
    {
        var source = @"
class SmtpRestartHandler
{
    public void Reply(int code, string text) { }
}

class Server
{
    void OnData(SmtpRestartHandler handler) => handler.Reply({|SMTP001:354|}, ""Start mail input"");
}";
        var fixedSource = @"
using SmtpAnalyzers;

class SmtpRestartHandler
{
    public void Reply(int code, string text) { }
}

class Server
{
    void OnData(SmtpRestartHandler handler) => handler.Reply(SmtpReplyCode.StartMailInput, ""Start mail input"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task A_REST_type_is_still_not_SMTP()
    {
        var source = @"
// Forwards SMTP replies to a REST endpoint.
class SmtpRestClient
{
    public void Reply(int code, string text) { }
}

class Server
{
    void OnData(SmtpRestClient client) => client.Reply(354, ""Start mail input"");
}";
        await Verify.VerifyAnalyzerAsync(source);
    }
}
