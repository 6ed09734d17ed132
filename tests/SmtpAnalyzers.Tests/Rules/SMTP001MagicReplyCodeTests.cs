using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpAnalyzers.Rules;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP001MagicReplyCodeAnalyzer, SmtpAnalyzers.Rules.SMTP001MagicReplyCodeFixer>;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP001MagicReplyCodeTests
{
    /// <summary>A small SMTP server type as user code declares it.</summary>
    private const string SessionType = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
}";

    [Fact]
    public async Task Message_names_the_code_and_its_meaning()
    {
        var source = @"
class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnData() => Reply(354, ""Go ahead"");
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP001").WithSpan(5, 28, 5, 31).WithMessage("Use a named constant for SMTP reply code 354 (Start mail input)"));
    }

    [Fact]
    public async Task Literals_in_declarations_marked_generated_code_are_not_reported()
    {
        // The rules walk each SMTP file themselves; the walk skips [GeneratedCode] declarations as the driver does.
        var source = @"
using System.CodeDom.Compiler;

class Server
{
    void OnData(SmtpSession session) => session.Reply({|SMTP001:354|}, ""Start mail input"");
}

[GeneratedCode(""tool"", ""1.0"")]
class GeneratedServer
{
    void OnData(SmtpSession session) => session.Reply(354, ""Start mail input"");
}

class PartlyGeneratedServer
{
    [GeneratedCodeAttribute(""tool"", ""1.0"")]
    void OnData(SmtpSession session) => session.Reply(354, ""Start mail input"");

    void OnQuit(SmtpSession session) => session.Reply({|SMTP001:221|}, ""Bye"");
}" + SessionType;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task An_attribute_only_named_GeneratedCode_or_on_the_return_value_does_not_hide_literals()
    {
        // As the driver decides: the attribute must be System.CodeDom.Compiler.GeneratedCodeAttribute, on the declaration itself.
        var source = @"
using System.CodeDom.Compiler;

namespace Mine
{
    class GeneratedCodeAttribute : System.Attribute { }
}

[Mine.GeneratedCode]
class HandWrittenServer
{
    void OnData(SmtpSession session) => session.Reply({|SMTP001:354|}, ""Start mail input"");
}

class Server
{
    [return: GeneratedCode(""tool"", ""1.0"")]
    int OnData(SmtpSession session)
    {
        session.Reply({|SMTP001:354|}, ""Start mail input"");
        return 0;
    }
}" + SessionType;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_decided_from_the_declared_symbol_as_the_driver_does()
    {
        // Skipped: an alias of the real attribute. Reported: a target the compiler does not apply to the method (CS0657),
        // an event's backing field, a partial class declared in two places (Roslyn counts only a single declaration).
        var source = @"
using System;
using GC = System.CodeDom.Compiler.GeneratedCodeAttribute;

[GC(""tool"", ""1.0"")]
class AliasedServer
{
    void OnData(SmtpSession session) => session.Reply(354, ""Start mail input"");
}

class Server
{
    private readonly SmtpSession session = new SmtpSession();

#pragma warning disable CS0657
    [type: GC(""tool"", ""1.0"")]
    void OnData() => session.Reply({|SMTP001:354|}, ""Start mail input"");
#pragma warning restore CS0657

    [field: GC(""tool"", ""1.0"")]
    event Action Quit = () => new SmtpSession().Reply({|SMTP001:221|}, ""Bye"");
}

[GC(""tool"", ""1.0"")]
partial class PartialServer
{
    void OnQuit(SmtpSession session) => session.Reply({|SMTP001:221|}, ""Bye"");
}

partial class PartialServer
{
}" + SessionType;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Literals_in_an_accessor_marked_generated_code_are_not_reported()
    {
        // The driver counts an accessor with the attribute as generated; the other accessor is hand-written.
        var source = @"
using System.CodeDom.Compiler;

class Server
{
    private readonly SmtpSession session = new SmtpSession();

    int Code
    {
        [GeneratedCode(""tool"", ""1.0"")]
        get { session.Reply(354, ""Start mail input""); return 0; }
        set { session.Reply({|SMTP001:221|}, ""Bye""); }
    }
}" + SessionType;
        await Verify.VerifyAnalyzerAsync(source);
    }

    /// <summary>
    /// The driver drops a diagnostic in a [GeneratedCode] declaration only when the file holds a token spelled
    /// <c>GeneratedCode</c> or <c>GeneratedCodeAttribute</c> (its GeneratedCodeTokenWalker). An accessor marked through a
    /// global using alias declared in another file has none: the driver reports its diagnostics.
    /// </summary>
    [Fact]
    public async Task Accessor_marked_generated_through_a_global_alias_in_another_file_is_reported_as_the_driver_does()
    {
        var source = @"
class SmtpServer
{
    void Reply(int code, string text) { }

    int Code
    {
        [GC(""tool"", ""1"")]
        get { Reply({|SMTP001:354|}, ""Go ahead""); return 0; }
        set { Reply({|SMTP001:221|}, ""Bye""); }
    }
}";
        var test = Verify.CreateTest(source, source);
        test.TestState.Sources.Add(("/0/Alias.cs", "global using GC = System.CodeDom.Compiler.GeneratedCodeAttribute;"));
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        test.FixedState.Sources.Clear();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Literals_in_a_line_hidden_region_are_not_reported()
    {
        // The driver counts #line hidden regions as generated code, and, once a file has one, the lines before its first
        // #line directive too.
        var source = @"
class Server
{
    void BeforeAnyDirective(SmtpSession session) => session.Reply(250, ""OK"");

#line 20 ""Server.razor""
    void OnData(SmtpSession session) => session.Reply({|SMTP001:354|}, ""Start mail input"");
#line hidden
    void OnQuit(SmtpSession session) => session.Reply(221, ""Bye"");
#line default
    void OnRset(SmtpSession session) => session.Reply({|SMTP001:250|}, ""OK"");
}" + SessionType;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Nothing_is_reported_in_an_assembly_marked_generated_code()
    {
        var source = @"
[assembly: System.CodeDom.Compiler.GeneratedCode(""tool"", ""1.0"")]

class Server
{
    void OnData(SmtpSession session) => session.Reply(354, ""Start mail input"");
}" + SessionType;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Argument_to_code_parameter_of_smtp_type_gets_bundled_constant_and_using()
    {
        var source = @"
class Server
{
    void OnData(SmtpSession session) => session.Reply({|SMTP001:354|}, ""Start mail input"");
}" + SessionType;
        var fixedSource = @"
using SmtpAnalyzers;

class Server
{
    void OnData(SmtpSession session) => session.Reply(SmtpReplyCode.StartMailInput, ""Start mail input"");
}" + SessionType;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Cast_to_System_Net_Mail_enum_becomes_enum_member()
    {
        var source = @"
using System.Net.Mail;

class Client
{
    bool IsRejected(SmtpException ex) => ex.StatusCode == (SmtpStatusCode){|SMTP001:550|};
}";
        var fixedSource = @"
using System.Net.Mail;

class Client
{
    bool IsRejected(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Int_cast_comparison_becomes_natural_enum_comparison()
    {
        var source = @"
using System.Net.Mail;

class Client
{
    bool IsBusy(SmtpException ex) => (int)ex.StatusCode == {|SMTP001:450|};
    bool IsNotOk(SmtpException ex) => {|SMTP001:250|} != (int)ex.StatusCode;
}";
        var fixedSource = @"
using System.Net.Mail;

class Client
{
    bool IsBusy(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxBusy;
    bool IsNotOk(SmtpException ex) => SmtpStatusCode.Ok != ex.StatusCode;
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Case_labels_over_int_cast_enum_use_the_enum_member()
    {
        var source = @"
using System.Net.Mail;

class Client
{
    string Describe(SmtpException ex)
    {
        switch ((int)ex.StatusCode)
        {
            case {|SMTP001:421|}: return ""closing"";
            case {|SMTP001:550|}: return ""no such mailbox"";
            default: return ""other"";
        }
    }
}";
        var fixedSource = @"
using System.Net.Mail;

class Client
{
    string Describe(SmtpException ex)
    {
        switch ((int)ex.StatusCode)
        {
            case (int)SmtpStatusCode.ServiceNotAvailable: return ""closing"";
            case (int)SmtpStatusCode.MailboxUnavailable: return ""no such mailbox"";
            default: return ""other"";
        }
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Enum_member_missing_from_library_falls_back_to_bundled_constant()
    {
        // System.Net.Mail.SmtpStatusCode has no member for 235.
        var source = @"
using System.Net.Mail;

class Client
{
    SmtpStatusCode Authenticated => (SmtpStatusCode){|SMTP001:235|};
}";
        var fixedSource = @"
using System.Net.Mail;
using SmtpAnalyzers;

class Client
{
    SmtpStatusCode Authenticated => (SmtpStatusCode)SmtpReplyCode.AuthenticationSucceeded;
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Code_parsed_from_reply_line_in_smtp_client()
    {
        var source = @"
class SmtpClientConnection
{
    bool ReadyForData(string line) => int.Parse(line.Substring(0, 3)) == {|SMTP001:354|};
    bool Accepted(string line) => int.Parse(line[..3]) is {|SMTP001:250|} or {|SMTP001:251|};
}";
        var fixedSource = @"
using SmtpAnalyzers;

class SmtpClientConnection
{
    bool ReadyForData(string line) => int.Parse(line.Substring(0, 3)) == SmtpReplyCode.StartMailInput;
    bool Accepted(string line) => int.Parse(line[..3]) is SmtpReplyCode.Ok or SmtpReplyCode.UserNotLocalWillForward;
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Members_and_locals_named_for_codes_inside_smtp_types()
    {
        var source = @"
class SmtpResponse
{
    public int Code { get; set; }
    public int ReplyCode => {|SMTP001:250|};

    public bool IsReady() => Code == {|SMTP001:220|};

    public void Reset()
    {
        Code = {|SMTP001:250|};
        int statusCode = {|SMTP001:421|};
        var response = new SmtpResponse { Code = {|SMTP001:550|} };
    }

    public int GetReplyCode()
    {
        return {|SMTP001:221|};
    }
}";
        var fixedSource = @"
using SmtpAnalyzers;

class SmtpResponse
{
    public int Code { get; set; }
    public int ReplyCode => SmtpReplyCode.Ok;

    public bool IsReady() => Code == SmtpReplyCode.ServiceReady;

    public void Reset()
    {
        Code = SmtpReplyCode.Ok;
        int statusCode = SmtpReplyCode.ServiceNotAvailable;
        var response = new SmtpResponse { Code = SmtpReplyCode.MailboxUnavailable };
    }

    public int GetReplyCode()
    {
        return SmtpReplyCode.ServiceClosingTransmissionChannel;
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_works_where_a_constant_is_required()
    {
        var source = @"
using System;

[AttributeUsage(AttributeTargets.Method)]
class SmtpReplyAttribute : Attribute
{
    public SmtpReplyAttribute(int code) { }
}

class SmtpHandler
{
    [SmtpReply({|SMTP001:250|})]
    public void Reply(int code = {|SMTP001:250|}) { }

    public string Name(int replyCode)
    {
        switch (replyCode)
        {
            case {|SMTP001:354|}: return ""data"";
        }

        return replyCode switch
        {
            {|SMTP001:221|} => ""bye"",
            _ => ""?"",
        };
    }
}";
        var fixedSource = @"
using System;
using SmtpAnalyzers;

[AttributeUsage(AttributeTargets.Method)]
class SmtpReplyAttribute : Attribute
{
    public SmtpReplyAttribute(int code) { }
}

class SmtpHandler
{
    [SmtpReply(SmtpReplyCode.Ok)]
    public void Reply(int code = SmtpReplyCode.Ok) { }

    public string Name(int replyCode)
    {
        switch (replyCode)
        {
            case SmtpReplyCode.StartMailInput: return ""data"";
        }

        return replyCode switch
        {
            SmtpReplyCode.ServiceClosingTransmissionChannel => ""bye"",
            _ => ""?"",
        };
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task User_constant_is_preferred_over_bundled_constant()
    {
        var source = @"
static class ReplyCodes
{
    public const int Ready = 354;
}

class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnData() => Reply({|SMTP001:354|}, ""go"");
}";
        var fixedSource = @"
static class ReplyCodes
{
    public const int Ready = 354;
}

class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnData() => Reply(ReplyCodes.Ready, ""go"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Second_action_always_uses_bundled_constant()
    {
        var source = @"
static class ReplyCodes
{
    public const int Ready = 354;
}

class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnData() => Reply({|SMTP001:354|}, ""go"");
}";
        var fixedSource = @"
using SmtpAnalyzers;

static class ReplyCodes
{
    public const int Ready = 354;
}

class SmtpSession
{
    public void Reply(int code, string text) { }
    void OnData() => Reply(SmtpReplyCode.StartMailInput, ""go"");
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, SMTP001MagicReplyCodeFixer.UseBundledConstantKey);
    }

    [Fact]
    public async Task No_using_is_added_when_another_SmtpReplyCode_is_in_scope()
    {
        var source = @"
namespace SmtpServer.Protocol
{
    public enum SmtpReplyCode { Ok = 250 }
}

namespace App
{
    using SmtpServer.Protocol;

    class SmtpSession
    {
        public SmtpReplyCode Last = SmtpReplyCode.Ok;
        public void Reply(int code, string text) { }
        void OnData() => Reply({|SMTP001:354|}, ""go"");
    }
}";
        var fixedSource = @"
namespace SmtpServer.Protocol
{
    public enum SmtpReplyCode { Ok = 250 }
}

namespace App
{
    using SmtpServer.Protocol;

    class SmtpSession
    {
        public SmtpReplyCode Last = SmtpReplyCode.Ok;
        public void Reply(int code, string text) { }
        void OnData() => Reply(SmtpAnalyzers.SmtpReplyCode.StartMailInput, ""go"");
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_all_fixes_every_code_in_one_pass()
    {
        var source = @"
using System.Net.Mail;

class SmtpSession
{
    public void Reply(int code, string text) { }

    void Handle(string verb, SmtpException ex)
    {
        if ((int)ex.StatusCode == {|SMTP001:421|}) return;
        switch (verb)
        {
            case ""DATA"": Reply({|SMTP001:354|}, ""go""); break;
            case ""QUIT"": Reply({|SMTP001:221|}, ""bye""); break;
            default: Reply({|SMTP001:500|}, ""what?""); break;
        }
    }
}";
        var fixedSource = @"
using System.Net.Mail;
using SmtpAnalyzers;

class SmtpSession
{
    public void Reply(int code, string text) { }

    void Handle(string verb, SmtpException ex)
    {
        if (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable) return;
        switch (verb)
        {
            case ""DATA"": Reply(SmtpReplyCode.StartMailInput, ""go""); break;
            case ""QUIT"": Reply(SmtpReplyCode.ServiceClosingTransmissionChannel, ""bye""); break;
            default: Reply(SmtpReplyCode.CommandUnrecognized, ""what?""); break;
        }
    }
}";
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeActionEquivalenceKey = SMTP001MagicReplyCodeFixer.UseNamedConstantKey;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_solution_fixes_every_project()
    {
        var test = Verify.CreateTest(string.Empty, string.Empty);
        test.TestState.Sources.Clear();
        test.FixedState.Sources.Clear();
        test.TestState.Sources.Add(("/0/Test0.cs", "class SmtpA { void R(int code) { } void M() => R({|SMTP001:250|}); }"));
        test.TestState.Sources.Add(("/0/Test1.cs", "class SmtpB { void R(int code) { } void M() => R({|SMTP001:550|}); }"));
        test.FixedState.Sources.Add(("/0/Test0.cs", "using SmtpAnalyzers;\r\n\r\nclass SmtpA { void R(int code) { } void M() => R(SmtpReplyCode.Ok); }"));
        test.FixedState.Sources.Add(("/0/Test1.cs", "using SmtpAnalyzers;\r\n\r\nclass SmtpB { void R(int code) { } void M() => R(SmtpReplyCode.MailboxUnavailable); }"));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("/0/" + Constants.ReplyCodeConstantsGenerator.ConstantsHintName, Constants.ReplyCodeConstantsGenerator.GetConstantsSource()));
            state.Sources.Add(("/0/" + Constants.ReplyCodeConstantsGenerator.EmbeddedAttributeHintName, Constants.ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource()));
        }

        test.CodeActionEquivalenceKey = SMTP001MagicReplyCodeFixer.UseNamedConstantKey;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("System.Threading.Tasks.Task.Delay(250);")]
    [InlineData("var buffer = new byte[500];")]
    [InlineData("int timeout = 550; System.Console.WriteLine(timeout);")]
    [InlineData("for (int i = 0; i < 500; i++) { }")]
    [InlineData("int code = 0; bool permanent = code >= 500; bool transient = code >= 400 && code < 500; bool cls = code / 100 == 5;")]
    [InlineData("var port = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 250);")]
    public async Task No_diagnostic_for_ordinary_numbers_in_smtp_code(string statement)
    {
        var source = "class SmtpServerLoop { void Run() { " + statement + " } }";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task No_diagnostic_for_named_constants_themselves()
    {
        var source = @"
using System.Net.Mail;

enum MySmtpReply { Ok = 250, Busy = 450 }

class SmtpCodes
{
    public const int Ok = 250;
    public static readonly int Unavailable = 550;
    public static readonly SmtpStatusCode Rejected = (SmtpStatusCode)550;
    public static int Closing { get; } = 221;

    void M()
    {
        const int ReplyCode = 354;
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task No_diagnostic_for_http_ftp_and_nntp_codes()
    {
        var source = @"
using System.Net;
using System.Net.Http;

class HttpHandler
{
    bool Failed(HttpResponseMessage response) => (int)response.StatusCode == 500;
    HttpStatusCode Unavailable => (HttpStatusCode)503;
    void Set(int statusCode) { }
    void M() => Set(502);
}

class FtpServer
{
    public void Reply(int code, string text) { }
    void OnRetr() => Reply(550, ""File not found"");
    bool Done(FtpWebResponse response) => (int)response.StatusCode == 250;
    FtpStatusCode Ready => (FtpStatusCode)220;
}

class NntpSession
{
    public void Reply(int code, string text) { }
    void OnGroup() => Reply(211, ""group selected"");
}

class SmtpStatusPage
{
    // An HTTP object used inside an SMTP-named type is still HTTP.
    void Fail(HttpListenerResponse response) => response.StatusCode = 500;
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task No_diagnostic_without_smtp_evidence()
    {
        var source = @"
class Reporter
{
    public void Reply(int code, string text) { }
    void M()
    {
        Reply(250, ""ok"");
        int code = 550;
        if (code == 354) { }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task No_diagnostic_for_other_literal_forms()
    {
        var source = @"
class SmtpSession
{
    public void Reply(long code, string text) { }
    void M()
    {
        Reply(0x162, ""hex 354"");
        Reply(3_5_4, ""separated"");
        Reply(354L, ""long"");
        Reply(354u, ""unsigned"");
        Reply(0354, ""leading zero"");
        Reply(999, ""not a code"");
        Reply(200, ""not an SMTP code"");
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Editorconfig_adds_user_types_and_members()
    {
        var source = @"
class MailSession
{
    public void Answer(int value, string text) { }
    void M() => Answer({|SMTP001:250|}, ""ok"");
}

class Outcome
{
    public int Value;
    void M() => Value = {|SMTP001:451|};
}";
        var fixedSource = @"
using SmtpAnalyzers;

class MailSession
{
    public void Answer(int value, string text) { }
    void M() => Answer(SmtpReplyCode.Ok, ""ok"");
}

class Outcome
{
    public int Value;
    void M() => Value = SmtpReplyCode.LocalErrorInProcessing;
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource, editorConfig: "smtp_analyzers.code_members = MailSession.Answer, Outcome.Value");
    }

    [Fact]
    public async Task Known_library_enums_are_matched_by_name()
    {
        var source = @"
namespace MailKit.Net.Smtp
{
    public enum SmtpStatusCode { Ok = 250, StartMailInput = 354 }
    public class SmtpCommandException : System.Exception { public SmtpStatusCode StatusCode { get; } }
}

namespace App
{
    using MailKit.Net.Smtp;

    class Sender
    {
        bool Retry(SmtpCommandException ex) => ex.StatusCode == (SmtpStatusCode){|SMTP001:354|};
    }
}";
        var fixedSource = @"
namespace MailKit.Net.Smtp
{
    public enum SmtpStatusCode { Ok = 250, StartMailInput = 354 }
    public class SmtpCommandException : System.Exception { public SmtpStatusCode StatusCode { get; } }
}

namespace App
{
    using MailKit.Net.Smtp;

    class Sender
    {
        bool Retry(SmtpCommandException ex) => ex.StatusCode == SmtpStatusCode.StartMailInput;
    }
}";
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
