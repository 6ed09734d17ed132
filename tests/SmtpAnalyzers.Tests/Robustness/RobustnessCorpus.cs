using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SmtpAnalyzers.Tests.Robustness;

/// <summary>
/// Broken and unusual C#: every file mentions SMTP so that every rule's gate opens and its semantic work runs.
/// Each snippet is its own file, so that one file's broken syntax cannot hide another's.
/// </summary>
internal static class RobustnessCorpus
{
    private const string Header = "// SMTP robustness input\nusing System;\nusing System.IO;\nusing System.Text;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\n";

    public static IEnumerable<(string Path, string Text)> Sources()
    {
        var i = 0;
        foreach (var body in Snippets())
        {
            yield return ($"/src/Snippet{i++:D2}.cs", Header + body);
        }

        yield return ("/src/TopLevel.cs", TopLevel);
        yield return ("/src/PartialA.cs", PartialA);
        yield return ("/src/PartialB.cs", PartialB);
        yield return ("/src/Generated.g.cs", GeneratedByName);
        yield return ("/src/GeneratedMarker.cs", GeneratedByMarker);
        yield return ("/src/DeepSum.cs", DeepSum(2000));
        yield return ("/src/DeepParens.cs", DeepParentheses(2000));
        yield return ("/src/DeepConcat.cs", DeepConcat(1500));
        yield return ("/src/DeepCalls.cs", DeepCalls(600));
        yield return ("/src/NoNewlineAtEnd.cs", "class SmtpEnd { int x = 250");
        yield return ("/src/Empty.cs", string.Empty);
        yield return ("/src/OnlyTrivia.cs", "// smtp\n#if SMTP\n#endif\n/* 250 */");
    }

    private static IEnumerable<string> Snippets()
    {
        // Half-typed statements.
        yield return "class SmtpSession { void Reply(int code, string text) { } void A() { Reply(35";
        yield return "class SmtpSession { void Reply(int code, string text) { } void A(int code) { switch (code) { case 2";
        yield return "class SmtpSession { void A(int code) { if (code ==";
        yield return "class SmtpSession { void A(int code) { if (code == 250 && ) { } return 550 } }";
        yield return "class SmtpSession { void Reply(int c, string t) { } void A() { Reply(250, ); Reply(, \"OK\"); Reply(550 \"x\"); } }";
        yield return "class SmtpSession { int Code => ; int Other = 250 +; string S = \"250 OK\" + ; }";
        yield return "class SmtpSession { void A() { var x = new SmtpReply(250 { } } }";
        yield return "class SmtpSession { void A(StreamWriter w) { w.WriteLine(\"250 OK\"; w.Write(\"250 OK\\n\" } }";
        yield return "class SmtpSession { void A(StreamWriter w) => w.Write(; }";
        yield return "class SmtpSession : { void A() { int replyCode = 250; replyCode = ; } }";
        yield return "namespace Smtp. { class SmtpServer { } }";
        yield return "class SmtpSession { void A() { switch { case 250: } } }";
        yield return "class SmtpSession { int StatusCode { get => 250; set => } void B() => this.StatusCode = ; }";
        yield return "class SmtpSession { void A() { foreach (var code in new[] { 250, 550, }) { if (code is 250 or) { } } } }";

        // Missing types and members.
        yield return "class SmtpSession : MissingBase { void A() { Missing.Reply(250, \"OK\"); this.Send(550); var r = new UnknownSmtpResponse(354, \"go ahead\"); r.Code = 221; } }";
        yield return "class SmtpSession { UnknownType<int> x; void A(UnknownWriter w) { w.WriteLine(\"250 2.0.0 OK\"); w.Write(\"550 5.1.1 no\\n\"); } }";
        yield return "class SmtpSession { void A() { SmtpStatusCode code = SmtpStatusCode.Ok; if ((int)code == 250) { } if (code == (SmtpStatusCode)550) { } } }";
        yield return "class SmtpSession { void A() { var c = System.Net.Mail.SmtpStatusCode.NoSuchMember; int i = (int)System.Net.Mail.SmtpStatusCode.Ok + 250; } }";
        yield return "using static Missing.SmtpReplyCodes; class SmtpSession { int A() => Ok; int B() => 250; }";
        yield return "class SmtpSession { void A() { Func<int> f = () => missing(250); Action a = () => Reply(550, \"x\"); } }";

        // Unterminated strings and interpolations.
        yield return "class SmtpSession { string S = \"250 OK; }";
        yield return "class SmtpSession { string S = $\"250 {name\"; string T = $\"550 {\"; }";
        yield return "class SmtpSession { string S = @\"250 OK\n; }";
        yield return "class SmtpSession { string S = \"\"\"\n250 OK\n; }";
        yield return "class SmtpSession { string S = $$\"\"\"\n250 {{code}\n; }";
        yield return "class SmtpSession { char C = '\\u01; char D = '; string E = \"\\u00\"; string F = \"\\x\"; }";
        yield return "class SmtpSession { void A(StreamWriter w) { w.Write($\"250 {(w == null ? \"a\" : \"b\"}\\n\"); } }";

        // Huge and malformed literals.
        yield return "class SmtpSession { void Reply(int c) { } void Reply(long c) { } void Reply(uint c) { } void Reply(char c) { } void A() { Reply(0x1F6); Reply(3_5_4); Reply(354L); Reply(354u); Reply(354UL); Reply('\\u0162'); Reply(0b1_0110_0010); Reply(2_50); } }";
        yield return "class SmtpSession { void Reply(object c) { } void A() { Reply(99999999999999999999); Reply(999999999999999999999999999999m); Reply(1e999); Reply(0x); Reply(0b); Reply(1_); Reply(250..); Reply(250.0); Reply(250f); Reply(250d); Reply(2.5e2); } }";
        yield return "class SmtpSession { void A() { int replyCode = 0250; replyCode = 25_0; replyCode = 250_; replyCode = 0x_FA; replyCode = -250; replyCode = +550; replyCode = ~250; replyCode = 250 / 0; } }";
        yield return "class SmtpSession { void A() { int replyCode = checked(250 * 2147483647); replyCode = unchecked((int)99999999999); } }";

        // Records, pattern matching, switch expressions, collection expressions.
        yield return @"
record SmtpReply(int Code, string Text);
record struct SmtpLine(int ReplyCode, string Line);
sealed record SmtpError(int Code) : SmtpReply(Code, ""error"") { public int Extra { get; init; } = 550; }
class SmtpSession
{
    string Describe(SmtpReply reply) => reply switch
    {
        { Code: 250 } => ""ok"",
        { Code: >= 500 and < 600 } => ""permanent"",
        { Code: 354, Text: ""go"" } => ""data"",
        SmtpError { Extra: 550 } e => e.ToString(),
        (var code, _) when code == 421 => ""closing"",
        _ => throw new InvalidOperationException(),
    };
    bool Check(int[] codes) => codes is [250, .., 221] || codes is [_, 550, ..] || codes is [] || codes is [>= 400 and < 500, ..];
    bool Rel(int replyCode) => replyCode is > 399 and < 500 or 421 or not 250;
    int[] All = [250, 251, 252, 354, 421, 550];
    List<int> Some = [.. new[] { 220, 221 }, 250];
    int Code(object o) => o switch { int i when i is 250 => 250, string { Length: 3 } s => int.Parse(s), _ => 550 };
    SmtpReply With(SmtpReply r) => r with { Code = 550 };
}";

        // Raw, UTF-8 and interpolated raw strings.
        yield return @"
class SmtpSession
{
    void A(Stream s, StreamWriter w, int code)
    {
        w.Write(""""""250 OK"""""");
        w.Write(""""""
            250 OK
            """""");
        s.Write(""250 OK""u8);
        s.Write(""250 OK\r\n""u8);
        s.Write(""550 5.1.1 unknown\n""u8);
        ReadOnlySpan<byte> bytes = ""\r\n.\r\n""u8;
        w.Write($$""""""{{code}} OK"""""");
        w.Write($$""""""250 {{{code}}} {x}"""""");
        w.Write($""""""{code} 2.1.1 OK{""\n""}"""""");
        w.Write($""{code,5:D3} {{literal}} {(code > 500 ? ""bad"" : ""good"")}\n"");
        w.Write(""250 OK"" ""more"");
    }
}";

        // #if regions.
        yield return @"
class SmtpSession
{
#if DEBUG
    int replyCode = 250;
#else
    int replyCode = 550;
#endif
#if NEVER
    void Broken( { Reply(250
#endif
    void A(StreamWriter w)
    {
#if SMTP_TRACE
        w.Write(""250 OK\n"");
#elif OTHER
        w.Write(""550 no\n""
#else
        w.Write(""250 OK\r\n"");
#endif
    }
#region codes
    const int Ok = 250;
#endregion
#pragma warning disable SMTP001
    int x = 250;
#pragma warning restore SMTP001
#nullable disable
    string s = null;
#line 1000 ""other.cs""
    int y = 550;
#line default
#error unfinished
}";

        // File-scoped namespace, local functions, lambdas, default and named args, params, extension methods, generics.
        yield return @"
namespace Mail.Smtp;
static class SmtpExtensions
{
    public static void Reply(this StreamWriter w, int code, string text = ""OK"", params object[] args) => w.Write(code + "" "" + text + ""\r\n"");
    public static T Echo<T>(this T value) where T : struct => value;
}
class SmtpSession<TWriter> where TWriter : TextWriter
{
    void Reply(int code = 250, string text = default, params string[] lines) { }
    void Reply<T>(T code) { }
    void A(StreamWriter w)
    {
        Reply(text: ""OK"", code: 250);
        Reply(default, default);
        Reply(550, ""no"", ""a"", ""b"");
        Reply<int>(354);
        Reply(code: default);
        w.Reply(250);
        w.Reply(text: ""x"", code: 550);
        SmtpExtensions.Reply(w, 221, ""bye"");
        int Local(int replyCode) { return replyCode == 250 ? 250 : 550; }
        static int StaticLocal() => 421;
        Func<int, int> f = code => { if (code == 250) return 550; return 250; };
        Func<int> g = () => { return 354; };
        var h = int (int code) => 250;
        var k = [Obsolete] static (int replyCode) => replyCode >= 500;
        _ = 250.Echo();
        Local(StaticLocal());
    }
}";

        // dynamic, nameof, unsafe.
        yield return @"
unsafe class SmtpSession
{
    void A(dynamic reply, dynamic writer)
    {
        reply.Code = 250;
        writer.Write(""250 OK\n"");
        writer.Reply(550, ""5.1.1 unknown user"");
        if (reply.Code == 354) { }
        string n = nameof(SmtpSession) + nameof(A) + nameof(reply.Code);
        int* p = stackalloc int[250];
        p[0] = 550;
        fixed (char* c = ""250 OK\n"") { }
        delegate*<int, void> fp = null;
        int size = sizeof(int) * 250;
    }
}";

        // Enhanced status codes, line endings, DATA terminators in odd shapes.
        yield return @"
class SmtpSession
{
    void A(StreamWriter w, StreamReader r, StringBuilder sb, byte[] buf)
    {
        w.Write(""550 2.1.1 \n"");
        w.Write(""250 9.9.9 odd\r\n"");
        w.Write(""550 5.1.1"" + '\n');
        w.Write(""550 5.1."" + 1 + ""\n"");
        w.Write(""550 5.1.1 x"" + Environment.NewLine);
        w.WriteLine(""250-"" + ""\n"" + ""250 OK"");
        sb.Append(""250 OK"").Append('\n').AppendLine().AppendFormat(""{0}\n"", 250);
        string line;
        while ((line = r.ReadLine()) != null && line != ""."") { }
        if (new string(Encoding.ASCII.GetChars(buf)).EndsWith(""\n.\n"")) { }
        if (Encoding.ASCII.GetString(buf).IndexOf(""\r\n.\r\n"", StringComparison.Ordinal) >= 0) { }
        if (line is ""."" or ""..""){ }
        var end = ""\n.\n"".AsSpan();
        w.Write(string.Format(""{0} {1}\n"", 550, ""5.7.1""));
        w.Write(string.Concat(""250"", "" "", ""OK"", ""\n""));
        w.Write(string.Join(""\n"", new[] { ""250-a"", ""250 b"" }));
    }
}";

        // Odd declarations: operators, indexers, events, destructors, static constructors, attributes, enums, interfaces.
        yield return @"
[AttributeUsage(AttributeTargets.All)] class SmtpCodeAttribute : Attribute { public SmtpCodeAttribute(int code) { } public int ReplyCode { get; set; } }
enum SmtpReplyCodeKind { Ok = 250, Bad = 550, Computed = Ok + 300, }
interface ISmtpReply { int Code { get; } static virtual int Default => 250; void Reply(int code = 250); }
[SmtpCode(250, ReplyCode = 550)]
struct SmtpSession : ISmtpReply
{
    public int Code => 250;
    public void Reply(int code = 550) { }
    public static SmtpSession operator +(SmtpSession a, int code) => a;
    public static implicit operator int(SmtpSession s) => 250;
    public int this[int replyCode] => replyCode == 250 ? 1 : 0;
    public event Action<int> Replied;
    static SmtpSession() { }
    public void A() { Replied?.Invoke(250); var s = this + 550; int i = this; _ = this[354]; }
    [return: SmtpCode(221)] int B([SmtpCode(421)] int code = 421) => code;
}";

        // Async, iterators, tuples, deconstruction, ref locals, goto, labelled statements, checked, lock, using.
        yield return @"
class SmtpSession
{
    async Task<int> ReadReplyCodeAsync() { await Task.Yield(); return 250; }
    IEnumerable<int> Codes() { yield return 250; yield return 550; yield break; }
    (int Code, string Text) Reply() => (250, ""OK"");
    async IAsyncEnumerable<int> Stream() { await Task.Yield(); yield return 354; }
    void A(int replyCode)
    {
        var (code, text) = Reply();
        (int c, _) = (550, ""x"");
        ref int r = ref replyCode;
        r = 250;
        if (code == 250) goto done;
        lock (this) { replyCode = 421; }
        using var w = new StreamWriter(""f""); w.Write(""250 OK\n"");
        done:
        switch (replyCode) { case 250: case 251 when text != null: break; case >= 500: goto case 250; default: break; }
    }
}";

        // Interpolated string handlers, string concatenations with chars, verbatim interpolations, utf-16 escapes.
        yield return @"
class SmtpSession
{
    void A(StreamWriter w, int code, string text)
    {
        w.Write($@""{code} {text}
"");
        w.Write(@$""{250} OK\r\n"");
        w.Write(""\u0032\u0035\u0030 OK\n"");
        w.Write(""\x32\x35\x30 OK\n"");
        w.Write(""250"" + ' ' + ""OK"" + '\r' + '\n');
        w.Write('2' + '5' + '0');
        w.Write(""\U0001F600 250 OK\n"");
        w.Write(""250 OK\0\n"");
        w.Write(""\uD800 250 OK\n"");
    }
}";
    }

    private const string TopLevel = @"// SMTP top-level program
using System;
using System.IO;
var writer = new StreamWriter(Console.OpenStandardOutput());
writer.Write(""220 smtp.example.com ESMTP ready\n"");
int replyCode = 250;
if (replyCode == 550) { writer.WriteLine(""550 5.1.1 no such user""); }
static int Reply(int code) => code == 354 ? 250 : 550;
Console.WriteLine(Reply(250));
record SmtpTopLevelReply(int Code);
";

    private const string PartialA = @"// SMTP partial class, part one
namespace Robustness.Smtp
{
    public partial class SmtpSession
    {
        private readonly System.IO.StreamWriter writer = null!;
        partial void OnReply(int code);
        public partial int Code { get; }
        public void Start() { Reply(220, ""ready""); OnReply(250); }
    }
}";

    private const string PartialB = @"// SMTP partial class, part two
namespace Robustness.Smtp
{
    public partial class SmtpSession
    {
        partial void OnReply(int code) { if (code == 250) writer.Write(""250 OK\n""); }
        public partial int Code => 550;
        private void Reply(int code, string text) => writer.Write(code + "" "" + text + ""\n"");
        private void Other() { Reply(550, ""5.1.1 unknown""); }
    }
}";

    private const string GeneratedByName = @"// SMTP generated code (by file name)
class SmtpGeneratedSession { void A(System.IO.StreamWriter w) { w.Write(""250 OK\n""); int replyCode = 550; if (replyCode == 421) { } } }";

    private const string GeneratedByMarker = @"// <auto-generated/>
// SMTP generated code (by marker)
class SmtpMarkedSession { void A(System.IO.StreamWriter w) { w.Write(""250 OK\n""); int replyCode = 550; if (replyCode == 421) { } } }";

    private static string DeepSum(int depth)
    {
        var sb = new StringBuilder("// SMTP deep sum\nclass SmtpDeepSum { int A(int replyCode) { int a = 250; return a");
        for (var i = 0; i < depth; i++)
        {
            sb.Append(i % 100 == 0 ? " + 250" : " + a");
        }

        return sb.Append(" == replyCode ? 250 : 550; } }").ToString();
    }

    private static string DeepParentheses(int depth) =>
        "// SMTP deep parentheses\nclass SmtpDeepParens { int A(int replyCode) => replyCode == " + new string('(', depth) + "250" + new string(')', depth) + " ? 550 : 250; }";

    private static string DeepConcat(int depth)
    {
        var sb = new StringBuilder("// SMTP deep concatenation\nclass SmtpDeepConcat { void A(System.IO.StreamWriter w, string x) { w.Write(\"250 \"");
        for (var i = 0; i < depth; i++)
        {
            sb.Append(i % 50 == 0 ? " + \"\\n\"" : " + x");
        }

        return sb.Append("); } }").ToString();
    }

    private static string DeepCalls(int depth) =>
        "// SMTP deep calls\nclass SmtpDeepCalls { int Reply(int code) => code; int A() => "
        + string.Concat(Enumerable.Repeat("Reply(", depth)) + "250" + new string(')', depth) + "; }";
}
