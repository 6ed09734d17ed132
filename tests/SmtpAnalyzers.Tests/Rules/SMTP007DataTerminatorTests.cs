using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP007DataTerminatorAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpAnalyzers.Tests.Rules;

public class SMTP007DataTerminatorTests
{
    private const string Head = @"
using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

class SmtpServerSession
{
    private readonly StreamReader reader;
    public SmtpServerSession(Stream stream) { reader = new StreamReader(stream); }
";

    [Fact]
    public async Task ReadLine_compared_with_dot_is_the_smuggling_pattern()
    {
        var source = Head + @"
    string ReadData()
    {
        var data = new StringBuilder();
        string line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line == ""."")
            {
                break;
            }

            data.Append(line).Append(""\r\n"");
        }

        return data.ToString();
    }
}";
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("SMTP007").WithSpan(18, 17, 18, 28)
                .WithMessage("'ReadLine' accepts a bare LF in the end of DATA: only CR LF . CR LF ends the mail data (RFC 5321 §4.1.1.4), anything else lets an attacker smuggle a second message (SMTP smuggling, CVE-2023-51764)"));
    }

    [Fact]
    public async Task Every_form_of_the_comparison()
    {
        var source = Head + @"
    bool A() => {|SMTP007:reader.ReadLine() == "".""|};
    async Task<bool> B() => {|SMTP007:await reader.ReadLineAsync() is "".""|};
    bool C() => {|SMTP007:reader.ReadLine().Trim().Equals(""."")|};
    bool D() => {|SMTP007:string.Equals(reader.ReadLine(), ""."")|};
    void E()
    {
        string line;
        while ({|SMTP007:(line = reader.ReadLine()) != "".""|}) { }
    }
    void F()
    {
        var line = reader.ReadLine();
        switch (line)
        {
            case {|SMTP007:"".""|}: return;
        }
    }
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Searches_for_bare_LF_terminators()
    {
        var source = Head + @"
    bool A(string data) => data.IndexOf({|SMTP007:""\n.\n""|}, StringComparison.Ordinal) >= 0;
    bool B(string data) => data.EndsWith({|SMTP007:""\r\n.\n""|});
    bool C(string data) => data.Contains({|SMTP007:""\n.\r\n""|});
    string[] D(string data) => data.Split(new[] { ""\r\n.\r\n"", {|SMTP007:""\n.\n""|} }, StringSplitOptions.None);
    int E(ReadOnlySpan<byte> data) => data.IndexOf({|SMTP007:""\n.\n""u8|});
}";
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Correct_detection_and_other_protocols_are_fine()
    {
        var source = Head + @"
    bool Crlf(string data) => data.EndsWith(""\r\n.\r\n"", StringComparison.Ordinal);
    int Bytes(ReadOnlySpan<byte> data) => data.IndexOf(""\r\n.\r\n""u8);
    bool Quit() => reader.ReadLine() == ""QUIT"";
    bool Memory(string text) => new StringReader(text).ReadLine() == ""."";
    bool File1() => new StreamReader(""mail.txt"").ReadLine() == ""."";
    string Payload() => ""MAIL FROM:<a@b>\r\nDATA\r\nhello\n.\nMAIL FROM:<evil@b>\r\n"";
    bool Dot(string s) => s == ""."";
}

class Pop3Client
{
    private readonly StreamReader reader = new StreamReader(new MemoryStream());
    bool End() => reader.ReadLine() == ""."";
    bool Search(string data) => data.EndsWith(""\n.\n"");
}

class NntpClient
{
    private readonly StreamReader reader = new StreamReader(new MemoryStream());
    bool End() => reader.ReadLine() == ""."";
}

class ConfigParser
{
    private readonly StreamReader reader = new StreamReader(new MemoryStream());
    bool End() => reader.ReadLine() == ""."";
}";
        await Verify.VerifyAnalyzerAsync(source);
    }
}
