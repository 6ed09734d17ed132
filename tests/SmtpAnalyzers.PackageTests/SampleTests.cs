using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>
/// README's first commands, on a copy of the repository: <c>dotnet build samples/SmtpSample</c> shows the SMTP001 warnings,
/// the sample server really speaks SMTP, and <c>dotnet format analyzers</c> fixes every warning without changing what it does.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SampleTests
{
    private const string SampleFolder = "samples/SmtpSample";

    /// <summary>Every magic reply code in the sample, in every SMTP001 context; the traps beside them (Task.Delay(250), sizes, <c>code &gt;= 500</c>, HTTP) are absent.</summary>
    private static readonly string[] ExpectedWarnings =
    {
            "samples/SmtpSample/Program.cs(124,93): warning SMTP001",
            "samples/SmtpSample/Program.cs(124,122): warning SMTP001",
            "samples/SmtpSample/Program.cs(133,26): warning SMTP001",
            "samples/SmtpSample/Program.cs(134,26): warning SMTP001",
            "samples/SmtpSample/Program.cs(137,26): warning SMTP001",
            "samples/SmtpSample/Program.cs(153,9): warning SMTP001",
            "samples/SmtpSample/Program.cs(153,16): warning SMTP001",
            "samples/SmtpSample/Program.cs(153,23): warning SMTP001",
            "samples/SmtpSample/Program.cs(153,30): warning SMTP001",
            "samples/SmtpSample/Program.cs(154,9): warning SMTP001",
            "samples/SmtpSample/Program.cs(154,16): warning SMTP001",
            "samples/SmtpSample/Program.cs(154,23): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(48,99): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(65,26): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(65,46): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(68,49): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(70,31): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(75,50): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(80,31): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(80,52): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(96,39): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(97,53): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(100,35): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(107,32): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(113,27): warning SMTP001",
            "samples/SmtpSample/SmtpMailSender.cs(145,38): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(40,15): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(51,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(85,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(91,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(96,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(100,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(105,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(109,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(116,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(120,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(124,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(129,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(136,27): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(144,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(147,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(150,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(153,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(156,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(159,23): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(168,15): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(197,25): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(205,29): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(222,78): warning SMTP001",
            "samples/SmtpSample/SmtpSession.cs(222,84): warning SMTP001"
    };

    private readonly PackageFixture fixture;

    public SampleTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Sample_shows_the_warnings_serves_SMTP_and_dotnet_format_fixes_them_all()
    {
        var repository = fixture.RepositoryCopy;
        var sample = Path.Combine(repository, SampleFolder);
        var assembly = Path.Combine(sample, "bin", "Debug", "net10.0", "SmtpSample.dll");

        // The default configuration, as in README: dotnet format loads the analyzers the Debug build of src/ made.
        var build = DotNet.Run(repository, null, "build", SampleFolder, "-nologo", "-tl:off");
        Assert.True(build.ExitCode == 0, build.ToString());
        BuildAssert.Diagnostics(build, ExpectedWarnings);

        // Each warning points at a three-digit literal and names that very code.
        foreach (var diagnostic in BuildDiagnostic.Parse(build.Output))
        {
            var literal = File.ReadAllLines(diagnostic.File)[diagnostic.Line - 1].Substring(diagnostic.Column - 1, 4);
            Assert.Matches(@"^\d{3}\W$", literal);
            Assert.StartsWith($"Use a named constant for SMTP reply code {literal.Substring(0, 3)} (", diagnostic.Message);
        }

        Converse(assembly, Path.Combine(fixture.Root, "mail-before-fix"));

        var format = DotNet.Run(repository, null, "format", "analyzers", Path.Combine(SampleFolder, "SmtpSample.csproj"), "--diagnostics", "SMTP001", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.ToString());
        foreach (var file in new[] { "Program.cs", "SmtpMailSender.cs", "SmtpSession.cs" })
        {
            Assert.NotEqual(File.ReadAllText(Path.Combine(fixture.RepositoryRoot, SampleFolder, file)), File.ReadAllText(Path.Combine(sample, file)));
        }

        Assert.Contains("using SmtpAnalyzers;", File.ReadAllText(Path.Combine(sample, "SmtpSession.cs")));
        Assert.Contains("Reply(SmtpReplyCode.StartMailInput, ", File.ReadAllText(Path.Combine(sample, "SmtpSession.cs")));
        Assert.Contains("case (int)SmtpStatusCode.MailboxUnavailable:", File.ReadAllText(Path.Combine(sample, "Program.cs")));
        Assert.Contains("await Task.Delay(250, timeout.Token);", File.ReadAllText(Path.Combine(sample, "Program.cs")));

        var rebuild = DotNet.Run(repository, null, "build", SampleFolder, "-nologo", "-tl:off", "-p:TreatWarningsAsErrors=true");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        BuildAssert.Diagnostics(rebuild);
        Assert.Contains("0 Warning(s)", rebuild.Output);

        Converse(assembly, Path.Combine(fixture.Root, "mail-after-fix"));
    }

    /// <summary>A whole SMTP conversation with the sample server on 127.0.0.1, then the sample client against it, then a clean stop.</summary>
    private static void Converse(string assembly, string mailDirectory)
    {
        using var server = new SampleServer(assembly, mailDirectory);
        using (var client = new SmtpTestClient(server.Port))
        {
            Assert.Equal(new[] { "220 smtpsample.localhost ESMTP SmtpSample ready" }, client.ReadReply());
            Assert.Equal("250 OK", client.Send("NOOP"));
            Assert.Equal("503 Send EHLO or HELO first", client.Send("MAIL FROM:<alice@example.org>"));
            Assert.Equal(
                new[] { "250-smtpsample.localhost greets client.example", "250-8BITMIME", "250-SIZE 10485760", "250 HELP" },
                client.SendRaw("EHLO client.example\r\n"));
            Assert.Equal("503 Need MAIL before RCPT", client.Send("RCPT TO:<bob@example.org>"));
            Assert.Equal("250 OK", client.Send("MAIL FROM:<alice@example.org> SIZE=100"));
            Assert.Equal("501 Syntax: RCPT TO:<address>", client.Send("RCPT TO:bob@example.org"));
            Assert.Equal("250 OK", client.Send("RCPT TO:<bob@example.org>"));
            Assert.Equal("354 Start mail input; end with <CRLF>.<CRLF>", client.Send("DATA"));

            // A dot-stuffed line, and a bare LF.LF that must not end the message (only CRLF.CRLF does).
            var queued = client.SendRaw("Subject: test\r\n\r\n..leading dot\r\nbare\n.\nstays data\r\n.\r\n")[^1];
            var id = Regex.Match(queued, "^250 OK: queued as ([0-9a-f]{12})$").Groups[1].Value;
            Assert.True(id.Length == 12, queued);

            Assert.Equal("503 Need MAIL command", client.Send("DATA"));
            Assert.Equal("250 OK", client.Send("RSET"));
            Assert.Equal("252 Cannot VRFY user, but will accept message and attempt delivery", client.Send("VRFY bob"));
            Assert.Equal("500 Command unrecognized", client.Send("BOGUS"));
            Assert.Equal("221 smtpsample.localhost Service closing transmission channel", client.Send("QUIT"));
            Assert.True(client.IsClosedByServer());

            var saved = Assert.Single(Directory.GetFiles(mailDirectory, $"*-{id}.eml"));
            Assert.Matches(
                "^Return-Path: <alice@example.org>\r\n"
                + $"Received: from client\\.example by smtpsample\\.localhost with ESMTP id {id} for <bob@example\\.org>; \\w{{3}}, \\d\\d \\w{{3}} \\d{{4}} \\d\\d:\\d\\d:\\d\\d \\+0000\r\n"
                + "Subject: test\r\n\r\n\\.leading dot\r\nbare\n\\.\nstays data\r\n$",
                File.ReadAllText(saved));
        }

        // The sample's own client: EHLO, MAIL, RCPT, DATA with dot-stuffing, QUIT, each reply code checked.
        var send = DotNet.Run(Path.GetDirectoryName(assembly)!, null, TimeSpan.FromMinutes(2), assembly, "send", server.Port.ToString(), "carol@example.org", "dave@example.org", "Hello", "Hi Dave,\n.see you\nCarol");
        Assert.True(send.ExitCode == 0, send + "\nServer:\n" + server.Output);
        Assert.Equal("Sent to <dave@example.org>.\n", send.Output);
        var sent = Assert.Single(Directory.GetFiles(mailDirectory, "*.eml"), f => File.ReadAllText(f).Contains("Subject: Hello\r\n"));
        Assert.EndsWith("\r\n\r\nHi Dave,\r\n.see you\r\nCarol\r\n", File.ReadAllText(sent));

        Assert.Equal(0, server.StopByClosingStandardInput(TimeSpan.FromSeconds(30)));
        Assert.EndsWith("SmtpSample stopped.\n", server.Output);
    }
}
